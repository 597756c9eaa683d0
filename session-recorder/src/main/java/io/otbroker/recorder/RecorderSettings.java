package io.otbroker.recorder;

import io.otbroker.recorder.chain.SegmentPolicy;

import java.time.Duration;

/**
 * Tuning of the recorder.
 *
 * @param segments        when segments are cut
 * @param indexInterval   spacing of seek points in recording time
 * @param queueBytes      bytes the relay may hand over before the writer thread has written them: the memory
 *                        ceiling of one recording's queue (plus one unit, and a small overhead per unit)
 * @param maxEnqueueWait  how long the relay may wait for room in a full queue before the recording fails
 */
public record RecorderSettings(SegmentPolicy segments, Duration indexInterval, long queueBytes,
                               Duration maxEnqueueWait) {

    public RecorderSettings {
        if (queueBytes < 1 || indexInterval.isNegative() || indexInterval.isZero() || maxEnqueueWait.isNegative()) {
            throw new IllegalArgumentException("queue capacity, index interval and wait must be positive");
        }
    }

    /**
     * 8 MiB or 60 s segments, a seek point every 5 s, 8 MiB queued per recording, at most 1 s of waiting. Why
     * 8 MiB segments: each one closed costs two fsyncs (segment and journal), with 1 MiB ones two per MiB of a bulk
     * download; interactive sessions are cut by the 60 s long before, so what a crash loses or a tampered
     * segment spans stays a minute at most. Why 8 MiB queued and 1 s: a bulk download
     * runs ahead of the disk while a segment is forced and the relay is held back (the SSH window closes)
     * rather than cut; a disk that stalls longer still fails the recording.
     */
    public static RecorderSettings defaults() {
        return new RecorderSettings(new SegmentPolicy(8L * 1024 * 1024, Duration.ofSeconds(60)), Duration.ofSeconds(5),
                8L * 1024 * 1024, Duration.ofSeconds(1));
    }

    long indexIntervalMicros() {
        return indexInterval.toNanos() / 1000;
    }
}
