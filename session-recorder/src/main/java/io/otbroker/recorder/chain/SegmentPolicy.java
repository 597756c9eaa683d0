package io.otbroker.recorder.chain;

import java.time.Duration;

/**
 * When a segment is closed and the next one begins: after {@code maxBytes}, or once a segment spans
 * {@code maxDuration} of recording time, whichever comes first. Smaller segments locate tampering more
 * precisely and lose less on a crash; larger ones cost fewer files and journal writes.
 */
public record SegmentPolicy(long maxBytes, Duration maxDuration) {

    public SegmentPolicy {
        if (maxBytes <= 0 || maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("segment limits must be positive");
        }
    }

    /** Whether a unit of {@code unitSize} bytes at {@code unitTime} starts a new segment. */
    boolean startsNewSegment(long segmentSize, long segmentStartMicros, long unitSize, long unitTimeMicros) {
        if (segmentSize == 0) {
            return false;
        }
        return segmentSize + unitSize > maxBytes || unitTimeMicros - segmentStartMicros >= maxDuration.toNanos() / 1000;
    }
}
