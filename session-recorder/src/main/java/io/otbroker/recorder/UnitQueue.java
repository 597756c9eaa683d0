package io.otbroker.recorder;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue between the relay and a recording's writer thread, bounded by bytes rather than by units. Why
 * bytes: a bulk download arrives as many chunks of any size; a unit count either lets large chunks pile up
 * without limit or stops small ones although the disk keeps up. Each unit counts its queued bytes plus
 * {@link #UNIT_OVERHEAD} for the objects that carry it, so a flood of tiny units is bounded too.
 *
 * <p><b>Memory ceiling.</b> A recording's queue holds at most its byte budget, plus one unit that may exceed
 * the budget alone (it is admitted only into an empty queue, so no unit is too big to record). The deque
 * grows as it fills: an idle recording holds almost nothing.
 *
 * <p><b>Waking the writer.</b> A parked writer is woken at once for the end of the recording, a failure, a
 * queue holding {@link #WAKE_BYTES} (or half its budget), or a relay waiting for room; for anything smaller, at
 * the next tick of {@link WriterWakeups}, so the relay thread pays no wake-up per keystroke.
 */
final class UnitQueue {

    /** Roughly what one queued unit costs besides its bytes (unit, copy header, encoder lambda, deque slot). */
    static final int UNIT_OVERHEAD = 64;

    /** Queued bytes at which a parked writer is woken at once: bulk output is written as it comes. */
    static final long WAKE_BYTES = 256 * 1024;

    private final long budget;
    private final long wakeBytes;
    private final WriterWakeups wakeups;
    private final ArrayDeque<PendingUnit> units = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition hasRoom = lock.newCondition();
    private long queued;
    private boolean writerParked;
    private boolean wakeDue;

    UnitQueue(long budget) {
        this(budget, WriterWakeups.shared());
    }

    UnitQueue(long budget, WriterWakeups wakeups) {
        this.budget = budget;
        this.wakeBytes = Math.max(1, Math.min(WAKE_BYTES, budget / 2));
        this.wakeups = wakeups;
    }

    /**
     * Queues {@code unit}, waiting up to {@code timeout} for room; false if there was none in time. {@code wakeNow}:
     * the writer must not wait for the next tick (the recording's end marker).
     */
    boolean offer(PendingUnit unit, boolean wakeNow, long timeout, TimeUnit timeUnit) throws InterruptedException {
        long remaining = timeUnit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (!units.isEmpty() && queued + weight(unit) > budget) {
                if (remaining <= 0) {
                    return false;
                }
                notEmpty.signal(); // room comes only from the writer: it must not sleep until the next tick
                remaining = hasRoom.awaitNanos(remaining);
            }
            add(unit, wakeNow);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the next unit, waiting for one. */
    PendingUnit take() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (units.isEmpty()) {
                writerParked = true;
                try {
                    notEmpty.await();
                } finally {
                    writerParked = false;
                }
            }
            PendingUnit next = units.removeFirst();
            queued -= weight(next);
            hasRoom.signalAll();
            return next;
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        lock.lock();
        try {
            return units.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Drops every queued unit and queues {@code last} alone, whatever the budget: used when the recording fails. */
    void replaceAllWith(PendingUnit last) {
        lock.lock();
        try {
            units.clear();
            queued = 0;
            add(last, true);
            hasRoom.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The tick of {@link WriterWakeups}: a parked writer takes what waits for it. */
    void wake() {
        lock.lock();
        try {
            wakeDue = false;
            if (!units.isEmpty()) {
                notEmpty.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether the writer waits for a unit (for tests). */
    boolean writerParked() {
        lock.lock();
        try {
            return writerParked;
        } finally {
            lock.unlock();
        }
    }

    private void add(PendingUnit unit, boolean wakeNow) {
        units.addLast(unit);
        queued += weight(unit);
        if (!writerParked) {
            return; // a busy writer takes this unit in turn
        }
        if (wakeNow || queued >= wakeBytes) {
            notEmpty.signal();
        } else if (!wakeDue) {
            wakeDue = true;
            wakeups.due(this);
        }
    }

    private static long weight(PendingUnit unit) {
        return (long) unit.queuedBytes() + UNIT_OVERHEAD;
    }
}
