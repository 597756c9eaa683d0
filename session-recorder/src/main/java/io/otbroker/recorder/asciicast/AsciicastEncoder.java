package io.otbroker.recorder.asciicast;

import io.otbroker.recorder.chain.RecordUnit;
import io.otbroker.recorder.json.JsonWriter;

import java.nio.charset.StandardCharsets;

/**
 * Turns one terminal session's relayed bytes into asciicast event lines. It runs on the recording's writer
 * thread only (the pending units of {@link AsciicastWriter} call it there, in queue order), so its decoders
 * and its reused line buffer need no locking. Decoded text is escaped straight into the line: no string per
 * chunk, no string per character.
 */
final class AsciicastEncoder implements Utf8StreamDecoder.CharSink {

    /** A line buffer grown past this (chars or bytes) by a bulk chunk is dropped: an idle session does not keep it. */
    private static final int KEPT_LINE_CHARS = 64 * 1024;

    private static final byte[] LINE_END = "\"]\n".getBytes(StandardCharsets.US_ASCII);

    private final Utf8StreamDecoder outputDecoder = new Utf8StreamDecoder();
    private final Utf8StreamDecoder inputDecoder = new Utf8StreamDecoder();
    private StringBuilder line;
    private byte[] asciiBuffer;

    /** The event for a chunk of relayed bytes; null while the chunk holds only part of a character. */
    RecordUnit chunk(AsciicastEvent.Type type, byte[] bytes, long timeMicros, int width, int height) {
        Utf8StreamDecoder decoder = decoder(type);
        RecordUnit ascii = decoder.midCharacter() ? null : asciiLine(type, bytes, timeMicros, width, height);
        if (ascii != null) {
            return ascii;
        }
        StringBuilder out = start(type, timeMicros);
        int decoded = decoder.decode(bytes, this);
        return decoded == 0 ? null : end(out, timeMicros, width, height);
    }

    /**
     * The event for a chunk of ASCII, escaped straight from the relayed bytes into the line's bytes; null if the
     * chunk is not all ASCII. Why: most terminal output is ASCII, and this skips decoding to characters and
     * encoding back (the same line either way). The line is escaped into a reused buffer with room for the usual
     * escapes (a newline every few dozen bytes), measured once only when they do not fit, and lent out as the
     * unit (valid until the next chunk: see {@link RecordUnit}).
     */
    private RecordUnit asciiLine(AsciicastEvent.Type type, byte[] bytes, long timeMicros, int width, int height) {
        StringBuilder start = start(type, timeMicros);
        int from = start.length();
        byte[] line = asciiBuffer(from + bytes.length + bytes.length / 8 + 16); // 16: the line's end, a few escapes
        int end = JsonWriter.escapeAscii(bytes, line, from);
        if (end == JsonWriter.NO_ROOM || end + LINE_END.length > line.length) {
            int exact = JsonWriter.asciiEscapedLength(bytes);
            if (exact < 0) {
                return null;
            }
            line = asciiBuffer(from + exact + LINE_END.length);
            end = JsonWriter.escapeAscii(bytes, line, from);
        }
        if (end < 0) {
            return null; // not ASCII: the decoder's turn
        }
        for (int i = 0; i < from; i++) {
            line[i] = (byte) start.charAt(i); // the event's start is ASCII: a time and a type code
        }
        System.arraycopy(LINE_END, 0, line, end, LINE_END.length);
        if (line.length > KEPT_LINE_CHARS) {
            asciiBuffer = null; // the unit still holds it; the next chunk gets a new one
        }
        return new RecordUnit(line, end + LINE_END.length, timeMicros, true, width, height);
    }

    /** The reused buffer for ASCII lines, at least {@code size} bytes. */
    private byte[] asciiBuffer(int size) {
        if (asciiBuffer == null || asciiBuffer.length < size) {
            asciiBuffer = new byte[size];
        }
        return asciiBuffer;
    }

    /** The event for the end of a stream (a dangling partial character); null if nothing dangles. */
    RecordUnit finish(AsciicastEvent.Type type, long timeMicros, int width, int height) {
        StringBuilder out = start(type, timeMicros);
        int decoded = decoder(type).finish(this);
        return decoded == 0 ? null : end(out, timeMicros, width, height);
    }

    /** An event whose data is already text (resize, marker). */
    RecordUnit text(AsciicastEvent.Type type, String data, long timeMicros, int width, int height) {
        return end(JsonWriter.escape(start(type, timeMicros), data), timeMicros, width, height);
    }

    @Override
    public void accept(char[] chars, int from, int to) {
        JsonWriter.escape(line, chars, from, to);
    }

    private Utf8StreamDecoder decoder(AsciicastEvent.Type type) {
        return type == AsciicastEvent.Type.INPUT ? inputDecoder : outputDecoder;
    }

    private StringBuilder start(AsciicastEvent.Type type, long timeMicros) {
        if (line == null) {
            line = new StringBuilder(256);
        }
        line.setLength(0);
        return AsciicastEvent.appendStart(line, timeMicros, type).append('"');
    }

    private RecordUnit end(StringBuilder out, long timeMicros, int width, int height) {
        byte[] bytes = out.append("\"]\n").toString().getBytes(StandardCharsets.UTF_8);
        if (out.capacity() > KEPT_LINE_CHARS) {
            line = null;
        }
        return new RecordUnit(bytes, timeMicros, true, width, height);
    }
}
