package io.otbroker.ssh;

import io.otbroker.recorder.asciicast.AsciicastWriter;
import io.otbroker.session.LiveSession;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * What the asset sends to the vendor: recorded first, then shown to the session's watchers, counted, and
 * passed on. Why in that order: if the recording fails, the bytes do not reach the vendor (or a watcher)
 * unrecorded; the writer throws and the session is cut. Watchers never block (see {@code Watchers}).
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
        byte[] chunk = Arrays.copyOfRange(bytes, offset, offset + length);
        recording.output(chunk);
        live.watchers().output(chunk);
        live.traffic().receivedFromAsset(length);
        out.write(chunk);
        out.flush();
    }
}
