package io.otbroker.recorder;

import io.otbroker.recorder.chain.RecordUnit;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recording queue is bounded by bytes: many small units fit, a flood of them does not, and no unit is too big. */
class UnitQueueTest {

    private static final int BUDGET = 64 * 1024;

    @Test
    void smallUnitsFillTheBudgetByBytesNotByCount() throws Exception {
        UnitQueue queue = new UnitQueue(BUDGET);
        int fitting = BUDGET / (100 + UnitQueue.UNIT_OVERHEAD);
        for (int i = 0; i < fitting; i++) {
            assertTrue(queue.offer(unit(100), 0, TimeUnit.MILLISECONDS), "unit " + i + " fits the budget");
        }
        assertFalse(queue.offer(unit(100), 10, TimeUnit.MILLISECONDS), "the budget is full");
        queue.take();
        assertTrue(queue.offer(unit(100), 0, TimeUnit.MILLISECONDS), "taking a unit makes room");
    }

    @Test
    void aUnitLargerThanTheBudgetWaitsForAnEmptyQueueOnly() throws Exception {
        UnitQueue queue = new UnitQueue(BUDGET);
        PendingUnit small = unit(10);
        assertTrue(queue.offer(small, 0, TimeUnit.MILLISECONDS));
        assertFalse(queue.offer(unit(2 * BUDGET), 10, TimeUnit.MILLISECONDS), "no room next to another unit");
        assertSame(small, queue.take());
        assertTrue(queue.offer(unit(2 * BUDGET), 0, TimeUnit.MILLISECONDS), "alone it is admitted");
    }

    @Test
    void replacingEverythingLeavesOnlyTheLastUnit() throws Exception {
        UnitQueue queue = new UnitQueue(BUDGET);
        queue.offer(unit(BUDGET / 2), 0, TimeUnit.MILLISECONDS);
        PendingUnit last = unit(0);
        queue.replaceAllWith(last);
        assertSame(last, queue.take());
        assertTrue(queue.isEmpty());
        assertTrue(queue.offer(unit(BUDGET / 2), 0, TimeUnit.MILLISECONDS), "the dropped units no longer count");
    }

    private static PendingUnit unit(int bytes) {
        return PendingUnit.of(new RecordUnit(new byte[bytes], 0, false, 0, 0));
    }
}
