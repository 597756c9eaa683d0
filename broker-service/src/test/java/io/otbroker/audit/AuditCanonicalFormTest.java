package io.otbroker.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.Normalizer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditCanonicalFormTest {

    private static final Instant T = Instant.parse("2025-03-04T05:06:07.123456Z");

    @Test
    void canonicalFormIsFixed() {
        assertEquals("{\"actor\":\"adam\",\"code\":\"OTB1000I\",\"details\":{\"name\":\"Filling line\",\"sl\":\"SL3\"},"
                + "\"eventName\":\"zone.create\",\"occurredAt\":\"2025-03-04T05:06:07.123456Z\",\"seq\":1,"
                + "\"subject\":\"zone/7\"}", AuditCanonicalForm.canonical(sampleEvent()));
    }

    @Test
    void hashIsFixed() {
        // Pinned value (computed independently of this code): changing the canonical form would make every stored chain look tampered with.
        assertEquals("0ad60d9c875b4c5eb3da908baf42916225a8f4c7ba8a96c7bc5b0ac5a16ec983",
                AuditCanonicalForm.hash(sampleEvent()));
    }

    @Test
    void hashIsSha256OfPreviousHashAndCanonicalForm() {
        // Known SHA-256 test vector: SHA-256("abc").
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                AuditCanonicalForm.chainHash("a", "bc"));
    }

    @Test
    void detailsKeyOrderDoesNotMatter() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("b", 1);
        one.put("a", Map.of("y", true, "x", List.of(3, 2, 1)));
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("a", new LinkedHashMap<>(Map.of("x", List.of(3, 2, 1), "y", true)));
        other.put("b", 1);

        assertEquals("{\"a\":{\"x\":[3,2,1],\"y\":true},\"b\":1}", AuditCanonicalForm.detailsJson(one));
        assertEquals(AuditCanonicalForm.detailsJson(one), AuditCanonicalForm.detailsJson(other));
        assertEquals(AuditCanonicalForm.detailsJson(one),
                AuditCanonicalForm.canonicalJson("{ \"b\" : 1, \"a\" : { \"y\" : true, \"x\" : [3, 2, 1] } }"));
    }

    @Test
    void eventsWithReorderedDetailsHashAlike() {
        AuditEvent one = sampleEvent();
        AuditEvent other = sampleEvent();
        other.details = "{\"sl\":\"SL3\",\"name\":\"Filling line\"}";
        assertEquals(AuditCanonicalForm.hash(one), AuditCanonicalForm.hash(other));
    }

    @Test
    void nonAsciiIsEscapedAndPreserved() throws Exception {
        String name = "Zürich Pumpwerk \u2603 \uD83D\uDE00 \u6C34";
        String json = AuditCanonicalForm.detailsJson(Map.of("name", name));

        assertTrue(json.chars().allMatch(c -> c < 128), json);
        assertEquals("{\"name\":\"Z\\u00FCrich Pumpwerk \\u2603 \\uD83D\\uDE00 \\u6C34\"}", json);
        assertEquals(name, new ObjectMapper().readTree(json).get("name").asText());
    }

    @Test
    void differentlyNormalisedTextIsDifferentContent() {
        String composed = Normalizer.normalize("Müller", Normalizer.Form.NFC);
        String decomposed = Normalizer.normalize("Müller", Normalizer.Form.NFD);
        assertNotEquals(AuditCanonicalForm.detailsJson(Map.of("n", composed)),
                AuditCanonicalForm.detailsJson(Map.of("n", decomposed)));
    }

    @Test
    void timestampsHaveMicrosecondPrecisionInUtc() {
        assertEquals("2025-03-04T05:06:07.000000Z", AuditCanonicalForm.timestamp(Instant.parse("2025-03-04T05:06:07Z")));
        assertEquals("2025-03-04T05:06:07.123456Z",
                AuditCanonicalForm.timestamp(Instant.parse("2025-03-04T05:06:07.123456789Z")));
        assertEquals("2025-03-04T04:06:07.000000Z",
                AuditCanonicalForm.timestamp(Instant.parse("2025-03-04T05:06:07+01:00")));
    }

    @Test
    void canonicalJsonIsIdempotent() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("big", 1.0E10);
        details.put("fraction", 0.1);
        details.put("huge", new java.math.BigInteger("123456789012345678901234567890"));
        details.put("at", T);
        details.put("none", null);
        String once = AuditCanonicalForm.detailsJson(details);
        assertEquals(once, AuditCanonicalForm.canonicalJson(once));
    }

    @Test
    void absentDetailsAreAnEmptyObject() {
        assertEquals("{}", AuditCanonicalForm.detailsJson(null));
    }

    @Test
    void everyFieldIsCovered() {
        String original = AuditCanonicalForm.hash(sampleEvent());
        List<java.util.function.Consumer<AuditEvent>> edits = List.of(
                e -> e.seq = 2L,
                e -> e.occurredAt = e.occurredAt.plusNanos(1000),
                e -> e.code = "OTB1001I",
                e -> e.eventName = "zone.update",
                e -> e.actor = "alice",
                e -> e.subject = "zone/8",
                e -> e.subject = null,
                e -> e.details = "{\"name\":\"Filling line\",\"sl\":\"SL4\"}",
                e -> e.prevHash = "1".repeat(64));
        for (var edit : edits) {
            AuditEvent edited = sampleEvent();
            edit.accept(edited);
            assertNotEquals(original, AuditCanonicalForm.hash(edited));
        }
    }

    @Test
    void detailsThatAreNotJsonAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> AuditCanonicalForm.canonicalJson("{\"a\":"));
        assertThrows(IllegalArgumentException.class, () -> AuditCanonicalForm.canonicalJson("{} {}"));
    }

    private static AuditEvent sampleEvent() {
        AuditEvent event = new AuditEvent();
        event.seq = 1L;
        event.occurredAt = T;
        event.code = "OTB1000I";
        event.eventName = "zone.create";
        event.actor = "adam";
        event.subject = "zone/7";
        event.details = "{\"name\":\"Filling line\",\"sl\":\"SL3\"}";
        event.prevHash = AuditCanonicalForm.GENESIS_HASH;
        return event;
    }
}
