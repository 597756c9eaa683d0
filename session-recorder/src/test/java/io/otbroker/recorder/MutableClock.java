package io.otbroker.recorder;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand; recordings made with it are byte-for-byte reproducible. */
public final class MutableClock implements InstantSource {

    private Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    public synchronized void advance(Duration step) {
        now = now.plus(step);
    }
}
