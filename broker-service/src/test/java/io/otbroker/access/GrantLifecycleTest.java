package io.otbroker.access;

import static io.otbroker.access.AccessFixtures.REQUESTS;
import static io.otbroker.access.AccessFixtures.path;
import static io.otbroker.access.AccessFixtures.plant;
import static io.otbroker.access.AccessFixtures.request;
import static io.otbroker.access.AccessFixtures.requestBody;
import static io.otbroker.testsupport.AccessChecks.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.otbroker.access.AccessFixtures.Plant;
import io.otbroker.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Grants that start, wait, expire and are revoked as the broker's clock moves. */
@QuarkusTest
class GrantLifecycleTest {

    @Inject
    TestClock clock;

    @Inject
    GrantScheduler scheduler;

    @Inject
    RecordedAccessChanges changes;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
        // Wait for a sweep that may have started under the moved clock, so nothing leaks into other tests.
        scheduler.applyDueTransitions();
    }

    @Test
    void aLateApprovalMayNotCarryTheGrantPastTheMaintenanceWindow() {
        Instant now = clock.instant();
        Instant closes = now.plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        Plant plant = plantWithWindow(now.minus(Duration.ofHours(1)), closes);
        long id = request("alice", plant);

        clock.advance(Duration.ofMinutes(90));
        as("oscar").post(path(id, "approve")).then().statusCode(409)
                .body("detail", containsString("outside the conduit's maintenance windows"));
        as("oscar").body(Map.of("end", closes.toString())).post(path(id, "approve")).then().statusCode(200)
                .body("state", equalTo("ACTIVE"))
                .body("grantEnd", equalTo(closes.toString()));
    }

    /** A plant (SL2) whose conduit is open once a week, from {@code opens} to {@code closes} (UTC). */
    private static Plant plantWithWindow(Instant opens, Instant closes) {
        Plant plant = plant("SL2");
        Map<String, Object> conduit = AccessFixtures.openAroundTheClock(plant.zoneId(), AccessFixtures.ACME);
        conduit.put("name", as("adam").get("/api/admin/conduits/" + plant.conduitId()).then().extract().path("name"));
        ZonedDateTime from = opens.atZone(ZoneOffset.UTC);
        conduit.put("maintenanceWindows", List.of(Map.of("dayOfWeek", from.getDayOfWeek().name(),
                "start", from.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString(),
                "end", closes.atZone(ZoneOffset.UTC).toLocalTime().toString())));
        as("adam").body(conduit).put("/api/admin/conduits/" + plant.conduitId()).then().statusCode(200);
        return plant;
    }

    @Test
    void aRequestThatWaitedInTheQueueKeepsItsFullDuration() {
        long id = request("alice", plant("SL2"));
        Instant requestedStart = Instant.parse(as("alice").get(REQUESTS + "/" + id).jsonPath().getString("requestedStart"));

        clock.advance(Duration.ofMinutes(45));
        JsonPath grant = as("oscar").post(path(id, "approve")).then().statusCode(200)
                .body("state", equalTo("ACTIVE")).extract().jsonPath();

        Instant grantStart = Instant.parse(grant.getString("grantStart"));
        Instant grantEnd = Instant.parse(grant.getString("grantEnd"));
        assertEquals(Duration.ofHours(1), Duration.between(grantStart, grantEnd), "the full hour, not 15 minutes");
        assertEquals(true, grantStart.isAfter(requestedStart.plus(Duration.ofMinutes(44))));
        assertEquals(Instant.parse(grant.getString("requestedStart")), requestedStart, "the request stays as asked");
    }

    @Test
    void anApprovedGrantActivatesAtItsStartAndExpiresAtItsEnd() throws InterruptedException {
        Map<String, Object> body = requestBody(plant("SL2"));
        body.put("start", Instant.now().plusSeconds(3600).toString());
        long id = request("alice", body);
        as("oscar").post(path(id, "approve")).then().body("state", equalTo("APPROVED"));

        clock.advance(Duration.ofMinutes(61));
        as("alice").get(REQUESTS + "/" + id).then().body("state", equalTo("ACTIVE"))
                .body("stateChangedBy", equalTo("system"));
        as("oscar").get(REQUESTS + "?state=ACTIVE&vendor=alice").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem((int) id));
        scheduler.applyDueTransitions();
        AccessChange activation = changes.await(id, AccessState.ACTIVE);
        assertEquals(AccessState.APPROVED, activation.previous());
        assertEquals("system", activation.actor());

        clock.advance(Duration.ofMinutes(60));
        as("alice").get(REQUESTS + "/" + id).then().body("state", equalTo("EXPIRED"))
                .body("stateReason", equalTo("The grant ended at "
                        + as("alice").get(REQUESTS + "/" + id).jsonPath().getString("grantEnd") + "."));
        scheduler.applyDueTransitions();
        assertEquals(AccessState.ACTIVE, changes.await(id, AccessState.EXPIRED).previous());
        assertEquals(List.of("access.request", "access.approve", "grant.activate", "grant.expire"),
                eventNames(id));
        AuditTrail.Entry expiry = AuditTrail.of(AuditTrail.request(id), "grant.expire").get(0);
        assertEquals("system", expiry.actor());
        assertEquals("OTB2006I", expiry.code());
        as("oscar").body(Map.of("reason", "too late")).post(path(id, "revoke")).then().statusCode(409);
    }

    @Test
    void aPendingRequestExpiresUnreviewedAfterTheTimeout() throws InterruptedException {
        long id = request("alice", plant("SL3"));

        clock.advance(Duration.ofHours(23).plusMinutes(59));
        as("alice").get(REQUESTS + "/" + id).then().body("state", equalTo("PENDING"));
        clock.advance(Duration.ofMinutes(2));
        as("oscar").get(REQUESTS + "/" + id).then().body("state", equalTo("EXPIRED"))
                .body("stateReason", org.hamcrest.Matchers.startsWith("Not reviewed before "));
        as("oscar").post(path(id, "approve")).then().statusCode(409)
                .body("detail", equalTo("An access request that is EXPIRED cannot become APPROVED."));
        as("alice").get(REQUESTS + "?state=EXPIRED&assetId="
                + as("alice").get(REQUESTS + "/" + id).jsonPath().getLong("assetId")).then().body("total", equalTo(1));

        AccessChange expiry = changes.await(id, AccessState.EXPIRED);
        assertEquals(AccessState.PENDING, expiry.previous());
        assertEquals("system", expiry.actor());
        assertEquals("OTB2007I", AuditTrail.of(AuditTrail.request(id), "access.request_expire").get(0).code());
    }

    @Test
    void aRevokedGrantNeverBecomesActive() throws InterruptedException {
        Map<String, Object> body = requestBody(plant("SL2"));
        body.put("start", Instant.now().plusSeconds(1800).toString());
        long id = request("alice", body);
        as("oscar").post(path(id, "approve")).then().body("state", equalTo("APPROVED"));
        as("olivia").body(Map.of("reason", "Line restarted early")).post(path(id, "revoke")).then()
                .body("state", equalTo("REVOKED"));

        clock.advance(Duration.ofMinutes(45));
        scheduler.applyDueTransitions();
        as("alice").get(REQUESTS + "/" + id).then().body("state", equalTo("REVOKED"));
        assertEquals(AccessState.APPROVED, changes.await(id, AccessState.REVOKED).previous());
        assertEquals(List.of(), changes.of(id).stream().filter(c -> c.current() == AccessState.ACTIVE).toList());
    }

    private static List<String> eventNames(long id) {
        return AuditTrail.of(AuditTrail.request(id)).stream().map(AuditTrail.Entry::eventName).toList();
    }
}
