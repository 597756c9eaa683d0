package io.otbroker.ssh;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A session whose opening fails unforeseen is refused, not left waiting. */
class FailClosedTest {

    @Test
    void aFailureWhileOpeningRunsTheRefusal() throws InterruptedException {
        AtomicBoolean refused = new AtomicBoolean();
        FailClosed.open("opening", () -> {
            throw new IllegalStateException("the audit log is down");
        }, () -> refused.set(true)).join();
        assertTrue(refused.get());
    }

    @Test
    void anOpeningThatSucceedsIsNotRefused() throws InterruptedException {
        AtomicBoolean opened = new AtomicBoolean();
        AtomicBoolean refused = new AtomicBoolean();
        FailClosed.open("opening", () -> opened.set(true), () -> refused.set(true)).join();
        assertTrue(opened.get());
        assertFalse(refused.get());
    }
}
