package io.otbroker.access;

import static io.otbroker.access.AccessState.ACTIVE;
import static io.otbroker.access.AccessState.APPROVED;
import static io.otbroker.access.AccessState.CANCELLED;
import static io.otbroker.access.AccessState.DENIED;
import static io.otbroker.access.AccessState.EXPIRED;
import static io.otbroker.access.AccessState.PENDING;
import static io.otbroker.access.AccessState.REVOKED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessStateTest {

    @Test
    void theTableOfTransitions() {
        assertEquals(EnumSet.of(APPROVED, DENIED, CANCELLED, EXPIRED), PENDING.successors());
        assertEquals(EnumSet.of(ACTIVE, EXPIRED, REVOKED, CANCELLED), APPROVED.successors());
        assertEquals(EnumSet.of(EXPIRED, REVOKED), ACTIVE.successors());
    }

    @Test
    void endedRequestsNeverChangeAgain() {
        for (AccessState end : EnumSet.of(EXPIRED, DENIED, REVOKED, CANCELLED)) {
            assertTrue(end.successors().isEmpty(), end + " is final");
            assertFalse(end.isOpen());
            for (AccessState next : AccessState.values()) {
                assertFalse(end.canBecome(next), end + " -> " + next);
            }
        }
    }

    @Test
    void onlyGrantsThatHaveNotStartedMayBeCancelled() {
        assertTrue(PENDING.canBecome(CANCELLED));
        assertTrue(APPROVED.canBecome(CANCELLED));
        assertFalse(ACTIVE.canBecome(CANCELLED), "an active grant is revoked, not cancelled");
    }

    @Test
    void noStateGoesBackOrSkipsReview() {
        assertFalse(ACTIVE.canBecome(APPROVED));
        assertFalse(APPROVED.canBecome(PENDING));
        assertFalse(PENDING.canBecome(ACTIVE), "no access without approval");
        assertFalse(PENDING.canBecome(REVOKED), "a pending request is denied, not revoked");
        assertFalse(APPROVED.canBecome(DENIED));
        for (AccessState state : AccessState.values()) {
            assertFalse(state.canBecome(state), state + " -> itself");
        }
    }

    @Test
    void openStatesAreThoseThatMayStillGrantAccess() {
        Set<AccessState> open = EnumSet.noneOf(AccessState.class);
        for (AccessState state : AccessState.values()) {
            if (state.isOpen()) {
                open.add(state);
            }
        }
        assertEquals(EnumSet.of(PENDING, APPROVED, ACTIVE), open);
    }
}
