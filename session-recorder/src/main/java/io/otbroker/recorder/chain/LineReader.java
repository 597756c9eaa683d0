package io.otbroker.recorder.chain;

import io.otbroker.recorder.MalformedRecordingException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads {@code \n}-terminated UTF-8 lines with a length cap, so a hostile file cannot exhaust memory. */
public final class LineReader {

    private static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final InputStream in;

    public LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator; empty at the end. A last line without terminator is refused. */
    public Optional<String> next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int next;
        while ((next = in.read()) >= 0 && next != '\n') {
            if (line.size() >= MAX_LINE_BYTES) {
                throw new MalformedRecordingException("line too long");
            }
            line.write(next);
        }
        if (next < 0) {
            if (line.size() > 0) {
                throw new MalformedRecordingException("last line is cut off");
            }
            return Optional.empty();
        }
        return Optional.of(line.toString(StandardCharsets.UTF_8));
    }
}
