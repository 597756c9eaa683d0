package io.otbroker.recorder.asciicast;

import io.otbroker.recorder.ActiveRecording;
import io.otbroker.recorder.RecordingFailedException;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.chain.Manifest;
import io.otbroker.recorder.chain.RecordUnit;

import java.nio.charset.StandardCharsets;

/**
 * Records a terminal session as asciicast v2. The SSH relay calls {@link #output} and {@link #input} with
 * the bytes it relays, in whatever chunks they come; each direction has its own incremental UTF-8 decoder
 * so a character split across chunks is written whole. Every method throws
 * {@link RecordingFailedException} once the recording has failed: the relay must then cut the session.
 */
public final class AsciicastWriter {

    private final ActiveRecording recording;
    private final Utf8StreamDecoder outputDecoder = new Utf8StreamDecoder();
    private final Utf8StreamDecoder inputDecoder = new Utf8StreamDecoder();
    private int width;
    private int height;

    /** Starts the recording with its header line. */
    public AsciicastWriter(ActiveRecording recording, AsciicastHeader header) {
        this.recording = recording;
        this.width = header.width();
        this.height = header.height();
        recording.append(new RecordUnit(line(header.toJsonLine()), 0, false, width, height));
    }

    public RecordingId id() {
        return recording.id();
    }

    /** Bytes the asset sent to the vendor's terminal. */
    public synchronized void output(byte[] bytes) {
        event(AsciicastEvent.Type.OUTPUT, outputDecoder.decode(bytes));
    }

    /** Bytes the vendor typed. */
    public synchronized void input(byte[] bytes) {
        event(AsciicastEvent.Type.INPUT, inputDecoder.decode(bytes));
    }

    /** The vendor's terminal changed size. */
    public synchronized void resize(int columns, int rows) {
        AsciicastHeader.checkSize(columns, rows);
        width = columns;
        height = rows;
        event(AsciicastEvent.Type.RESIZE, columns + "x" + rows);
    }

    /** A marker a player shows as a chapter (e.g. "file transfer started"). */
    public synchronized void marker(String label) {
        event(AsciicastEvent.Type.MARKER, label);
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
            event(AsciicastEvent.Type.OUTPUT, outputDecoder.finish());
            event(AsciicastEvent.Type.INPUT, inputDecoder.finish());
        } catch (RecordingFailedException failed) {
            // recording.close() below throws this same failure once it has sealed what was written
        }
        return recording.close();
    }

    private void event(AsciicastEvent.Type type, String data) {
        if (data.isEmpty() && type != AsciicastEvent.Type.MARKER) {
            return;
        }
        AsciicastEvent event = new AsciicastEvent(recording.elapsedMicros(), type, data);
        recording.append(new RecordUnit(line(event.toJsonLine()), event.timeMicros(), true, width, height));
    }

    private static byte[] line(String json) {
        return (json + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
