package io.otbroker.recorder.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes JSON strings with the escapes every JSON reader accepts; output is ASCII-safe for control characters. */
public final class JsonWriter {

    /** What {@link #escapeAscii} returns when a byte is not ASCII. */
    public static final int NOT_ASCII = -1;

    /** What {@link #escapeAscii} returns when the output array is too small. */
    public static final int NO_ROOM = -2;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Each ASCII character's escape, as {@link #escape} writes it; null for those written as they are. */
    private static final byte[][] ASCII_ESCAPES = asciiEscapes();

    /** Eight bytes of a byte array as one long, at any index. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** The longest escape ({@code \\u00XX}). */
    private static final int MAX_ESCAPE = 6;

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
            if (!needsEscape(c)) {
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
        int extra = 0;
        int i = 0;
        for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
            long word = (long) WORDS.get(bytes, i);
            if ((word & HIGH_BITS) != 0) {
                return -1;
            }
            if (escapes(word) != 0) {
                extra += escapeExtra(bytes, i, i + Long.BYTES);
            }
        }
        for (int b = i; b < bytes.length; b++) {
            if (bytes[b] < 0) {
                return -1;
            }
        }
        return bytes.length + extra + escapeExtra(bytes, i, bytes.length);
    }

    /**
     * Writes {@code bytes} escaped into {@code out} from {@code at}, exactly as {@link #escape} writes the same
     * characters (UTF-8 and ASCII agree on them); returns the index after the last byte written, or
     * {@link #NOT_ASCII} as soon as a byte is not ASCII, or {@link #NO_ROOM} when {@code out} ends first (what was
     * written is then to be discarded). Why one pass that may fail: bulk output is ASCII and fits a buffer a
     * little larger than itself, so the exact length ({@link #asciiEscapedLength}) is rarely worth a pass of its own.
     */
    public static int escapeAscii(byte[] bytes, byte[] out, int at) {
        int i = 0;
        while (i + Long.BYTES <= bytes.length && at + Long.BYTES + MAX_ESCAPE <= out.length) {
            long word = (long) WORDS.get(bytes, i);
            if ((word & HIGH_BITS) != 0) {
                return NOT_ASCII;
            }
            WORDS.set(out, at, word); // all eight: bytes after an escape are overwritten next
            long escapes = escapes(word);
            if (escapes == 0) {
                at += Long.BYTES;
                i += Long.BYTES;
            } else {
                int plain = Long.numberOfTrailingZeros(escapes) >>> 3;
                at = writeEscape(bytes[i + plain], out, at + plain);
                i += plain + 1;
            }
        }
        return escapeEach(bytes, i, bytes.length, out, at);
    }

    /**
     * Marks, by setting its high bit, each byte of {@code word} (eight ASCII bytes) that needs an escape: below
     * 0x20, a quote, a backslash, DEL. The lowest mark is the first such byte; marks above it may be false. Why
     * words: this runs over every byte of bulk output; one test per eight bytes, and a jump straight to the byte to
     * escape, measured about twice the throughput of a table lookup per byte. Why the lowest is exact:
     * {@code (x - 0x01..) & ~x} marks a zero byte and {@code (x - 0x20..) & ~x} one below 0x20, and a false mark
     * can only follow a true one (a borrow runs upwards).
     */
    private static long escapes(long word) {
        long below = (word - 0x20 * ONES) & ~word;
        return (below | zeroByte(word ^ '"' * ONES) | zeroByte(word ^ '\\' * ONES) | zeroByte(word ^ 0x7f * ONES))
                & HIGH_BITS;
    }

    private static long zeroByte(long word) {
        return (word - ONES) & ~word;
    }

    /** Bytes the escapes of ASCII {@code bytes[from, to)} add. */
    private static int escapeExtra(byte[] bytes, int from, int to) {
        int extra = 0;
        for (int i = from; i < to; i++) {
            byte[] escape = ASCII_ESCAPES[bytes[i]];
            extra += escape == null ? 0 : escape.length - 1;
        }
        return extra;
    }

    private static int escapeEach(byte[] bytes, int from, int to, byte[] out, int at) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b < 0) {
                return NOT_ASCII;
            }
            byte[] escape = ASCII_ESCAPES[b];
            if (at + (escape == null ? 1 : escape.length) > out.length) {
                return NO_ROOM;
            }
            if (escape == null) {
                out[at++] = b;
            } else {
                at = writeEscape(b, out, at);
            }
        }
        return at;
    }

    /** Writes the escape of ASCII byte {@code b}, which needs one; returns the index after it. */
    private static int writeEscape(byte b, byte[] out, int at) {
        for (byte e : ASCII_ESCAPES[b]) {
            out[at++] = e; // two bytes mostly ("\\n"): a loop beats a call to arraycopy
        }
        return at;
    }

    private static byte[][] asciiEscapes() {
        byte[][] escapes = new byte[128][];
        for (char c = 0; c < 128; c++) {
            if (needsEscape(c)) {
                escapes[c] = appendEscaped(new StringBuilder(6), c).toString().getBytes(StandardCharsets.US_ASCII);
            }
        }
        return escapes;
    }

    /** The characters JSON requires escaped (controls, quote, backslash), and DEL: lines hold no control character. */
    private static boolean needsEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\' || c == 0x7f;
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
