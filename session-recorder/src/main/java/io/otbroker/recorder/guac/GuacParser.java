package io.otbroker.recorder.guac;

import io.otbroker.recorder.MalformedRecordingException;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses Guacamole instructions from text that may end in the middle of one (a relayed chunk, a torn file).
 * Why bounded: element lengths come from the peer; lengths, element counts and instruction sizes are
 * capped so that a hostile stream cannot make the parser allocate without limit.
 */
public final class GuacParser {

    /** Longest instruction accepted, in chars. guacd sends blobs in chunks far below this. */
    public static final int MAX_INSTRUCTION_CHARS = 1024 * 1024;
    private static final int MAX_ELEMENTS = 1024;
    private static final int MAX_LENGTH_DIGITS = 7;

    /** A parsed instruction and the position just after its {@code ;}. */
    public record Parsed(GuacInstruction instruction, int end) {
    }

    private GuacParser() {
    }

    /**
     * Parses the instruction starting at {@code start}.
     *
     * @return the instruction, or {@code null} if {@code text} ends before the instruction does
     * @throws MalformedRecordingException if the text is not a Guacamole instruction
     */
    public static Parsed parseAt(CharSequence text, int start) {
        List<String> elements = new ArrayList<>();
        int position = start;
        while (true) {
            int dot = lengthEnd(text, position);
            if (dot < 0) {
                return incompleteOrTooLong(text, start);
            }
            int length = Integer.parseInt(text, position, dot, 10);
            int valueEnd = skipCodePoints(text, dot + 1, length);
            if (valueEnd < 0 || valueEnd >= text.length()) {
                return incompleteOrTooLong(text, start);
            }
            elements.add(text.subSequence(dot + 1, valueEnd).toString());
            char terminator = text.charAt(valueEnd);
            if (terminator == ';') {
                return new Parsed(new GuacInstruction(elements.getFirst(), elements.subList(1, elements.size())),
                        valueEnd + 1);
            }
            if (terminator != ',' || elements.size() >= MAX_ELEMENTS) {
                throw new MalformedRecordingException("expected ',' or ';' after an element");
            }
            position = valueEnd + 1;
        }
    }

    /** Position of the {@code .} ending the length at {@code position}, or -1 if the text ends first. */
    private static int lengthEnd(CharSequence text, int position) {
        for (int i = position; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' && i > position) {
                return i;
            }
            if (c < '0' || c > '9' || i - position >= MAX_LENGTH_DIGITS) {
                throw new MalformedRecordingException("bad element length");
            }
        }
        return -1;
    }

    /** Position after {@code count} code points from {@code position}, or -1 if the text ends first. */
    private static int skipCodePoints(CharSequence text, int position, int count) {
        int at = position;
        for (int i = 0; i < count; i++) {
            if (at >= text.length()) {
                return -1;
            }
            if (Character.isHighSurrogate(text.charAt(at))) {
                if (at + 1 >= text.length()) {
                    return -1;
                }
                at += Character.isLowSurrogate(text.charAt(at + 1)) ? 2 : 1;
            } else {
                at++;
            }
        }
        return at;
    }

    private static Parsed incompleteOrTooLong(CharSequence text, int start) {
        if (text.length() - start > MAX_INSTRUCTION_CHARS) {
            throw new MalformedRecordingException("instruction too long");
        }
        return null;
    }
}
