package io.otbroker.access;

/**
 * States of an access request and the grant it becomes (DESIGN.md §2):
 * {@code PENDING -> APPROVED -> ACTIVE -> EXPIRED}, or {@code DENIED}, {@code REVOKED}, {@code CANCELLED}.
 */
public enum AccessState {
    PENDING,
    APPROVED,
    ACTIVE,
    EXPIRED,
    DENIED,
    REVOKED,
    CANCELLED
}
