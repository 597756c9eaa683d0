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
 */
final class UnitQueue {

    /** Roughly what one queued unit costs besides its bytes (unit, copy header, encoder lambda, deque slot). */
    static final int UNIT_OVERHEAD = 64;

    private final long budget;
    private final ArrayDeque<PendingUnit> units = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition hasRoom = lock.newCondition();
    private long queued;

    UnitQueue(long budget) {
        this.budget = budget;
    }

    /** Queues {@code unit}, waiting up to {@code timeout} for room; false if there was none in time. */
    boolean offer(PendingUnit unit, long timeout, TimeUnit timeUnit) throws InterruptedException {
        long remaining = timeUnit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (!units.isEmpty() && queued + weight(unit) > budget) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = hasRoom.awaitNanos(remaining);
            }
            add(unit);
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
                notEmpty.await();
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
            add(last);
            hasRoom.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void add(PendingUnit unit) {
        units.addLast(unit);
        queued += weight(unit);
        notEmpty.signal();
    }

    private static long weight(PendingUnit unit) {
        return (long) unit.queuedBytes() + UNIT_OVERHEAD;
    }
}
