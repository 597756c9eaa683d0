package io.otbroker.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otbroker.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit API with real Keycloak tokens: who may read, filters, paging, export and verification. */
@QuarkusTest
class AuditResourceTest extends EmptyAuditChainTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void auditorAndAdminMaySearch() {
        record(AuditEventType.ZONE_CREATE, "zone/1");
        for (String user : List.of("audrey", "adam")) {
            as(user).get("/api/audit").then()
                    .statusCode(200)
                    .body("total", equalTo(1))
                    .body("page", equalTo(0))
                    .body("size", equalTo(50))
                    .body("items[0].seq", equalTo(1))
                    .body("items[0].code", equalTo("OTB1000I"))
                    .body("items[0].eventName", equalTo("zone.create"))
                    .body("items[0].actor", equalTo(AuditLog.SYSTEM_ACTOR))
                    .body("items[0].subject", equalTo("zone/1"))
                    .body("items[0].details.name", equalTo("zone/1"))
                    .body("items[0].prevHash", equalTo(AuditCanonicalForm.GENESIS_HASH));
        }
    }

    @Test
    void vendorsAndOperatorsMayNotReadTheAuditLog() {
        for (String user : List.of("alice", "oscar")) {
            for (String path : List.of("/api/audit", "/api/audit/export", "/api/audit/verify")) {
                as(user).get(path).then().statusCode(403);
            }
        }
    }

    @Test
    void withoutATokenTheAuditLogIsClosed() {
        for (String path : List.of("/api/audit", "/api/audit/export", "/api/audit/verify")) {
            given().get(path).then().statusCode(401);
        }
    }

    @Test
    void searchFiltersAndPagesNewestFirst() {
        record(AuditEventType.ZONE_CREATE, "zone/1");
        record(AuditEventType.ASSET_CREATE, "asset/1");
        record(AuditEventType.ZONE_UPDATE, "zone/1");
        record(AuditEventType.ZONE_DELETE, "zone/1");

        as("audrey").queryParam("subject", "zone/1").queryParam("size", 2).queryParam("page", 0)
                .get("/api/audit").then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.seq", contains(4, 3));
        as("audrey").queryParam("subject", "zone/1").queryParam("size", 2).queryParam("page", 1)
                .get("/api/audit").then()
                .body("items.seq", contains(1));
        as("audrey").queryParam("code", "OTB1010I").get("/api/audit").then()
                .body("items.subject", contains("asset/1"));
        as("audrey").queryParam("eventName", "zone.update").get("/api/audit").then()
                .body("items.seq", contains(3));
        as("audrey").queryParam("actor", "nobody").get("/api/audit").then()
                .body("total", equalTo(0))
                .body("items", hasSize(0));
    }

    @Test
    void searchFiltersByTime() {
        record(AuditEventType.ZONE_CREATE, "zone/1");
        Instant now = Instant.now();
        as("adam").queryParam("from", now.minusSeconds(3600).toString()).queryParam("to", now.plusSeconds(1).toString())
                .get("/api/audit").then().body("total", equalTo(1));
        as("adam").queryParam("from", now.plusSeconds(1).toString()).get("/api/audit").then().body("total", equalTo(0));
        as("adam").queryParam("to", now.minusSeconds(3600).toString()).get("/api/audit").then().body("total", equalTo(0));
    }

    @Test
    void badFiltersAreProblemsNamingTheParameter() {
        assertInvalid("/api/audit", "from", "yesterday");
        assertInvalid("/api/audit", "to", "2025-13-01T00:00:00Z");
        assertInvalid("/api/audit", "size", "0");
        assertInvalid("/api/audit", "size", "501");
        assertInvalid("/api/audit", "size", "ten");
        assertInvalid("/api/audit", "page", "-1");
        assertInvalid("/api/audit/export", "from", "not-a-time");
        as("audrey").queryParam("from", "2025-02-01T00:00:00Z").queryParam("to", "2025-01-01T00:00:00Z")
                .get("/api/audit").then()
                .statusCode(400)
                .body("errors.field", contains("to"));
    }

    @Test
    void exportStreamsJsonLinesOldestFirstAndIsAudited() throws Exception {
        record(AuditEventType.ZONE_CREATE, "zone/1");
        record(AuditEventType.ZONE_UPDATE, "zone/1");

        String body = as("audrey").get("/api/audit/export").then()
                .statusCode(200)
                .contentType(startsWith(AuditResource.NDJSON))
                .extract().asString();

        List<JsonNode> lines = parseLines(body);
        assertEquals(List.of(1L, 2L, 3L), lines.stream().map(line -> line.get("seq").asLong()).toList());
        JsonNode exportEvent = lines.get(2);
        assertEquals("audit.export", exportEvent.get("eventName").asText());
        assertEquals("audrey", exportEvent.get("actor").asText());
        for (JsonNode line : lines) {
            // Each exported line carries what an auditor needs to recompute its hash offline.
            assertEquals(line.get("hash").asText(), AuditCanonicalForm.hash(fromExport(line)));
        }
    }

    @Test
    void exportAppliesTheFilters() throws Exception {
        record(AuditEventType.ZONE_CREATE, "zone/1");
        record(AuditEventType.ASSET_CREATE, "asset/1");

        String body = as("adam").queryParam("subject", "asset/1").get("/api/audit/export").then()
                .statusCode(200).extract().asString();

        List<JsonNode> lines = parseLines(body);
        assertEquals(1, lines.size());
        assertEquals("asset.create", lines.getFirst().get("eventName").asText());
        as("adam").queryParam("eventName", "audit.export").get("/api/audit").then()
                .body("items[0].actor", equalTo("adam"))
                .body("items[0].details.subject", equalTo("asset/1"));
    }

    @Test
    void verifyReportsAnIntactChainAndIsAudited() {
        record(AuditEventType.ZONE_CREATE, "zone/1");
        for (String user : List.of("audrey", "adam")) {
            as(user).get("/api/audit/verify").then()
                    .statusCode(200)
                    .body("intact", equalTo(true))
                    .body("firstBrokenSeq", nullValue())
                    .body("reason", nullValue());
        }
        as("audrey").queryParam("code", AuditEventType.AUDIT_VERIFY.code()).get("/api/audit").then()
                .body("items.actor", contains("adam", "audrey"))
                .body("items.details.intact", everyItem(equalTo(true)));
    }

    @Test
    void verifyNamesTheFirstBrokenLinkAndRecordsTheBreak() throws SQLException {
        record(AuditEventType.ZONE_CREATE, "zone/1");
        record(AuditEventType.ZONE_CREATE, "zone/2");
        record(AuditEventType.ZONE_CREATE, "zone/3");
        tables.update("UPDATE audit_event SET subject = ? WHERE seq = 2", "zone/22");

        as("audrey").get("/api/audit/verify").then()
                .statusCode(200)
                .body("intact", equalTo(false))
                .body("eventsChecked", equalTo(1))
                .body("firstBrokenSeq", equalTo(2))
                .body("reason", equalTo("HASH_MISMATCH"));
        as("audrey").queryParam("code", AuditEventType.AUDIT_CHAIN_BROKEN.code()).get("/api/audit").then()
                .body("items[0].actor", equalTo("audrey"))
                .body("items[0].details.firstBrokenSeq", equalTo(2))
                .body("items[0].details.reason", equalTo("HASH_MISMATCH"));
    }

    private void record(AuditEventType type, String subject) {
        QuarkusTransaction.requiringNew().run(() -> auditLog.record(type, subject, Map.of("name", subject)));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.of(user));
    }

    private static void assertInvalid(String path, String parameter, String value) {
        as("audrey").queryParam(parameter, value).get(path).then()
                .statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("errors.field", contains(parameter));
    }

    private static List<JsonNode> parseLines(String ndjson) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : ndjson.split("\n")) {
            lines.add(mapper.readTree(line));
        }
        return lines;
    }

    private static AuditEvent fromExport(JsonNode line) {
        AuditEvent event = new AuditEvent();
        event.seq = line.get("seq").asLong();
        event.occurredAt = Instant.parse(line.get("occurredAt").asText());
        event.code = line.get("code").asText();
        event.eventName = line.get("eventName").asText();
        event.actor = line.get("actor").asText();
        event.subject = line.get("subject").asText();
        event.details = line.get("details").toString();
        event.prevHash = line.get("prevHash").asText();
        return event;
    }
}
