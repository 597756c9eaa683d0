package io.otbroker.recorder.json;

/** Writes JSON strings with the escapes every JSON reader accepts; output is ASCII-safe for control characters. */
public final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

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

    private static void appendEscaped(StringBuilder out, char c) {
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
    }
}
