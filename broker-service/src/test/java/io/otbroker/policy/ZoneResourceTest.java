package io.otbroker.policy;

import static io.otbroker.testsupport.AccessChecks.as;
import static io.otbroker.testsupport.PlantFixtures.createAsset;
import static io.otbroker.testsupport.PlantFixtures.createConduit;
import static io.otbroker.testsupport.PlantFixtures.createZone;
import static io.otbroker.testsupport.PlantFixtures.unique;
import static io.otbroker.testsupport.PlantFixtures.zoneBody;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.testsupport.AccessChecks;
import io.otbroker.testsupport.PlantFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Method;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ZoneResourceTest {

    private static final String ZONES = "/api/admin/zones";

    @Test
    void adminCreatesReadsReplacesAndDeletesAZone() {
        String name = unique("cell");
        ExtractableResponse<Response> created = as("adam").body(zoneBody(name, "SL3")).post(ZONES).then()
                .statusCode(201)
                .body("name", equalTo(name))
                .body("securityLevel", equalTo("SL3"))
                .body("levelDefaults.approvalsNeeded", equalTo(2))
                .body("levelDefaults.longestGrant", equalTo("PT2H"))
                .body("levelDefaults.perSessionMfa", equalTo(true))
                .body("levelDefaults.supervision", equalTo("OPTIONAL"))
                .extract();
        long id = created.jsonPath().getLong("id");
        assertTrue(created.header("Location").endsWith(ZONES + "/" + id), created.header("Location"));
        as("oscar").get(ZONES + "/" + id).then().statusCode(200).body("name", equalTo(name));

        as("adam").body(zoneBody(name + "-b", "SL4")).put(ZONES + "/" + id).then()
                .statusCode(200)
                .body("name", equalTo(name + "-b"))
                .body("levelDefaults.supervision", equalTo("REQUIRED"))
                .body("levelDefaults.fileTransfer", equalTo("OFF"));
        as("audrey").get(ZONES).then().statusCode(200).body("name", hasItem(name + "-b"));

        as("adam").delete(ZONES + "/" + id).then().statusCode(204);
        as("adam").get(ZONES + "/" + id).then().statusCode(404);
    }

    @Test
    void everyChangeIsAuditedWithItsActorAndCode() {
        long id = createZone("SL1");
        as("adam").body(zoneBody(unique("renamed"), "SL2")).put(ZONES + "/" + id).then().statusCode(200);
        as("adam").delete(ZONES + "/" + id).then().statusCode(204);
        as("audrey").queryParam("subject", "zone/" + id).get("/api/audit").then()
                .statusCode(200)
                .body("items.eventName", contains("zone.delete", "zone.update", "zone.create"))
                .body("items.code", contains("OTB1002I", "OTB1001I", "OTB1000I"))
                .body("items.actor", everyItem(equalTo("adam")))
                .body("items[1].details.previousSecurityLevel", equalTo("SL1"));
    }

    @Test
    void readsAreForStaffAndVendorsAreRefused() {
        long id = createZone("SL2");
        AccessChecks.readableByStaffOnly(ZONES);
        AccessChecks.readableByStaffOnly(ZONES + "/" + id);
    }

    @Test
    void writesAreForAdminsOnly() {
        long id = createZone("SL2");
        Map<String, Object> body = zoneBody(unique("denied"), "SL1");
        AccessChecks.refusedToNonAdmins(Method.POST, ZONES, body);
        AccessChecks.refusedToNonAdmins(Method.PUT, ZONES + "/" + id, body);
        AccessChecks.refusedToNonAdmins(Method.DELETE, ZONES + "/" + id, null);
        as("adam").get(ZONES + "/" + id).then().statusCode(200).body("securityLevel", equalTo("SL2"));
        as("adam").get(ZONES).then().body("name", not(hasItem(body.get("name"))));
    }

    @Test
    void invalidFieldsAreNamed() {
        as("adam").body(Map.of("name", " ", "securityLevel", "SL2")).post(ZONES).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("name"));
        as("adam").body(Map.of("name", unique("z"))).post(ZONES).then()
                .statusCode(400)
                .body("errors.find { it.field == 'securityLevel' }.message",
                        equalTo("must be one of SL1, SL2, SL3, SL4"));
        as("adam").body(Map.of("name", unique("z"), "securityLevel", "SL9")).post(ZONES).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("securityLevel"))
                .body("errors[0].message", equalTo("must be one of SL1, SL2, SL3, SL4"));
        as("adam").body("{").post(ZONES).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownIdIsNotFound() {
        as("adam").get(ZONES + "/999999").then().statusCode(404).contentType("application/problem+json");
        as("adam").body(zoneBody(unique("ghost"), "SL1")).put(ZONES + "/999999").then().statusCode(404);
        as("adam").delete(ZONES + "/999999").then().statusCode(404);
    }

    @Test
    void duplicateNameIsAConflict() {
        String name = unique("twin");
        as("adam").body(zoneBody(name, "SL1")).post(ZONES).then().statusCode(201);
        as("adam").body(zoneBody(name, "SL2")).post(ZONES).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(name));
        long other = createZone("SL1");
        as("adam").body(zoneBody(name, "SL1")).put(ZONES + "/" + other).then().statusCode(409);
    }

    @Test
    void zoneWithAssetsOrConduitsCannotBeDeleted() {
        long withAsset = createZone("SL2");
        createAsset(withAsset);
        as("adam").delete(ZONES + "/" + withAsset).then()
                .statusCode(409)
                .body("detail", containsString("1 asset(s) and 0 conduit(s)"));

        long withConduit = createZone("SL2");
        createConduit(withConduit);
        as("adam").delete(ZONES + "/" + withConduit).then()
                .statusCode(409)
                .body("detail", containsString("0 asset(s) and 1 conduit(s)"));
    }

    @Test
    void raisingTheLevelAboveWhatAConduitAllowsIsRefused() {
        String name = unique("line");
        long zone = PlantFixtures.create(ZONES, zoneBody(name, "SL1"));
        createConduit(zone); // SL1 defaults: eight hours, upload and download on

        as("adam").body(zoneBody(name, "SL4")).put(ZONES + "/" + zone).then()
                .statusCode(409)
                .body("detail", containsString("longestGrant must not exceed PT1H"))
                .body("detail", containsString("uploadAllowed must be false"));
        as("adam").get(ZONES + "/" + zone).then().body("securityLevel", equalTo("SL1"));
    }

    @Test
    void openApiDocumentsThePlantApi() {
        as("adam").accept("application/json").get("/q/openapi").then()
                .statusCode(200)
                .body("paths", hasKey(ZONES))
                .body("paths", hasKey("/api/admin/assets/{id}"))
                .body("paths", hasKey("/api/admin/conduits"))
                .body("paths", hasKey("/api/admin/assets/{id}/credential"))
                .body("paths.'/api/admin/zones'.post.summary", equalTo("Create a zone"));
    }
}
