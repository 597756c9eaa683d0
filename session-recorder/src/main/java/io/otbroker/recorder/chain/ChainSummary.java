package io.otbroker.recorder.chain;

import java.util.List;
import java.util.Optional;

/**
 * What the chain of a finished (or recovered) recording amounts to; the content part of the manifest.
 *
 * @param segments             every whole segment in order
 * @param indexIntervalMicros  spacing of the seek index
 * @param index                the seek index
 */
public record ChainSummary(List<SegmentEntry> segments, long indexIntervalMicros, List<IndexEntry> index) {

    public ChainSummary {
        segments = List.copyOf(segments);
        index = List.copyOf(index);
    }

    /** The hash of the last segment, or the genesis value for an empty recording. */
    public String finalHash() {
        return ChainHash.previous(segments);
    }

    /**
     * Where a reader wanting {@code timeMicros} starts: the last seek point at or before it, or empty for
     * "from the beginning" (also when that point is the first one, so that preambles before it are kept).
     */
    public Optional<IndexEntry> seekPointFor(long timeMicros) {
        return index.stream().skip(1).filter(entry -> entry.timeMicros() <= timeMicros).reduce((first, second) -> second);
    }

    public long totalSize() {
        return segments.stream().mapToLong(SegmentEntry::size).sum();
    }
}
