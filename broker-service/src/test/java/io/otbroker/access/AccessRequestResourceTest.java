package io.otbroker.access;

import static io.otbroker.access.AccessFixtures.REQUESTS;
import static io.otbroker.access.AccessFixtures.plant;
import static io.otbroker.access.AccessFixtures.request;
import static io.otbroker.access.AccessFixtures.requestBody;
import static io.otbroker.testsupport.AccessChecks.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.otbroker.access.AccessFixtures.Plant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Making, reading and cancelling requests, with real tokens: who may do what, and what is shown. */
@QuarkusTest
class AccessRequestResourceTest {

    @Inject
    RecordedAccessChanges changes;

    @Test
    void vendorRequestsAccessAndGetsAPendingRequest() throws InterruptedException {
        Plant plant = plant("SL2");
        Map<String, Object> body = requestBody(plant);

        long id = as("alice").body(body).post(REQUESTS).then()
                .statusCode(201)
                .header("Location", containsString(REQUESTS + "/"))
                .body("vendor", equalTo("alice"))
                .body("vendorOrganisation", equalTo(AccessFixtures.ACME))
                .body("assetId", equalTo((int) plant.assetId()))
                .body("assetName", equalTo(plant.assetName()))
                .body("zoneId", equalTo((int) plant.zoneId()))
                .body("securityLevel", equalTo("SL2"))
                .body("protocols", equalTo(List.of("SSH")))
                .body("requestedDuration", equalTo("PT1H"))
                .body("reason", equalTo("Replace the firmware of the drive controller"))
                .body("workOrder", equalTo("WO-4711"))
                .body("state", equalTo("PENDING"))
                .body("approvalsNeeded", equalTo(1))
                .body("approvals", hasSize(0))
                .body("grantStart", nullValue())
                .extract().jsonPath().getLong("id");

        AccessChange created = changes.await(id, AccessState.PENDING);
        assertEquals(null, created.previous());
        assertEquals("alice", created.actor());
        assertEquals(plant.assetId(), created.assetId());
        List<AuditTrail.Entry> audit = AuditTrail.of(AuditTrail.request(id));
        assertEquals(1, audit.size());
        assertEquals("OTB2000I", audit.get(0).code());
        assertEquals("alice", audit.get(0).actor());
    }

    @Test
    void assetMayBeNamedByIdAndTheWindowByStartAndEnd() {
        Plant plant = plant("SL3");
        Instant start = Instant.now().plusSeconds(600);
        Map<String, Object> body = requestBody(plant);
        body.remove("assetName");
        body.remove("duration");
        body.put("assetId", plant.assetId());
        body.put("start", start.toString());
        body.put("end", start.plusSeconds(5400).toString());

        as("alice").body(body).post(REQUESTS).then()
                .statusCode(201)
                .body("assetName", equalTo(plant.assetName()))
                .body("requestedDuration", equalTo("PT1H30M"))
                .body("approvalsNeeded", equalTo(2));
    }

    @Test
    void vendorsSeeOnlyTheirOwnRequests() {
        Plant plant = plant("SL2", AccessFixtures.ACME, "voltek-controls");
        long alices = request("alice", plant);
        long victors = request("victor", plant);

        as("alice").get(REQUESTS + "/" + alices).then().statusCode(200).body("id", equalTo((int) alices));
        as("alice").get(REQUESTS + "/" + victors).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No such access request."));
        as("alice").get(REQUESTS + "/99999999").then().statusCode(404)
                .body("detail", equalTo("No such access request."));
        as("alice").get(REQUESTS + "?assetId=" + plant.assetId()).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo((int) alices));
        as("alice").get(REQUESTS + "?vendor=victor").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theConduitThatAdmittedARequestIsNamedToItsVendorAndToReviewersOnly() {
        Plant plant = plant("SL2", AccessFixtures.ACME, "voltek-controls");
        String conduit = as("adam").get("/api/admin/conduits/" + plant.conduitId()).then().statusCode(200)
                .extract().jsonPath().getString("name");
        long id = request("alice", plant);
        as("alice").get(REQUESTS + "/" + id).then().statusCode(200).body("conduitName", equalTo(conduit));
        for (String staff : List.of("oscar", "audrey")) {
            as(staff).get(REQUESTS + "/" + id).then().statusCode(200).body("conduitName", equalTo(conduit));
            as(staff).get(REQUESTS + "?assetId=" + plant.assetId()).then().statusCode(200)
                    .body("items[0].conduitName", equalTo(conduit));
        }
        as("victor").get(REQUESTS + "/" + id).then().statusCode(404);
        as("adam").get(REQUESTS + "/" + id).then().statusCode(403);
    }

    @Test
    void operatorsAndAuditorsSeeAllAdminsAndStrangersNothing() {
        Plant plant = plant("SL2");
        long id = request("alice", plant);
        for (String staff : List.of("oscar", "audrey")) {
            as(staff).get(REQUESTS + "/" + id).then().statusCode(200).body("vendor", equalTo("alice"));
            as(staff).get(REQUESTS + "?assetId=" + plant.assetId()).then().statusCode(200).body("total", equalTo(1));
        }
        as("adam").get(REQUESTS).then().statusCode(403);
        as("adam").get(REQUESTS + "/" + id).then().statusCode(403);
        given().get(REQUESTS).then().statusCode(401);
        given().get(REQUESTS + "/" + id).then().statusCode(401);
    }

