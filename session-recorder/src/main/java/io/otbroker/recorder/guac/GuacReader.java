package io.otbroker.recorder.guac;

import io.otbroker.recorder.MalformedRecordingException;
import io.otbroker.recorder.chain.ChainSummary;
import io.otbroker.recorder.chain.IndexEntry;
import io.otbroker.recorder.chain.Manifest;
import io.otbroker.recorder.chain.SegmentInputStream;
import io.otbroker.recorder.store.RecordingSource;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the instructions of a Guacamole recording, from the start or from the last {@code sync} at or
 * before a time offset (via the manifest's index). Starting mid-stream gives the instructions from that
 * point on; drawing state built before it (layers, cached images) is not reconstructed.
 */
public final class GuacReader implements Closeable {

    private static final int READ_CHUNK = 8192;

    private final Reader reader;
    private final StringBuilder buffer = new StringBuilder();
    private final char[] chunk = new char[READ_CHUNK];
    private boolean endOfInput;

    private GuacReader(SegmentInputStream stream) {
        this.reader = new InputStreamReader(stream, StandardCharsets.UTF_8);
    }

    public static GuacReader open(RecordingSource source, Manifest manifest) throws IOException {
        return from(source, manifest, Duration.ZERO);
    }

    public static GuacReader from(RecordingSource source, Manifest manifest, Duration offset) throws IOException {
        ChainSummary chain = manifest.chain();
        Optional<IndexEntry> seekPoint = chain.seekPointFor(offset.toNanos() / 1000);
        int segment = seekPoint.map(IndexEntry::segment).orElse(0);
        long position = seekPoint.map(IndexEntry::offset).orElse(0L);
        return new GuacReader(new SegmentInputStream(source, chain, segment, position));
    }

    /** The next instruction; empty at the end; a cut-off last instruction is refused. */
    public Optional<GuacInstruction> next() throws IOException {
        while (true) {
            GuacParser.Parsed parsed = GuacParser.parseAt(buffer, 0);
            if (parsed != null) {
                buffer.delete(0, parsed.end());
                return Optional.of(parsed.instruction());
            }
            if (endOfInput) {
                if (!buffer.isEmpty()) {
                    throw new MalformedRecordingException("last instruction is cut off");
                }
                return Optional.empty();
            }
            fill();
        }
    }

    private void fill() throws IOException {
        int read = reader.read(chunk);
        if (read < 0) {
            endOfInput = true;
        } else {
            buffer.append(chunk, 0, read);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
