package io.otbroker.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.audit.AuditVerification.Reason;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Records events through {@link AuditLog}, also from many threads at once, tampers with them in
 * the database as someone with database access would, and verifies the chain.
 */
@QuarkusTest
class AuditLogTest extends EmptyAuditChainTest {

    @Inject
    AuditChainVerifier verifier;

    @Test
    void recordedEventsFormAChain() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        recordZones(3);
        Instant after = Instant.now();

        List<AuditEvent> events = QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.<AuditEvent>listAll(Sort.ascending("seq")));
        assertEquals(3, events.size());
        String prevHash = AuditCanonicalForm.GENESIS_HASH;
        for (int i = 0; i < events.size(); i++) {
            AuditEvent event = events.get(i);
            assertEquals(i + 1, event.seq);
            assertEquals(prevHash, event.prevHash);
            assertEquals(AuditCanonicalForm.hash(event), event.hash);
            assertEquals("OTB1000I", event.code);
            assertEquals("zone.create", event.eventName);
            assertEquals(AuditLog.SYSTEM_ACTOR, event.actor);
            assertEquals("zone/" + (i + 1), event.subject);
            assertEquals("{\"name\":\"Zone " + (i + 1) + "\",\"securityLevel\":\"SL2\"}", event.details);
            assertFalse(event.occurredAt.isBefore(before));
            assertFalse(event.occurredAt.isAfter(after));
            prevHash = event.hash;
        }
    }

    @Test
    void untouchedChainIsIntact() {
        recordZones(5);
        AuditVerification result = verifier.verify();
        assertTrue(result.intact());
        assertEquals(5, result.eventsChecked());
        assertNull(result.firstBrokenSeq());
        assertNull(result.reason());
    }

    @Test
    void eventRolledBackWithItsActionLeavesNoTrace() throws SQLException {
        recordZones(2);
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            auditLog.record(AuditEventType.ZONE_DELETE, "zone/1", Map.of());
            throw new IllegalStateException("the audited action failed after recording");
        }));
        recordZones(1);

        assertEquals(3, tables.number("SELECT COUNT(*) FROM audit_event"));
        assertEquals(0, tables.number("SELECT COUNT(*) FROM audit_event WHERE code = 'OTB1002I'"));
        assertTrue(verifier.verify().intact());
    }

    @Test
    void editedDetailsAreFound() throws SQLException {
        recordZones(5);
        assertEquals(1, tables.update("UPDATE audit_event SET details = ? WHERE seq = 3",
                "{\"name\":\"Zone 3\",\"securityLevel\":\"SL1\"}"));
        assertBroken(3, Reason.HASH_MISMATCH, 2);
    }

    @Test
    void editedActorIsFound() throws SQLException {
        recordZones(5);
        assertEquals(1, tables.update("UPDATE audit_event SET actor = ? WHERE seq = 4", "somebody-else"));
        assertBroken(4, Reason.HASH_MISMATCH, 3);
    }

    @Test
    void editedTimeIsFound() throws SQLException {
        recordZones(3);
        assertEquals(1, tables.update("UPDATE audit_event SET occurred_at = ? WHERE seq = 2",
                OffsetDateTime.parse("2020-01-01T00:00:00Z")));
        assertBroken(2, Reason.HASH_MISMATCH, 1);
    }

    @Test
    void deletedEventIsFoundWhereItWas() throws SQLException {
        recordZones(5);
        assertEquals(1, tables.update("DELETE FROM audit_event WHERE seq = 3"));
        assertBroken(3, Reason.SEQ_GAP, 2);
    }

    @Test
    void deletedNewestEventIsFound() throws SQLException {
        recordZones(5);
        assertEquals(1, tables.update("DELETE FROM audit_event WHERE seq = 5"));
        assertBroken(5, Reason.HEAD_MISMATCH, 4);
    }

    @Test
    void recordingContinuesTheChainAfterVerification() {
        recordZones(2);
        assertTrue(verifier.verify().intact());
        recordZones(2);
        AuditVerification result = verifier.verify();
        assertTrue(result.intact());
        assertEquals(4, result.eventsChecked());
    }

    @Test
    void concurrentAppendsKeepOneUnbrokenChain() throws Exception {
        int threads = 8;
        int eventsPerThread = 25;
        int total = threads * eventsPerThread;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int thread = 0; thread < threads; thread++) {
                String subject = "asset/" + thread;
                workers.add(pool.submit(() -> appendAll(start, subject, eventsPerThread)));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(total, tables.number("SELECT COUNT(*) FROM audit_event"));
        assertEquals(total, tables.number("SELECT COUNT(DISTINCT seq) FROM audit_event"));
        assertEquals(total, tables.number("SELECT MAX(seq) FROM audit_event"));
        assertEquals(total, tables.number("SELECT last_seq FROM audit_chain_head"));
        AuditVerification result = verifier.verify();
        assertTrue(result.intact(), () -> "broken at " + result.firstBrokenSeq() + ": " + result.reason());
        assertEquals(total, result.eventsChecked());
    }

    private Void appendAll(CountDownLatch start, String subject, int count) throws InterruptedException {
        start.await();
        for (int i = 0; i < count; i++) {
            Map<String, Object> details = Map.of("n", i);
            QuarkusTransaction.requiringNew().run(() -> auditLog.record(AuditEventType.ASSET_UPDATE, subject, details));
        }
        return null;
    }

    private void assertBroken(long seq, Reason reason, long eventsChecked) {
        AuditVerification result = verifier.verify();
        assertFalse(result.intact());
        assertEquals(seq, result.firstBrokenSeq());
        assertEquals(reason, result.reason());
        assertEquals(eventsChecked, result.eventsChecked());
    }

    private void recordZones(int count) {
        long first = QuarkusTransaction.requiringNew().call(AuditEvent::maxSeq) + 1;
        for (long seq = first; seq < first + count; seq++) {
            String subject = "zone/" + seq;
            Map<String, Object> details = Map.of("securityLevel", "SL2", "name", "Zone " + seq);
            QuarkusTransaction.requiringNew().run(() -> auditLog.record(AuditEventType.ZONE_CREATE, subject, details));
        }
    }
}