    @Test
    void onlyVendorsRequest() {
        Plant plant = plant("SL2");
        for (String user : List.of("oscar", "audrey", "adam")) {
            as(user).body(requestBody(plant)).post(REQUESTS).then().statusCode(403);
        }
        given().contentType("application/json").body(requestBody(plant)).post(REQUESTS).then().statusCode(401);
        as("oscar").get(REQUESTS + "?assetId=" + plant.assetId()).then().body("total", equalTo(0));
    }

    @Test
    void listFiltersByStateVendorAssetAndTimeAndPages() {
        Plant plant = plant("SL2", AccessFixtures.ACME, "voltek-controls");
        long first = request("alice", plant);
        long second = request("victor", plant);
        as("alice").post(AccessFixtures.path(first, "cancel")).then().statusCode(200);
        String asset = "?assetId=" + plant.assetId();

        as("oscar").get(REQUESTS + asset + "&state=PENDING").then().body("total", equalTo(1))
                .body("items[0].id", equalTo((int) second));
        as("oscar").get(REQUESTS + asset + "&state=CANCELLED&vendor=alice").then().body("total", equalTo(1))
                .body("items[0].id", equalTo((int) first));
        as("oscar").get(REQUESTS + asset + "&size=1&page=1").then()
                .body("total", equalTo(2)).body("size", equalTo(1)).body("page", equalTo(1))
                .body("items[0].id", equalTo((int) first));
        Instant now = Instant.now();
        as("oscar").get(REQUESTS + asset + "&from=" + now.plusSeconds(7200)).then().body("total", equalTo(0));
        as("oscar").get(REQUESTS + asset + "&from=" + now.minusSeconds(60) + "&to=" + now.plusSeconds(60)).then()
                .body("total", equalTo(2));
        as("oscar").get(REQUESTS + "?state=OPEN").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
        as("oscar").get(REQUESTS + "?assetId=x").then().statusCode(400).body("errors[0].field", equalTo("assetId"));
        as("oscar").get(REQUESTS + "?from=yesterday").then().statusCode(400).body("errors[0].field", equalTo("from"));
        as("oscar").get(REQUESTS + "?size=501").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void vendorCancelsOwnPendingRequest() throws InterruptedException {
        Plant plant = plant("SL2");
        long id = request("alice", plant);

        as("oscar").post(AccessFixtures.path(id, "cancel")).then().statusCode(403);
        given().post(AccessFixtures.path(id, "cancel")).then().statusCode(401);
        as("mallory").post(AccessFixtures.path(id, "cancel")).then().statusCode(404);
        as("alice").post(AccessFixtures.path(id, "cancel")).then().statusCode(200)
                .body("state", equalTo("CANCELLED"))
                .body("stateChangedBy", equalTo("alice"))
                .body("stateReason", equalTo("Cancelled by the vendor."));
        as("alice").post(AccessFixtures.path(id, "cancel")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("An access request that is CANCELLED cannot become CANCELLED."));

        assertEquals(AccessState.PENDING, changes.await(id, AccessState.CANCELLED).previous());
        assertEquals(List.of("access.request", "access.cancel"),
                AuditTrail.of(AuditTrail.request(id)).stream().map(AuditTrail.Entry::eventName).toList());
    }

    @Test
    void approvedButNotStartedMayBeCancelledActiveMayNot() {
        Plant plant = plant("SL2");
        Map<String, Object> later = requestBody(plant);
        later.put("start", Instant.now().plusSeconds(7200).toString());
        long approved = request("alice", later);
        as("oscar").post(AccessFixtures.path(approved, "approve")).then().statusCode(200)
                .body("state", equalTo("APPROVED"));
        as("alice").post(AccessFixtures.path(approved, "cancel")).then().statusCode(200)
                .body("state", equalTo("CANCELLED"));

        long active = request("alice", plant);
        as("oscar").post(AccessFixtures.path(active, "approve")).then().statusCode(200)
                .body("state", equalTo("ACTIVE"));
        as("alice").post(AccessFixtures.path(active, "cancel")).then().statusCode(409)
                .body("detail", equalTo("An access request that is ACTIVE cannot become CANCELLED."));
    }

    @Test
    void responsesNeverShowWhereTheBrokerConnects() {
        Plant plant = plant("SL2");
        long id = request("alice", plant);
        String body = as("alice").get(REQUESTS + "/" + id).then().statusCode(200)
                .body("stateChangedAt", notNullValue()).extract().asString();
        assertFalse(body.contains("10.20.0.7"), body);
    }

    @Test
    void anAssetWithOpenRequestsIsNotDeletedClosedOnesGoWithIt() {
        Plant plant = plant("SL2");
        long id = request("alice", plant);
        as("adam").delete("/api/admin/assets/" + plant.assetId()).then().statusCode(409)
                .body("detail", containsString("has 1 open access request(s)"));

        as("alice").post(AccessFixtures.path(id, "cancel")).then().statusCode(200);
        as("adam").delete("/api/admin/assets/" + plant.assetId()).then().statusCode(204);
        as("oscar").get(REQUESTS + "/" + id).then().statusCode(404);
        assertEquals(List.of("access.request", "access.cancel"),
                AuditTrail.of(AuditTrail.request(id)).stream().map(AuditTrail.Entry::eventName).toList(),
                "the audit log keeps the history");
    }
}
