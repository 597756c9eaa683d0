package io.otbroker.recorder.chain;

/**
 * Reads the units of a recording segment by segment (in order, each from its start) for crash recovery:
 * finds where the last whole unit ends and rebuilds the seek index. Stateful across segments.
 */
public interface UnitScanner {

    /**
     * Scans one segment, feeding seek points to {@code index}.
     *
     * @return the length of the longest prefix of {@code segmentBytes} made of whole, well-formed units
     */
    long scan(byte[] segmentBytes, int segment, SeekIndexBuilder index);

    /** Recording time of the last whole unit seen, 0 if none. */
    long lastTimeMicros();
}
