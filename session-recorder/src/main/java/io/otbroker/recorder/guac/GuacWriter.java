package io.otbroker.recorder.guac;

import io.otbroker.recorder.ActiveRecording;
import io.otbroker.recorder.MalformedRecordingException;
import io.otbroker.recorder.RecordingFailedException;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.chain.Manifest;
import io.otbroker.recorder.chain.RecordUnit;

import java.nio.charset.StandardCharsets;

/**
 * Records a remote-desktop session as the Guacamole instruction stream (the {@code .guac} format that
 * Guacamole's player and {@code guacenc} read). The tunnel relays text from guacd in arbitrary chunks;
 * {@link #relay} reassembles whole instructions, so every recorded unit is one complete instruction.
 * Every method throws {@link RecordingFailedException} once the recording has failed, and also when the
 * relayed text is not valid Guacamole protocol (unrecordable traffic must not pass unrecorded).
 */
public final class GuacWriter {

    private final ActiveRecording recording;
    private final GuacTimeline timeline = new GuacTimeline();
    private final StringBuilder pending = new StringBuilder();

    public GuacWriter(ActiveRecording recording) {
        this.recording = recording;
    }

    public RecordingId id() {
        return recording.id();
    }

    /** Text relayed from guacd to the browser, in any chunking. */
    public synchronized void relay(CharSequence chunk) {
        pending.append(chunk);
        int consumed = 0;
        try {
            GuacParser.Parsed parsed;
            while ((parsed = GuacParser.parseAt(pending, consumed)) != null) {
                write(parsed.instruction());
                consumed = parsed.end();
            }
        } catch (MalformedRecordingException notGuacamole) {
            throw new RecordingFailedException("relayed text is not Guacamole protocol: " + notGuacamole.getMessage());
        } finally {
            pending.delete(0, consumed);
        }
    }

    /** One instruction. */
    public synchronized void write(GuacInstruction instruction) {
        boolean seekPoint = timeline.observe(instruction);
        byte[] bytes = instruction.toWire().getBytes(StandardCharsets.UTF_8);
        recording.append(new RecordUnit(bytes, timeline.timeMicros(), seekPoint, timeline.width(), timeline.height()));
    }

    public boolean hasFailed() {
        return recording.hasFailed();
    }

    /** Seals the recording; an unfinished relayed instruction is not part of it. */
    public synchronized Manifest close() {
        return recording.close();
    }
}
