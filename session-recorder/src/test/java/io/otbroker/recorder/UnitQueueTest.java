package io.otbroker.recorder;

import io.otbroker.recorder.chain.RecordUnit;
import org.junit.jupiter.api.Test;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recording queue is bounded by bytes: many small units fit, a flood of them does not, and no unit is too big.
 * A parked writer is woken for a small unit at the next tick, for bulk, the end and a full queue at once.
 */
class UnitQueueTest {

    private static final int BUDGET = 64 * 1024;

    @Test
    void smallUnitsFillTheBudgetByBytesNotByCount() throws Exception {
        UnitQueue queue = new UnitQueue(BUDGET);
        int fitting = BUDGET / (100 + UnitQueue.UNIT_OVERHEAD);
        for (int i = 0; i < fitting; i++) {
            assertTrue(queue.offer(unit(100), false, 0, TimeUnit.MILLISECONDS), "unit " + i + " fits the budget");
        }
        assertFalse(queue.offer(unit(100), false, 10, TimeUnit.MILLISECONDS), "the budget is full");
        queue.take();
        assertTrue(queue.offer(unit(100), false, 0, TimeUnit.MILLISECONDS), "taking a unit makes room");
    }

    @Test
    void aUnitLargerThanTheBudgetWaitsForAnEmptyQueueOnly() throws Exception {
        UnitQueue queue = new UnitQueue(BUDGET);
        PendingUnit small = unit(10);
        assertTrue(queue.offer(small, false, 0, TimeUnit.MILLISECONDS));
        assertFalse(queue.offer(unit(2 * BUDGET), false, 10, TimeUnit.MILLISECONDS), "no room next to another unit");
        assertSame(small, queue.take());
        assertTrue(queue.offer(unit(2 * BUDGET), false, 0, TimeUnit.MILLISECONDS), "alone it is admitted");
    }

    @Test
    void replacingEverythingLeavesOnlyTheLastUnit() throws Exception {
        UnitQueue queue = new UnitQueue(BUDGET);
        queue.offer(unit(BUDGET / 2), false, 0, TimeUnit.MILLISECONDS);
        PendingUnit last = unit(0);
        queue.replaceAllWith(last);
        assertSame(last, queue.take());
        assertTrue(queue.isEmpty());
        assertTrue(queue.offer(unit(BUDGET / 2), false, 0, TimeUnit.MILLISECONDS), "the dropped units no longer count");
    }

    @Test
    void aParkedWriterIsWokenForASmallUnitAtTheNextTickOnly() throws Exception {
        WriterWakeups wakeups = WriterWakeups.manual();
        UnitQueue queue = new UnitQueue(BUDGET, wakeups);
        try (Taker writer = Taker.parkedOn(queue)) {
            PendingUnit keystroke = unit(1);
            assertTrue(queue.offer(keystroke, false, 0, TimeUnit.MILLISECONDS));
            assertNull(writer.takenWithin(200), "no wake-up from the relay for a small unit");
            wakeups.wakeDue();
            assertSame(keystroke, writer.taken());
        }
    }

    @Test
    void aParkedWriterIsWokenAtOnceForTheEndBulkAndAFullQueue() throws Exception {
        UnitQueue queue = new UnitQueue(BUDGET, WriterWakeups.manual()); // no tick ever comes
        assertWokenAtOnce(queue, unit(0), true, "the end marker wakes the writer");
        assertWokenAtOnce(queue, unit(BUDGET / 2), false, "half the budget queued wakes the writer");
        try (Taker writer = Taker.parkedOn(queue)) {
            PendingUnit small = unit(10);
            assertTrue(queue.offer(small, false, 0, TimeUnit.MILLISECONDS), "queued for the next tick");
            assertTrue(queue.offer(unit(BUDGET), false, 5_000, TimeUnit.MILLISECONDS),
                    "a relay waiting for room wakes the writer, which makes room without a tick");
            assertSame(small, writer.taken());
        }
    }

    private static void assertWokenAtOnce(UnitQueue queue, PendingUnit unit, boolean wakeNow, String why)
            throws InterruptedException {
        try (Taker writer = Taker.parkedOn(queue)) {
            assertTrue(queue.offer(unit, wakeNow, 0, TimeUnit.MILLISECONDS));
            assertSame(unit, writer.taken(), why);
        }
    }

    /** A writer thread taking units from a queue. */
    private static final class Taker implements AutoCloseable {

        private final UnitQueue queue;
        private final SynchronousQueue<PendingUnit> handed = new SynchronousQueue<>();
        private final Thread thread;

        private Taker(UnitQueue queue) throws InterruptedException {
            this.queue = queue;
            this.thread = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        handed.put(queue.take());
                    }
                } catch (InterruptedException closed) {
                    // the test is done
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!queue.writerParked()) {
                assertTrue(System.nanoTime() < deadline, "the writer thread did not park");
                Thread.sleep(1);
            }
        }

        static Taker parkedOn(UnitQueue queue) throws InterruptedException {
            return new Taker(queue);
        }

        /** The unit the writer took within {@code millis}, or null. */
        PendingUnit takenWithin(long millis) throws InterruptedException {
            return handed.poll(millis, TimeUnit.MILLISECONDS);
        }

        PendingUnit taken() throws InterruptedException {
            PendingUnit unit = takenWithin(5_000);
            assertNotNull(unit, "the writer took nothing within 5 s");
            return unit;
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    private static PendingUnit unit(int bytes) {
        return PendingUnit.of(new RecordUnit(new byte[bytes], 0, false, 0, 0));
    }
}
