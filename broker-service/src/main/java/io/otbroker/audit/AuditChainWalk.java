package io.otbroker.audit;

import io.otbroker.audit.AuditVerification.Reason;
import java.time.Instant;

/**
 * Checks events one at a time in seq order and remembers the first broken link. Pure and
 * stateful only in what it has seen, so the paging verifier keeps just one page in memory.
 */
final class AuditChainWalk {

    private record Break(long seq, Reason reason) {}

    private long expectedSeq = 1;
    private String expectedPrevHash = AuditCanonicalForm.GENESIS_HASH;
    private long intactEvents;
    private Break firstBreak;

    /** Checks the next event; returns false once the chain is broken (later events prove nothing). */
    boolean accept(AuditEvent event) {
        firstBreak = check(event);
        if (firstBreak != null) {
            return false;
        }
        expectedSeq = event.seq + 1;
        expectedPrevHash = event.hash;
        intactEvents++;
        return true;
    }

    /**
     * Compares the end of the walk with the chain head, which every append updates in the same
     * transaction: deleting the newest rows, or adding rows past the head, shows up here.
     *
     * @param maxSeq highest seq in the table, read before the head so that concurrent appends
     *               never look like rows past the head
     */
    void finish(long headSeq, String headHash, long maxSeq) {
        if (firstBreak != null) {
            return;
        }
        long lastSeq = expectedSeq - 1;
        if (lastSeq != headSeq) {
            firstBreak = new Break(lastSeq + 1, Reason.HEAD_MISMATCH);
        } else if (!expectedPrevHash.equals(headHash)) {
            firstBreak = new Break(headSeq, Reason.HEAD_MISMATCH);
        } else if (maxSeq > headSeq) {
            firstBreak = new Break(headSeq + 1, Reason.HEAD_MISMATCH);
        }
    }

    AuditVerification result(Instant checkedAt) {
        return firstBreak == null
                ? AuditVerification.intact(intactEvents, checkedAt)
                : AuditVerification.broken(intactEvents, firstBreak.seq(), firstBreak.reason(), checkedAt);
    }

    private Break check(AuditEvent event) {
        if (event.seq != expectedSeq) {
            // A missing seq names the first missing number; an unexpected lower one names itself.
            return new Break(Math.min(event.seq, expectedSeq), Reason.SEQ_GAP);
        }
        if (!expectedPrevHash.equals(event.prevHash)) {
            return new Break(event.seq, Reason.PREV_HASH_MISMATCH);
        }
        if (!hashMatches(event)) {
            return new Break(event.seq, Reason.HASH_MISMATCH);
        }
        return null;
    }

    private static boolean hashMatches(AuditEvent event) {
        try {
            return AuditCanonicalForm.hash(event).equals(event.hash);
        } catch (IllegalArgumentException e) {
            // Details that are no longer JSON can only come from editing the row.
            return false;
        }
    }
}
