package io.otbroker.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * States of an access request and the grant it becomes (DESIGN.md §2):
 * {@code PENDING -> APPROVED -> ACTIVE -> EXPIRED}, or {@code DENIED}, {@code REVOKED}, {@code CANCELLED}.
 * {@link #canBecome} is the one table of allowed transitions; every change goes through it.
 */
public enum AccessState {
    PENDING,
    APPROVED,
    ACTIVE,
    EXPIRED,
    DENIED,
    REVOKED,
    CANCELLED;

    /**
     * The states this one may change into. Why so few: a grant never comes back once it has ended,
     * and only a grant that has not started may be cancelled by its vendor; an active one is
     * revoked by an operator or expires.
     */
    public Set<AccessState> successors() {
        return switch (this) {
            case PENDING -> EnumSet.of(APPROVED, DENIED, CANCELLED, EXPIRED);
            // APPROVED -> EXPIRED: the grant window passed while no broker ran to activate it.
            case APPROVED -> EnumSet.of(ACTIVE, EXPIRED, REVOKED, CANCELLED);
            case ACTIVE -> EnumSet.of(EXPIRED, REVOKED);
            case EXPIRED, DENIED, REVOKED, CANCELLED -> EnumSet.noneOf(AccessState.class);
        };
    }

    /** Whether the transition {@code this -> next} is allowed. */
    public boolean canBecome(AccessState next) {
        return successors().contains(next);
    }

    /** Whether the request still holds or may still lead to access (pending, approved or active). */
    public boolean isOpen() {
        return !successors().isEmpty();
    }
}
