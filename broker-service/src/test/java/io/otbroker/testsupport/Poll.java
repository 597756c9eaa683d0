package io.otbroker.testsupport;

import java.util.Optional;
import java.util.function.Supplier;

/** Waits for something that happens on another thread, up to {@link HeardSignals#PATIENCE}. */
public final class Poll {

    private Poll() {}

    /** The first value {@code probe} finds; fails the test naming {@code what} when none comes in time. */
    public static <T> T until(Supplier<Optional<T>> probe, String what) {
        long deadline = System.nanoTime() + HeardSignals.PATIENCE.toNanos();
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }
}
