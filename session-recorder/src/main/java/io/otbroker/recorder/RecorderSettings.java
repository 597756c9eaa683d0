package io.otbroker.recorder;

import io.otbroker.recorder.chain.SegmentPolicy;

import java.time.Duration;

/**
 * Tuning of the recorder.
 *
 * @param segments        when segments are cut
 * @param indexInterval   spacing of seek points in recording time
 * @param queueCapacity   units the relay may hand over before the writer thread has written them
 * @param maxEnqueueWait  how long the relay may wait for room in a full queue before the recording fails
 */
public record RecorderSettings(SegmentPolicy segments, Duration indexInterval, int queueCapacity,
                               Duration maxEnqueueWait) {

    public RecorderSettings {
        if (queueCapacity < 1 || indexInterval.isNegative() || indexInterval.isZero() || maxEnqueueWait.isNegative()) {
            throw new IllegalArgumentException("queue capacity, index interval and wait must be positive");
        }
    }

    /** 1 MiB or 60 s segments, a seek point every 5 s, 4096 queued units, at most 250 ms of waiting. */
    public static RecorderSettings defaults() {
        return new RecorderSettings(new SegmentPolicy(1024 * 1024, Duration.ofSeconds(60)), Duration.ofSeconds(5),
                4096, Duration.ofMillis(250));
    }

    long indexIntervalMicros() {
        return indexInterval.toNanos() / 1000;
    }
}
