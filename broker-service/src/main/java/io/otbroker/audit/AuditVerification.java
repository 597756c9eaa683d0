package io.otbroker.audit;

import java.time.Instant;

/**
 * Result of walking the audit chain.
 *
 * @param intact         true if every event and the chain head check out
 * @param eventsChecked  events found intact, in seq order, before the first break (all of them if intact)
 * @param firstBrokenSeq the seq of the first broken link, or null if intact
 * @param reason         why that link is broken, or null if intact
 * @param checkedAt      when the verification ran
 */
public record AuditVerification(boolean intact, long eventsChecked, Long firstBrokenSeq, Reason reason,
        Instant checkedAt) {

    /** Why a link of the chain is broken. */
    public enum Reason {
        /** The event's content does not match its hash: the row was edited. */
        HASH_MISMATCH,
        /** The event does not point to the hash of the event before it: a row was deleted or replaced. */
        PREV_HASH_MISMATCH,
        /** A seq number is missing (the row with {@code firstBrokenSeq} was deleted) or out of order. */
        SEQ_GAP,
        /** The last events disagree with the chain head: rows deleted from, or added past, the tail. */
        HEAD_MISMATCH
    }

    static AuditVerification intact(long eventsChecked, Instant checkedAt) {
        return new AuditVerification(true, eventsChecked, null, null, checkedAt);
    }

    static AuditVerification broken(long eventsChecked, long firstBrokenSeq, Reason reason, Instant checkedAt) {
        return new AuditVerification(false, eventsChecked, firstBrokenSeq, reason, checkedAt);
    }
}
