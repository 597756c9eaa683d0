package io.otbroker.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.audit.AuditVerification.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditChainWalkTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void intactChainPasses() {
        List<AuditEvent> chain = chain(5);
        AuditVerification result = walk(chain, 5, chain.getLast().hash, 5);
        assertTrue(result.intact());
        assertEquals(5, result.eventsChecked());
        assertNull(result.firstBrokenSeq());
        assertNull(result.reason());
        assertEquals(NOW, result.checkedAt());
    }

    @Test
    void emptyChainIsIntact() {
        assertTrue(walk(List.of(), 0, AuditCanonicalForm.GENESIS_HASH, 0).intact());
    }

    @Test
    void editedEventIsAHashMismatch() {
        List<AuditEvent> chain = chain(5);
        chain.get(2).actor = "mallory";
        assertBroken(walk(chain, 5, chain.getLast().hash, 5), 3, Reason.HASH_MISMATCH, 2);
    }

    @Test
    void detailsNoLongerJsonAreAHashMismatch() {
        List<AuditEvent> chain = chain(3);
        chain.get(1).details = "{broken";
        assertBroken(walk(chain, 3, chain.getLast().hash, 3), 2, Reason.HASH_MISMATCH, 1);
    }

    @Test
    void deletedEventIsASeqGapAtTheMissingSeq() {
        List<AuditEvent> chain = chain(5);
        chain.remove(2);
        assertBroken(walk(chain, 5, chain.getLast().hash, 5), 3, Reason.SEQ_GAP, 2);
    }

    @Test
    void deletedFirstEventIsASeqGapAtOne() {
        List<AuditEvent> chain = chain(3);
        chain.removeFirst();
        assertBroken(walk(chain, 3, chain.getLast().hash, 3), 1, Reason.SEQ_GAP, 0);
    }

    @Test
    void deletedAndRenumberedEventIsAPrevHashMismatch() {
        List<AuditEvent> chain = chain(4);
        chain.remove(1);
        for (int i = 1; i < chain.size(); i++) {
            chain.get(i).seq = (long) i + 1;
            chain.get(i).hash = AuditCanonicalForm.hash(chain.get(i));
        }
        assertBroken(walk(chain, 3, chain.getLast().hash, 3), 2, Reason.PREV_HASH_MISMATCH, 1);
    }

    @Test
    void deletedNewestEventsDisagreeWithTheHead() {
        List<AuditEvent> chain = chain(5);
        String headHash = chain.getLast().hash;
        chain.removeLast();
        chain.removeLast();
        assertBroken(walk(chain, 5, headHash, 3), 4, Reason.HEAD_MISMATCH, 3);
    }

    @Test
    void replacedNewestEventDisagreesWithTheHead() {
        List<AuditEvent> chain = chain(3);
        String headHash = chain.getLast().hash;
        chain.getLast().subject = "zone/99";
        chain.getLast().hash = AuditCanonicalForm.hash(chain.getLast());
        assertBroken(walk(chain, 3, headHash, 3), 3, Reason.HEAD_MISMATCH, 3);
    }

    @Test
    void eventsAddedPastTheHeadAreFound() {
        List<AuditEvent> chain = chain(3);
        assertBroken(walk(chain, 3, chain.getLast().hash, 4), 4, Reason.HEAD_MISMATCH, 3);
    }

    /** A correctly linked chain of events 1..count, built the way AuditLog builds it. */
    static List<AuditEvent> chain(int count) {
        List<AuditEvent> chain = new ArrayList<>();
        String prevHash = AuditCanonicalForm.GENESIS_HASH;
        for (long seq = 1; seq <= count; seq++) {
            AuditEvent event = new AuditEvent();
            event.seq = seq;
            event.occurredAt = NOW.minusSeconds(100 - seq);
            event.code = AuditEventType.ZONE_CREATE.code();
            event.eventName = AuditEventType.ZONE_CREATE.eventName();
            event.actor = "adam";
            event.subject = "zone/" + seq;
            event.details = AuditCanonicalForm.detailsJson(Map.of("name", "Zone " + seq));
            event.prevHash = prevHash;
            event.hash = AuditCanonicalForm.hash(event);
            prevHash = event.hash;
            chain.add(event);
        }
        return chain;
    }

    private static AuditVerification walk(List<AuditEvent> events, long headSeq, String headHash, long maxSeq) {
        AuditChainWalk walk = new AuditChainWalk();
        for (AuditEvent event : events) {
            if (!walk.accept(event)) {
                return walk.result(NOW);
            }
        }
        walk.finish(headSeq, headHash, maxSeq);
        return walk.result(NOW);
    }

    private static void assertBroken(AuditVerification result, long seq, Reason reason, long eventsChecked) {
        assertFalse(result.intact());
        assertEquals(seq, result.firstBrokenSeq());
        assertEquals(reason, result.reason());
        assertEquals(eventsChecked, result.eventsChecked());
    }
}
