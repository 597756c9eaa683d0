package io.otbroker.recorder.asciicast;

import io.otbroker.recorder.ActiveRecording;
import io.otbroker.recorder.PendingUnit;
import io.otbroker.recorder.RecordingFailedException;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.chain.Manifest;
import io.otbroker.recorder.chain.RecordUnit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Records a terminal session as asciicast v2. The SSH relay calls {@link #output} and {@link #input} with
 * the bytes it relays, in whatever chunks they come; each direction has its own incremental UTF-8 decoder
 * so a character split across chunks is written whole. Every method throws
 * {@link RecordingFailedException} once the recording has failed: the relay must then cut the session.
 *
 * <p>Why the relay thread only copies and queues: decoding and JSON escaping cost more than relaying the
 * bytes, so the recording's writer thread does them ({@link AsciicastEncoder}), in order. The event time is
 * taken here, when the relay hands the bytes over. A failure found later on the writer thread still fails
 * the recording, and the failure listener cuts the session.
 */
public final class AsciicastWriter {

    private final ActiveRecording recording;
    private final AsciicastEncoder encoder = new AsciicastEncoder();
    private int width;
    private int height;

    /** Starts the recording with its header line. */
    public AsciicastWriter(ActiveRecording recording, AsciicastHeader header) {
        this.recording = recording;
        this.width = header.width();
        this.height = header.height();
        byte[] line = (header.toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8);
        recording.append(new RecordUnit(line, 0, false, width, height));
    }

    public RecordingId id() {
        return recording.id();
    }

    /** Bytes the asset sent to the vendor's terminal. */
    public void output(byte[] bytes) {
        output(bytes, 0, bytes.length);
    }

    /** Bytes the asset sent to the vendor's terminal: {@code bytes[offset, offset + length)}, copied. */
    public synchronized void output(byte[] bytes, int offset, int length) {
        chunk(AsciicastEvent.Type.OUTPUT, bytes, offset, length);
    }

    /** Bytes the vendor typed. */
    public void input(byte[] bytes) {
        input(bytes, 0, bytes.length);
    }

    /** Bytes the vendor typed: {@code bytes[offset, offset + length)}, copied. */
    public synchronized void input(byte[] bytes, int offset, int length) {
        chunk(AsciicastEvent.Type.INPUT, bytes, offset, length);
    }

    /** The vendor's terminal changed size. */
    public synchronized void resize(int columns, int rows) {
        AsciicastHeader.checkSize(columns, rows);
        width = columns;
        height = rows;
        text(AsciicastEvent.Type.RESIZE, columns + "x" + rows);
    }

    /** A marker a player shows as a chapter (e.g. "file transfer started"). */
    public synchronized void marker(String label) {
        text(AsciicastEvent.Type.MARKER, label);
    }

    public boolean hasFailed() {
        return recording.hasFailed();
    }

    /**
     * Ends both streams (a dangling partial character becomes U+FFFD) and seals the recording. On a failed
     * recording this throws the failure after sealing what reached the disk as {@code INCOMPLETE}.
     */
    public synchronized Manifest close() {
        try {
            finish(AsciicastEvent.Type.OUTPUT);
            finish(AsciicastEvent.Type.INPUT);
        } catch (RecordingFailedException failed) {
            // recording.close() below throws this same failure once it has sealed what was written
        }
        return recording.close();
    }

    private void chunk(AsciicastEvent.Type type, byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        byte[] copy = Arrays.copyOfRange(bytes, offset, offset + length);
        long time = recording.elapsedMicros();
        int columns = width;
        int rows = height;
        recording.append(PendingUnit.encodedLater(length, () -> encoder.chunk(type, copy, time, columns, rows)));
    }

    private void finish(AsciicastEvent.Type type) {
        long time = recording.elapsedMicros();
        int columns = width;
        int rows = height;
        recording.append(PendingUnit.encodedLater(0, () -> encoder.finish(type, time, columns, rows)));
    }

    private void text(AsciicastEvent.Type type, String data) {
        long time = recording.elapsedMicros();
        int columns = width;
        int rows = height;
        recording.append(PendingUnit.encodedLater(data.length(), () -> encoder.text(type, data, time, columns, rows)));
    }
}
