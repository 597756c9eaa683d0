package io.otbroker.recorder.json;

import java.nio.charset.StandardCharsets;

/** Writes JSON strings with the escapes every JSON reader accepts; output is ASCII-safe for control characters. */
public final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Each ASCII character's escape, as {@link #escape} writes it; null for those written as they are. */
    private static final byte[][] ASCII_ESCAPES = asciiEscapes();

    /** Bytes each byte value's escape adds; see {@link #escapeExtra}. */
    private static final byte[] ESCAPE_EXTRA = escapeExtra();

    private JsonWriter() {
    }

    /** Appends {@code text} as a quoted JSON string. */
    public static StringBuilder quote(StringBuilder out, String text) {
        return escape(out.append('"'), text).append('"');
    }

    /** Appends {@code text} escaped for the inside of a JSON string, without quotes. */
    public static StringBuilder escape(StringBuilder out, String text) {
        escape(out, text.toCharArray(), 0, text.length());
        return out;
    }

    /**
     * Appends {@code text[from, to)} escaped for the inside of a JSON string, without quotes. Runs of characters
     * that need no escape are copied at once: terminal output is mostly such runs.
     */
    public static void escape(StringBuilder out, char[] text, int from, int to) {
        int run = from;
        for (int i = from; i < to; i++) {
            char c = text[i];
            if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f) {
                continue;
            }
            out.append(text, run, i - run);
            appendEscaped(out, c);
            run = i + 1;
        }
        out.append(text, run, to - run);
    }

    /**
     * How many bytes {@code bytes} take escaped by {@link #escapeAscii}; -1 if any is not ASCII (part of a
     * multi-byte UTF-8 character: such text goes through a decoder and {@link #escape} instead).
     */
    public static int asciiEscapedLength(byte[] bytes) {
        // Why this shape: it runs over every byte of bulk output, so no branch per byte (a table and an OR).
        int extra = 0;
        int high = 0;
        for (byte b : bytes) {
            extra += ESCAPE_EXTRA[b & 0xff];
            high |= b;
        }
        return high < 0 ? -1 : bytes.length + extra;
    }

    /**
     * Writes ASCII {@code bytes} escaped into {@code out} from {@code at}, exactly as {@link #escape} writes the
     * same characters (UTF-8 and ASCII agree on them); returns the index after the last byte written. Runs of
     * characters that need no escape are copied at once.
     */
    public static int escapeAscii(byte[] bytes, byte[] out, int at) {
        int run = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (ESCAPE_EXTRA[bytes[i] & 0xff] == 0) {
                continue;
            }
            System.arraycopy(bytes, run, out, at, i - run);
            at += i - run;
            byte[] escape = ASCII_ESCAPES[bytes[i]];
            System.arraycopy(escape, 0, out, at, escape.length);
            at += escape.length;
            run = i + 1;
        }
        System.arraycopy(bytes, run, out, at, bytes.length - run);
        return at + bytes.length - run;
    }

    private static byte[][] asciiEscapes() {
        byte[][] escapes = new byte[128][];
        for (char c = 0; c < 128; c++) {
            if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f) {
                escapes[c] = appendEscaped(new StringBuilder(6), c).toString().getBytes(StandardCharsets.US_ASCII);
            }
        }
        return escapes;
    }

    /** For each byte value: how many bytes its escape adds (0 for ASCII written as it is, and for non-ASCII). */
    private static byte[] escapeExtra() {
        byte[] extra = new byte[256];
        for (int c = 0; c < 128; c++) {
            extra[c] = (byte) (ASCII_ESCAPES[c] == null ? 0 : ASCII_ESCAPES[c].length - 1);
        }
        return extra;
    }

    private static StringBuilder appendEscaped(StringBuilder out, char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
        }
        return out;
    }
}
