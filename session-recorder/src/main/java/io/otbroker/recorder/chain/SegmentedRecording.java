package io.otbroker.recorder.chain;

import io.otbroker.recorder.store.RecordingDraft;
import io.otbroker.recorder.store.SegmentSink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes units into a draft as a chain of segments: buffers, cuts segments by {@link SegmentPolicy}, hashes
 * them into the chain, journals each whole segment durably and builds the seek index. Single-threaded: the
 * {@code RecordingWriter} thread owns it. Every I/O error propagates; nothing is swallowed.
 */
public final class SegmentedRecording {

    private static final int FLUSH_THRESHOLD = 64 * 1024;
    private static final int FIRST_BUFFER = 4 * 1024;

    private final RecordingDraft draft;
    private final SegmentPolicy policy;
    private final SeekIndexBuilder index;
    private final List<SegmentEntry> segments = new ArrayList<>();
    /**
     * Grows from {@link #FIRST_BUFFER} to {@link #FLUSH_THRESHOLD} as needed: an idle session's stays small. Why
     * direct: a file channel copies a heap buffer into a direct one before every write; this one goes to the
     * kernel as it is, which spares a copy of every recorded byte.
     */
    private ByteBuffer buffer = ByteBuffer.allocateDirect(0);

    private SegmentSink sink;
    private ChainHash hash;
    private long segmentSize;
    private long segmentStartMicros;

    public SegmentedRecording(RecordingDraft draft, SegmentPolicy policy, long indexIntervalMicros) {
        this.draft = draft;
        this.policy = policy;
        this.index = new SeekIndexBuilder(indexIntervalMicros);
    }

    /** Appends one unit, starting a new segment first if the policy says so; the unit's bytes are copied. */
    public void append(RecordUnit unit) throws IOException {
        int length = unit.length();
        if (sink != null && policy.startsNewSegment(segmentSize, segmentStartMicros, length, unit.timeMicros())) {
            closeSegment();
        }
        if (sink == null) {
            openSegment(unit.timeMicros());
        }
        index.observe(unit, segments.size(), segmentSize);
        hash.update(unit.bytes(), 0, length);
        segmentSize += length;
        buffer(unit.bytes(), length);
    }

    /** Hands buffered bytes to the store (the operating system); called when the writer's queue runs dry. */
    public void flush() throws IOException {
        if (buffer.position() > 0) {
            buffer.flip();
            sink.write(buffer);
            buffer.clear();
        }
    }

    /** Closes the last segment and returns the chain; the recording takes no more units. */
    public ChainSummary finish() throws IOException {
        if (sink != null) {
            closeSegment();
        }
        return new ChainSummary(segments, index.intervalMicros(), index.entries());
    }

    private void buffer(byte[] bytes, int length) throws IOException {
        if (length > buffer.remaining() && buffer.capacity() < FLUSH_THRESHOLD) {
            grow(buffer.position() + length);
        }
        if (length > buffer.remaining()) {
            flush();
        }
        if (length > buffer.capacity()) {
            sink.write(ByteBuffer.wrap(bytes, 0, length));
        } else {
            buffer.put(bytes, 0, length);
        }
    }

    private void grow(int needed) {
        int capacity = Math.max(FIRST_BUFFER, buffer.capacity());
        while (capacity < needed && capacity < FLUSH_THRESHOLD) {
            capacity *= 2;
        }
        buffer = ByteBuffer.allocateDirect(Math.min(capacity, FLUSH_THRESHOLD)).put(buffer.flip());
    }

    private void openSegment(long startMicros) throws IOException {
        sink = draft.createSegment(segments.size());
        hash = ChainHash.after(ChainHash.previous(segments));
        segmentSize = 0;
        segmentStartMicros = startMicros;
    }

    /** Why force before journaling: a journal line must never vouch for bytes that are not on disk yet. */
    private void closeSegment() throws IOException {
        flush();
        sink.force();
        sink.close();
        sink = null;
        SegmentEntry entry = new SegmentEntry(segments.size(), segmentSize, hash.hex());
        draft.appendJournal(entry.toJournalLine());
        segments.add(entry);
    }
}
