package io.otbroker.ssh;

import io.otbroker.recorder.asciicast.AsciicastWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * What the asset sends to the vendor: recorded first, then passed on. Why in that order: if the recording
 * fails, the bytes do not reach the vendor unrecorded; the writer throws and the session is cut.
 */
final class RecordedOutput extends FilterOutputStream {

    private final AsciicastWriter recording;

    RecordedOutput(OutputStream vendor, AsciicastWriter recording) {
        super(vendor);
        this.recording = recording;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        byte[] chunk = Arrays.copyOfRange(bytes, offset, offset + length);
        recording.output(chunk);
        out.write(chunk);
        out.flush();
    }
}
