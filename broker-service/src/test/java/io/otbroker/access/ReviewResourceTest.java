package io.otbroker.access;

import static io.otbroker.access.AccessFixtures.REQUESTS;
import static io.otbroker.access.AccessFixtures.path;
import static io.otbroker.access.AccessFixtures.plant;
import static io.otbroker.access.AccessFixtures.request;
import static io.otbroker.access.AccessFixtures.requestBody;
import static io.otbroker.testsupport.AccessChecks.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.otbroker.access.AccessFixtures.Plant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Operators' reviews with real tokens: approvals by security level, separation of duties, deny, shorten, revoke. */
@QuarkusTest
class ReviewResourceTest {

    private static final Map<String, String> REASON = Map.of("reason", "Production order until Friday");

    @Inject
    RecordedAccessChanges changes;

    @Test
    void oneApprovalGrantsAnSl2RequestForItsWholeWindow() throws InterruptedException {
        Plant plant = plant("SL2");
        Map<String, Object> body = requestBody(plant);
        Instant start = Instant.now().plusSeconds(3600);
        body.put("start", start.toString());
        long id = request("alice", body);

        JsonPath approved = as("oscar").body(Map.of("comment", "Go ahead")).post(path(id, "approve")).then()
                .statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("stateChangedBy", equalTo("oscar"))
                .body("approvals", hasSize(1))
                .body("approvals[0].operator", equalTo("oscar"))
                .body("approvals[0].comment", equalTo("Go ahead"))
                .extract().jsonPath();

        assertEquals(Instant.parse(approved.getString("requestedStart")), Instant.parse(approved.getString("grantStart")));
        assertEquals(Duration.ofHours(1), Duration.between(Instant.parse(approved.getString("grantStart")),
                Instant.parse(approved.getString("grantEnd"))));
        AccessChange change = changes.await(id, AccessState.APPROVED);
        assertEquals(AccessState.PENDING, change.previous());
        assertEquals("oscar", change.actor());
        List<AuditTrail.Entry> approvals = AuditTrail.of(AuditTrail.request(id), "access.approve");
        assertEquals(1, approvals.size());
        assertEquals("OTB2001I", approvals.get(0).code());
        assertEquals("oscar", approvals.get(0).actor());
    }

    @Test
    void anApprovalOfARequestForNowActivatesTheGrantAtOnce() throws InterruptedException {
        long id = request("alice", plant("SL1"));

        as("olivia").post(path(id, "approve")).then().statusCode(200).body("state", equalTo("ACTIVE"));

        AccessChange activation = changes.await(id, AccessState.ACTIVE);
        assertEquals(AccessState.APPROVED, activation.previous());
        assertEquals("system", activation.actor());
        assertEquals(List.of("access.request", "access.approve", "grant.activate"),
                AuditTrail.of(AuditTrail.request(id)).stream().map(AuditTrail.Entry::eventName).toList());
    }

    @Test
    void sl3NeedsTwoDistinctOperators() throws InterruptedException {
        long id = request("alice", plant("SL3"));

        as("oscar").post(path(id, "approve")).then().statusCode(200)
                .body("state", equalTo("PENDING"))
                .body("approvalsNeeded", equalTo(2))
                .body("approvals[0].operator", equalTo("oscar"))
                .body("grantStart", nullValue());
        as("oscar").post(path(id, "approve")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("You have already approved this request; one operator counts once."));
        as("olivia").post(path(id, "approve")).then().statusCode(200)
                .body("state", equalTo("ACTIVE"))
                .body("approvals.operator", equalTo(List.of("oscar", "olivia")));

        List<AccessChange> published = changes.of(id);
        assertEquals(1, published.stream().filter(c -> c.current() == AccessState.APPROVED).count());
        assertEquals(List.of("oscar", "olivia"), AuditTrail.of(AuditTrail.request(id), "access.approve").stream()
                .map(AuditTrail.Entry::actor).toList());
        assertEquals(1, AuditTrail.of(AuditTrail.request(id), "access.review_refused").size(),
                "the second click of the same operator is on record");
    }

