package io.otbroker.recorder.chain;

import java.util.ArrayList;
import java.util.List;

/** Collects a sparse seek index: the first seek point, then one at least every {@code intervalMicros}. */
public final class SeekIndexBuilder {

    private final long intervalMicros;
    private final List<IndexEntry> entries = new ArrayList<>();

    public SeekIndexBuilder(long intervalMicros) {
        if (intervalMicros <= 0) {
            throw new IllegalArgumentException("index interval must be positive");
        }
        this.intervalMicros = intervalMicros;
    }

    /** Considers a unit that starts at {@code offset} of {@code segment}. */
    public void observe(RecordUnit unit, int segment, long offset) {
        if (unit.seekPoint()) {
            observeSeekPoint(new IndexEntry(unit.timeMicros(), segment, offset, unit.width(), unit.height()));
        }
    }

    /** Considers a place where a player could start; kept if it is due. */
    public void observeSeekPoint(IndexEntry candidate) {
        if (entries.isEmpty() || candidate.timeMicros() >= entries.getLast().timeMicros() + intervalMicros) {
            entries.add(candidate);
        }
    }

    public long intervalMicros() {
        return intervalMicros;
    }

    public List<IndexEntry> entries() {
        return List.copyOf(entries);
    }
}
