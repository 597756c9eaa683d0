package io.otbroker.recorder;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes parked recording writers that have small units waiting, on a tick, rather than from the relay thread
 * that queued them. Why: waking a parked thread costs the relay a system call per keystroke and per echo, and on
 * a small machine a core taken from the relay's next step. (Measured, the echo's gain is within the noise of a
 * shared two-core machine: see BENCHMARKS.md; it is kept because the relay does less.) Units wait for at most
 * one tick ({@link #TICK}) before their writer runs, which only delays when they reach the disk; what reaches
 * the vendor is not held. Bulk output, the end of a recording and a full queue still wake the writer at once
 * ({@link UnitQueue}).
 */
final class WriterWakeups {

    /** How long a small unit may wait for its writer. */
    static final Duration TICK = Duration.ofMillis(20);

    private static final WriterWakeups SHARED = new WriterWakeups(true);

    private final ConcurrentLinkedQueue<UnitQueue> due = new ConcurrentLinkedQueue<>();
    private final boolean ticksByItself;
    private final AtomicBoolean ticking = new AtomicBoolean();

    private WriterWakeups(boolean ticksByItself) {
        this.ticksByItself = ticksByItself;
    }

    /** One ticking thread for the whole process, started when a writer first waits for a tick. */
    static WriterWakeups shared() {
        return SHARED;
    }

    /** Wakeups that tick only when {@link #wakeDue} is called (for tests). */
    static WriterWakeups manual() {
        return new WriterWakeups(false);
    }

    /** {@code queue}'s writer is parked and has units it was not woken for: it is woken at the next tick. */
    void due(UnitQueue queue) {
        due.add(queue);
        if (ticksByItself && !ticking.get() && ticking.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("otbroker-recording-wakeups").start(this::tickForever);
        }
    }

    /** One tick: wakes every writer that became due since the last one. */
    void wakeDue() {
        UnitQueue queue;
        while ((queue = due.poll()) != null) {
            queue.wake();
        }
    }

    private void tickForever() {
        while (true) {
            LockSupport.parkNanos(TICK.toNanos());
            wakeDue();
        }
    }
}
