package io.otbroker.access;

import static io.otbroker.access.AccessState.ACTIVE;
import static io.otbroker.access.AccessState.APPROVED;
import static io.otbroker.access.AccessState.DENIED;
import static io.otbroker.access.AccessState.EXPIRED;
import static io.otbroker.access.AccessState.PENDING;
import static io.otbroker.access.AccessState.REVOKED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The state that holds is derived from the stored row and the clock, whatever the scheduler did. */
class EffectiveStateTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant END = Instant.parse("2026-03-02T11:00:00Z");

    @Test
    void pendingExpiresAtItsDeadline() {
        AccessRequest request = stored(PENDING);

        assertEquals(PENDING, request.effectiveState(CREATED.plusSeconds(3600)));
        assertEquals(EXPIRED, request.effectiveState(request.pendingUntil));
    }

    @Test
    void approvedBecomesActiveAtTheGrantStartAndExpiresAtItsEnd() {
        AccessRequest request = granted(APPROVED);

        assertEquals(APPROVED, request.effectiveState(START.minusNanos(1000)));
        assertEquals(ACTIVE, request.effectiveState(START));
        assertEquals(ACTIVE, request.effectiveState(END.minusNanos(1000)));
        assertEquals(EXPIRED, request.effectiveState(END), "the end is exclusive");
    }

    @Test
    void storedActiveIsNeverShownActiveAfterItsEnd() {
        AccessRequest request = granted(ACTIVE);

        assertEquals(ACTIVE, request.effectiveState(START.plusSeconds(60)));
        assertEquals(EXPIRED, request.effectiveState(END.plusSeconds(3600 * 24 * 30)));
    }

    @Test
    void decisionsOfPeopleAreFinal() {
        assertEquals(DENIED, stored(DENIED).effectiveState(END.plusSeconds(1)));
        AccessRequest revoked = granted(REVOKED);
        assertEquals(REVOKED, revoked.effectiveState(START.plusSeconds(60)), "revoked inside its window");
    }

    @Test
    void theClockExplainsWhatItDid() {
        AccessRequest approved = granted(APPROVED);
        assertEquals(START, approved.clockMovedAt(ACTIVE));
        assertEquals("The grant started at 2026-03-02T09:00:00Z.", approved.clockReason(ACTIVE));
        assertEquals(END, approved.clockMovedAt(EXPIRED));
        AccessRequest pending = stored(PENDING);
        assertEquals("Not reviewed before 2026-03-02T12:00:00Z.", pending.clockReason(EXPIRED));
    }

    private static AccessRequest stored(AccessState state) {
        AccessRequest request = new AccessRequest();
        request.state = state;
        request.createdAt = CREATED;
        request.pendingUntil = CREATED.plusSeconds(24 * 3600);
        request.requestedStart = START;
        request.requestedEnd = END;
        return request;
    }

    private static AccessRequest granted(AccessState state) {
        AccessRequest request = stored(state);
        request.grantStart = START;
        request.grantEnd = END;
        return request;
    }
}