    @Test
    void nobodyReviewsTheirOwnRequest() {
        long id = request("mallory", plant("SL2"));

        as("mallory").post(path(id, "approve")).then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("Nobody reviews their own access request."));
        as("mallory").body(REASON).post(path(id, "deny")).then().statusCode(403);
        as("alice").get(REQUESTS + "/" + id).then().statusCode(404);
        as("oscar").get(REQUESTS + "/" + id).then().body("state", equalTo("PENDING")).body("approvals", hasSize(0));

        List<AuditTrail.Entry> refused = AuditTrail.of(AuditTrail.request(id), "access.review_refused");
        assertEquals(2, refused.size());
        assertEquals("OTB2009W", refused.get(0).code());
        assertEquals("mallory", refused.get(0).actor());
    }

    @Test
    void aVendorNeverReviewsEvenWithTheOperatorRole() {
        long id = request("alice", plant("SL2"));

        as("alice").post(path(id, "approve")).then().statusCode(403);
        as("alice").body(REASON).post(path(id, "deny")).then().statusCode(403);
        as("mallory").post(path(id, "approve")).then().statusCode(403)
                .body("detail", equalTo("A vendor never reviews access requests (separation of duties), even with "
                        + "the operator role."));
        as("audrey").post(path(id, "approve")).then().statusCode(403);
        as("adam").post(path(id, "approve")).then().statusCode(403);
        given().post(path(id, "approve")).then().statusCode(401);
        as("oscar").get(REQUESTS + "/" + id).then().body("state", equalTo("PENDING"));
        assertEquals(1, AuditTrail.of(AuditTrail.request(id), "access.review_refused").size());
    }

    @Test
    void aUserWhoIsAlsoAVendorActsAsAVendorOnly() {
        long id = request("alice", plant("SL1"));
        as("oscar").post(path(id, "approve")).then().statusCode(200);

        as("mallory").body(REASON).post(path(id, "revoke")).then().statusCode(403);
        as("mallory").get(REQUESTS + "/" + id).then().statusCode(404);
        as("mallory").get(REQUESTS + "?vendor=alice").then().statusCode(200).body("total", equalTo(0));
        as("oscar").get(REQUESTS + "/" + id).then().body("state", equalTo("ACTIVE"));
    }

    @Test
    void anyDenialEndsTheRequest() throws InterruptedException {
        long id = request("alice", plant("SL4"));
        as("oscar").post(path(id, "approve")).then().statusCode(200).body("state", equalTo("PENDING"));

        as("olivia").body(Map.of("reason", " ")).post(path(id, "deny")).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as("olivia").body(REASON).post(path(id, "deny")).then().statusCode(200)
                .body("state", equalTo("DENIED"))
                .body("stateReason", equalTo("Production order until Friday"))
                .body("stateChangedBy", equalTo("olivia"));
        as("operator03").post(path(id, "approve")).then().statusCode(409)
                .body("detail", equalTo("An access request that is DENIED cannot become APPROVED."));
        as("audrey").body(REASON).post(path(id, "deny")).then().statusCode(403);
        given().contentType("application/json").body(REASON).post(path(id, "deny")).then().statusCode(401);

        assertEquals(AccessState.PENDING, changes.await(id, AccessState.DENIED).previous());
        List<AuditTrail.Entry> denials = AuditTrail.of(AuditTrail.request(id), "access.deny");
        assertEquals(1, denials.size());
        assertEquals("OTB2002I", denials.get(0).code());
    }

    @Test
    void anApprovalMayShortenButNeverExtendOrEndBeforeTheStart() {
        Plant plant = plant("SL2");
        Instant start = Instant.now().plusSeconds(1800).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Map<String, Object> body = requestBody(plant);
        body.put("start", start.toString());
        body.put("duration", "PT2H");
        long id = request("alice", body);

        as("oscar").body(Map.of("end", start.plusSeconds(2 * 3600 + 1).toString())).post(path(id, "approve")).then()
                .statusCode(400).body("errors[0].field", equalTo("end"))
                .body("errors[0].message", equalTo("must not be after " + start.plusSeconds(7200)
                        + ": an approval may shorten a grant, never extend it"));
        as("oscar").body(Map.of("end", start.toString())).post(path(id, "approve")).then()
                .statusCode(400).body("errors[0].message", equalTo("must be after the grant's start, " + start));
        as("oscar").body(Map.of("end", start.plusSeconds(2700).toString())).post(path(id, "approve")).then()
                .statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("grantStart", equalTo(start.toString()))
                .body("grantEnd", equalTo(start.plusSeconds(2700).toString()))
                .body("approvals[0].shortenedEnd", equalTo(start.plusSeconds(2700).toString()));
    }

    @Test
    void operatorsRevokeApprovedAndActiveGrants() throws InterruptedException {
        Plant plant = plant("SL2");
        long active = request("alice", plant);
        as("oscar").post(path(active, "approve")).then().body("state", equalTo("ACTIVE"));

        as("olivia").body(Map.of()).post(path(active, "revoke")).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as("alice").body(REASON).post(path(active, "revoke")).then().statusCode(403);
        as("audrey").body(REASON).post(path(active, "revoke")).then().statusCode(403);
        given().contentType("application/json").body(REASON).post(path(active, "revoke")).then().statusCode(401);
        as("olivia").body(REASON).post(path(active, "revoke")).then().statusCode(200)
                .body("state", equalTo("REVOKED"))
                .body("stateReason", equalTo("Production order until Friday"));
        as("olivia").body(REASON).post(path(active, "revoke")).then().statusCode(409);
        AccessChange revocation = changes.await(active, AccessState.REVOKED);
        assertEquals(AccessState.ACTIVE, revocation.previous());
        assertEquals("olivia", revocation.actor());
        assertEquals("OTB2004I", AuditTrail.of(AuditTrail.request(active), "access.revoke").get(0).code());

        Map<String, Object> later = requestBody(plant);
        later.put("start", Instant.now().plusSeconds(7200).toString());
        long approved = request("alice", later);
        as("oscar").body(REASON).post(path(approved, "revoke")).then().statusCode(409)
                .body("detail", equalTo("An access request that is PENDING cannot become REVOKED."));
        as("oscar").post(path(approved, "approve")).then().body("state", equalTo("APPROVED"));
        as("oscar").body(REASON).post(path(approved, "revoke")).then().statusCode(200).body("state", equalTo("REVOKED"));
    }

    @Test
    void noGrantWhenTheConduitStoppedAdmittingTheVendorWhileTheRequestWaited() {
        Plant plant = plant("SL2");
        long id = request("alice", plant);
        Map<String, Object> closed = AccessFixtures.openAroundTheClock(plant.zoneId(), "voltek-controls");
        closed.put("name", as("adam").get("/api/admin/conduits/" + plant.conduitId()).then().extract().path("name"));
        as("adam").body(closed).put("/api/admin/conduits/" + plant.conduitId()).then().statusCode(200);

        as("oscar").post(path(id, "approve")).then().statusCode(409);
        as("oscar").get(REQUESTS + "/" + id).then().statusCode(200).body("state", equalTo("PENDING"));
        assertEquals(1, AuditTrail.of(AuditTrail.request(id), "access.review_refused").size());
    }

    @Test
    void unknownRequestsAreNotFound() {
        as("oscar").post(path(99_999_999, "approve")).then().statusCode(404)
                .body("detail", equalTo("No such access request."));
        as("oscar").body(REASON).post(path(99_999_999, "deny")).then().statusCode(404);
        as("oscar").body(REASON).post(path(99_999_999, "revoke")).then().statusCode(404);
    }
}
