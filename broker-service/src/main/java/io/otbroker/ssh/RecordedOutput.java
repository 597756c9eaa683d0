package io.otbroker.ssh;

import io.otbroker.recorder.asciicast.AsciicastWriter;
import io.otbroker.session.LiveSession;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What the asset sends to the vendor: recorded first, then shown to the session's watchers, counted, and
 * passed on. Why in that order: if the recording fails, the bytes do not reach the vendor (or a watcher)
 * unrecorded; the writer throws and the session is cut. Watchers never block (see {@code Watchers}). The
 * recording and the watchers copy what they keep, so the relay's buffer is passed on as it is.
 */
final class RecordedOutput extends FilterOutputStream {

    private final AsciicastWriter recording;
    private final LiveSession live;

    RecordedOutput(OutputStream vendor, AsciicastWriter recording, LiveSession live) {
        super(vendor);
        this.recording = recording;
        this.live = live;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        recording.output(bytes, offset, length);
        live.watchers().output(bytes, offset, length);
        live.traffic().receivedFromAsset(length);
        out.write(bytes, offset, length);
        out.flush();
    }

    /**
     * Flushes, but leaves the vendor's stream open. Why: the asset's side closing (or MINA closing it after the
     * recording failed) must not close the vendor's channel before the relay has told the vendor why; the relay
     * closes that channel itself when the session ends.
     */
    @Override
    public void close() throws IOException {
        out.flush();
    }
}
