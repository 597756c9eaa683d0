package io.otbroker.recorder.asciicast;

import io.otbroker.recorder.MalformedRecordingException;
import io.otbroker.recorder.chain.ChainSummary;
import io.otbroker.recorder.chain.IndexEntry;
import io.otbroker.recorder.chain.LineReader;
import io.otbroker.recorder.chain.Manifest;
import io.otbroker.recorder.chain.SegmentInputStream;
import io.otbroker.recorder.store.RecordingSource;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the events of an asciicast recording, from the start or from any time offset. Seeking uses the
 * manifest's index: it reads the header line, then jumps to the last seek point at or before the offset,
 * so a one-hour recording is not read from the beginning. Reading starts at that seek point, at most one
 * index interval before the offset, so a player can fast-forward to the exact moment. The header it returns
 * carries the terminal size in force at the starting point.
 */
public final class AsciicastReader implements Closeable {

    private final AsciicastHeader header;
    private final LineReader lines;
    private final SegmentInputStream stream;

    private AsciicastReader(AsciicastHeader header, SegmentInputStream stream) {
        this.header = header;
        this.stream = stream;
        this.lines = new LineReader(new BufferedInputStream(stream, 8192));
    }

    /** Reads from the beginning. */
    public static AsciicastReader open(RecordingSource source, Manifest manifest) throws IOException {
        return from(source, manifest, Duration.ZERO);
    }

    /** Reads from the last seek point at or before {@code offset}. */
    public static AsciicastReader from(RecordingSource source, Manifest manifest, Duration offset)
            throws IOException {
        ChainSummary chain = manifest.chain();
        long wantedMicros = offset.toNanos() / 1000;
        AsciicastHeader header = readHeader(source, chain);
        Optional<IndexEntry> seekPoint = chain.seekPointFor(wantedMicros);
        if (seekPoint.isEmpty()) {
            AsciicastReader reader = new AsciicastReader(header, new SegmentInputStream(source, chain, 0, 0));
            reader.lines.next();
            return reader;
        }
        IndexEntry entry = seekPoint.get();
        return new AsciicastReader(header.withSize(entry.width(), entry.height()),
                new SegmentInputStream(source, chain, entry.segment(), entry.offset()));
    }

    private static AsciicastHeader readHeader(RecordingSource source, ChainSummary chain) throws IOException {
        try (SegmentInputStream in = new SegmentInputStream(source, chain, 0, 0)) {
            return AsciicastHeader.parse(new LineReader(new BufferedInputStream(in, 512)).next()
                    .orElseThrow(() -> new MalformedRecordingException("recording is empty")));
        }
    }

    /** The header, with the terminal size at the starting point. */
    public AsciicastHeader header() {
        return header;
    }

    /** The next event; empty at the end. */
    public Optional<AsciicastEvent> next() throws IOException {
        return lines.next().map(AsciicastEvent::parse);
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
