package io.otbroker.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureCountsTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration LOCK = Duration.ofMinutes(30);
    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    private final FailureCounts counts = new FailureCounts(3, WINDOW, LOCK, 10);

    @Test
    void theThirdFailureWithinTheWindowLocksForTheLockDuration() {
        assertNull(counts.fail("alice", T0));
        assertNull(counts.fail("alice", T0.plusSeconds(60)));
        assertNull(counts.lockedUntil("alice", T0.plusSeconds(61)));

        assertEquals(T0.plusSeconds(120).plus(LOCK), counts.fail("alice", T0.plusSeconds(120)));

        assertNotNull(counts.lockedUntil("alice", T0.plusSeconds(121)));
        assertNull(counts.lockedUntil("victor", T0.plusSeconds(121)), "others are not locked");
        assertNull(counts.lockedUntil("alice", T0.plusSeconds(120).plus(LOCK)), "the lock ends");
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        counts.fail("alice", T0);
        counts.fail("alice", T0.plusSeconds(60));
        assertNull(counts.fail("alice", T0.plus(WINDOW)), "a new window starts");
        assertNull(counts.fail("alice", T0.plus(WINDOW).plusSeconds(1)));
        assertNotNull(counts.fail("alice", T0.plus(WINDOW).plusSeconds(2)));
    }

    @Test
    void aSuccessForgetsTheFailuresButNotALockInForce() {
        counts.fail("alice", T0);
        counts.fail("alice", T0);
        counts.forget("alice", T0);
        assertNull(counts.fail("alice", T0), "counting starts again");

        counts.fail("alice", T0);
        counts.fail("alice", T0);
        counts.forget("alice", T0);
        assertNotNull(counts.lockedUntil("alice", T0));
    }

    @Test
    void aForgivenFailureNoLongerCounts() {
        counts.fail("10.0.0.1", T0);
        counts.fail("10.0.0.1", T0);
        counts.forgiveOne("10.0.0.1", T0);
        assertNull(counts.fail("10.0.0.1", T0));
        assertNotNull(counts.fail("10.0.0.1", T0));
    }

    @Test
    void sprayingNamesNeverGrowsBeyondTheCapacityAndKeepsTheLockThatIsHammered() {
        for (int i = 0; i < 3; i++) {
            counts.fail("alice", T0);
        }
        for (int i = 0; i < 10_000; i++) {
            counts.fail("sprayed-" + i, T0);
            counts.lockedUntil("alice", T0);
        }
        assertEquals(10, counts.size());
        assertNotNull(counts.lockedUntil("alice", T0), "the locked vendor who keeps trying stays locked");
    }
}
