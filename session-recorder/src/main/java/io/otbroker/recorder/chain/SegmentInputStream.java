package io.otbroker.recorder.chain;

import io.otbroker.recorder.store.RecordingSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * Reads a recording as one stream across its segments, starting at any segment and offset, so a player
 * can begin at a seek point without touching the segments before it.
 */
public final class SegmentInputStream extends InputStream {

    private final RecordingSource source;
    private final int segmentCount;
    private int segment;
    private SeekableByteChannel channel;

    /** A stream over the segments listed in {@code chain}, positioned at {@code offset} of {@code startSegment}. */
    public SegmentInputStream(RecordingSource source, ChainSummary chain, int startSegment, long offset)
            throws IOException {
        this.source = source;
        this.segmentCount = chain.segments().size();
        this.segment = startSegment;
        if (segment < segmentCount) {
            channel = source.openSegment(segment);
            channel.position(offset);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        while (channel != null) {
            int read = channel.read(ByteBuffer.wrap(target, offset, length));
            if (read > 0 || length == 0) {
                return read;
            }
            nextSegment();
        }
        return -1;
    }

    private void nextSegment() throws IOException {
        channel.close();
        channel = ++segment < segmentCount ? source.openSegment(segment) : null;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
