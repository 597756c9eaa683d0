package io.otbroker.recorder.json;

import io.otbroker.recorder.MalformedRecordingException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON parser for the documents this library reads: asciicast lines and manifests.
 *
 * <p>Objects become {@link LinkedHashMap}, arrays {@link List}, numbers {@link BigDecimal}, and
 * {@code null} becomes {@link #NULL}. Why hand-written: the verifier jar has no dependencies, so an
 * auditor runs exactly what was reviewed. Why strict and bounded: input may be hostile; nesting depth and
 * number size are capped, duplicate keys are refused (a signed manifest must have one meaning), and any
 * error is a {@link MalformedRecordingException}.
 */
public final class Json {

    /** Stands for a JSON {@code null}. */
    public static final Object NULL = new Object();

    private static final int MAX_DEPTH = 16;
    private static final int MAX_NUMBER_LENGTH = 40;
    private static final int MAX_EXPONENT = 64;

    private final String text;
    private int position;

    private Json(String text) {
        this.text = text;
    }

    /** Parses one complete JSON value; trailing content other than white space is refused. */
    public static Object parse(String text) {
        Json parser = new Json(text);
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.position != text.length()) {
            throw parser.error("trailing content");
        }
        return value;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting too deep");
        }
        skipWhitespace();
        char next = peek();
        return switch (next) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> members = new LinkedHashMap<>();
        position++;
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return members;
        }
        do {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            String name = string();
            expect(':');
            if (members.put(name, value(depth + 1)) != null) {
                throw error("duplicate member " + name);
            }
        } while (separatorBefore('}'));
        return members;
    }

    private List<Object> array(int depth) {
        List<Object> elements = new ArrayList<>();
        position++;
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return elements;
        }
        do {
            elements.add(value(depth + 1));
        } while (separatorBefore(']'));
        return elements;
    }

    /** Consumes a comma (more follows: true) or the closing character (false). */
    private boolean separatorBefore(char closing) {
        skipWhitespace();
        char next = peek();
        position++;
        if (next == ',') {
            return true;
        }
        if (next == closing) {
            return false;
        }
        throw error("expected ',' or '" + closing + "'");
    }

    private String string() {
        position++;
        StringBuilder result = new StringBuilder();
        while (true) {
            char next = peek();
            position++;
            if (next == '"') {
                return result.toString();
            }
            if (next == '\\') {
                result.append(escape());
            } else if (next < 0x20) {
                throw error("control character in string");
            } else {
                result.append(next);
            }
        }
    }

    private char escape() {
        char next = peek();
        position++;
        return switch (next) {
            case '"', '\\', '/' -> next;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> throw error("bad escape");
        };
    }

    private char unicodeEscape() {
        if (position + 4 > text.length()) {
            throw error("short unicode escape");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position++), 16);
            if (digit < 0) {
                throw error("bad unicode escape");
            }
            code = code * 16 + digit;
        }
        return (char) code;
    }

    private BigDecimal number() {
        int start = position;
        while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        String token = text.substring(start, position);
        if (token.isEmpty() || token.length() > MAX_NUMBER_LENGTH || !token.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d{1,3})?")) {
            throw error("bad number");
        }
        BigDecimal number = new BigDecimal(token);
        if (Math.abs(number.scale()) > MAX_EXPONENT) {
            throw error("number out of range");
        }
        return number;
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, position)) {
            throw error("bad literal");
        }
        position += word.length();
        return value;
    }

    private void expect(char wanted) {
        skipWhitespace();
        if (peek() != wanted) {
            throw error("expected '" + wanted + "'");
        }
        position++;
    }

    private char peek() {
        if (position >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(position);
    }

    private void skipWhitespace() {
        while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
    }

    private MalformedRecordingException error(String what) {
        return new MalformedRecordingException("JSON: " + what + " at " + position);
    }
}
