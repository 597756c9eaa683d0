package io.otbroker.policy;

import static io.otbroker.testsupport.AccessChecks.as;
import static io.otbroker.testsupport.PlantFixtures.conduitBody;
import static io.otbroker.testsupport.PlantFixtures.createConduit;
import static io.otbroker.testsupport.PlantFixtures.createZone;
import static io.otbroker.testsupport.PlantFixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.otbroker.testsupport.AccessChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConduitResourceTest {

    private static final String CONDUITS = "/api/admin/conduits";

    @Test
    void adminCreatesReadsReplacesAndDeletesAConduit() {
        long zone = createZone("SL2");
        String name = unique("vendor-path");
        Map<String, Object> body = conduitBody(name, zone);
        body.put("allowedProtocols", List.of("VNC", "SSH"));
        body.put("longestGrant", "PT90M");
        body.put("downloadAllowed", true);
        body.put("vendorOrganisations", List.of("voltek-controls", "acme-automation"));

        long id = as("adam").body(body).post(CONDUITS).then()
                .statusCode(201)
                .body("name", equalTo(name))
                .body("allowedProtocols", contains("SSH", "VNC"))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("maintenanceWindows[0].dayOfWeek", equalTo("SATURDAY"))
                .body("maintenanceWindows[0].start", equalTo("22:00:00"))
                .body("maintenanceWindows[0].end", equalTo("04:00:00"))
                .body("longestGrant", equalTo("PT1H30M"))
                .body("uploadAllowed", equalTo(false))
                .body("downloadAllowed", equalTo(true))
                .body("vendorOrganisations", contains("acme-automation", "voltek-controls"))
                .extract().jsonPath().getLong("id");
        as("oscar").get(CONDUITS + "/" + id).then().statusCode(200).body("zoneId", equalTo((int) zone));

        body.put("maintenanceWindows", List.of());
        body.put("timeZone", "America/Chicago");
        body.put("vendorOrganisations", List.of("acme-automation"));
        as("adam").body(body).put(CONDUITS + "/" + id).then()
                .statusCode(200)
                .body("vendorOrganisations", contains("acme-automation"))
                .body("timeZone", equalTo("America/Chicago"))
                .body("maintenanceWindows.size()", equalTo(0));
        as("audrey").get(CONDUITS + "?zoneId=" + zone).then().statusCode(200).body("name", contains(name));

        as("adam").delete(CONDUITS + "/" + id).then().statusCode(204);
        as("adam").get(CONDUITS + "/" + id).then().statusCode(404);
    }

    @Test
    void leftOutSettingsTakeTheSecurityLevelDefaults() {
        as("adam").body(conduitBody(unique("sl1"), createZone("SL1"))).post(CONDUITS).then()
                .statusCode(201)
                .body("longestGrant", equalTo("PT8H"))
                .body("vendorOrganisations.size()", equalTo(0))
                .body("uploadAllowed", equalTo(true))
                .body("downloadAllowed", equalTo(true))
                .body("execAllowed", equalTo(false))
                .body("keepTransferredFiles", equalTo(false));
        as("adam").body(conduitBody(unique("sl3"), createZone("SL3"))).post(CONDUITS).then()
                .statusCode(201)
                .body("longestGrant", equalTo("PT2H"))
                .body("uploadAllowed", equalTo(false))
                .body("downloadAllowed", equalTo(false))
                .body("execAllowed", equalTo(false))
                .body("keepTransferredFiles", equalTo(true));
    }

    @Test
    void execAndKeepingFilesAreSetByTheAdminWithinTheLevel() {
        Map<String, Object> execAtSl2 = conduitBody(unique("sl2-exec"), createZone("SL2"));
        execAtSl2.put("execAllowed", true);
        execAtSl2.put("keepTransferredFiles", true);
        long id = as("adam").body(execAtSl2).post(CONDUITS).then().statusCode(201)
                .body("execAllowed", equalTo(true)).body("keepTransferredFiles", equalTo(true))
                .extract().jsonPath().getLong("id");
        as("audrey").get(CONDUITS + "/" + id).then().statusCode(200).body("execAllowed", equalTo(true));

        Map<String, Object> execAtSl4 = conduitBody(unique("sl4-exec"), createZone("SL4"));
        execAtSl4.put("execAllowed", true);
        execAtSl4.put("keepTransferredFiles", false);
        assertInvalid(execAtSl4, "execAllowed", "must be false: SL4 sessions are supervised shells only");
        assertInvalid(execAtSl4, "keepTransferredFiles", "must be true: SL4 zones keep every transferred file");
    }

    @Test
    void conduitMayTightenButNeverLoosenItsZoneLevel() {
        long sl3 = createZone("SL3");
        Map<String, Object> uploadAtSl3 = conduitBody(unique("sl3-upload"), sl3);
        uploadAtSl3.put("uploadAllowed", true);
        as("adam").body(uploadAtSl3).post(CONDUITS).then().statusCode(201).body("uploadAllowed", equalTo(true));

        Map<String, Object> tooLong = conduitBody(unique("sl3-long"), sl3);
        tooLong.put("longestGrant", "PT3H");
        assertInvalid(tooLong, "longestGrant", "must not exceed PT2H, the limit of SL3");

        long sl4 = createZone("SL4");
        Map<String, Object> transferAtSl4 = conduitBody(unique("sl4-transfer"), sl4);
        transferAtSl4.put("uploadAllowed", true);
        transferAtSl4.put("downloadAllowed", true);
        assertInvalid(transferAtSl4, "uploadAllowed", "must be false: file transfer is off in SL4 zones");
        assertInvalid(transferAtSl4, "downloadAllowed", "must be false: file transfer is off in SL4 zones");

        Map<String, Object> tightSl1 = conduitBody(unique("sl1-tight"), createZone("SL1"));
        tightSl1.put("uploadAllowed", false);
        tightSl1.put("longestGrant", "PT15M");
        as("adam").body(tightSl1).post(CONDUITS).then().statusCode(201)
                .body("uploadAllowed", equalTo(false)).body("longestGrant", equalTo("PT15M"));
    }

    @Test
    void invalidFieldsAreNamed() {
        long zone = createZone("SL2");
        String ianaZone = "must be an IANA time zone such as Europe/Berlin";
        assertInvalid(with(zone, "timeZone", "Mars/Olympus_Mons"), "timeZone", ianaZone);
        assertInvalid(with(zone, "timeZone", "+02:00"), "timeZone", ianaZone);
        assertInvalid(with(zone, "longestGrant", "2 hours"), "longestGrant",
                "must be an ISO-8601 duration such as PT2H or PT30M");
        assertInvalid(with(zone, "longestGrant", "-PT1H"), "longestGrant",
                "must be a positive whole number of seconds, e.g. PT2H");
        assertInvalid(with(zone, "allowedProtocols", List.of()), "allowedProtocols",
                "must name at least one of SSH, RDP, VNC");
        assertInvalid(with(zone, "zoneId", 999_999), "zoneId", "no zone has this id");
        assertInvalid(with(zone, "maintenanceWindows",
                List.of(Map.of("dayOfWeek", "MONDAY", "start", "25:00", "end", "04:00"))),
                "maintenanceWindows[0].start", "must be a time of day such as 06:30");
        assertInvalid(with(zone, "maintenanceWindows",
                List.of(Map.of("dayOfWeek", "FUNDAY", "start", "01:00", "end", "04:00"))),
                "maintenanceWindows[0].dayOfWeek",
                "must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY");
        assertInvalid(with(zone, "maintenanceWindows", List.of(Map.of("dayOfWeek", "MONDAY", "start", "01:00"))),
                "maintenanceWindows[0].end", "must not be null");
        assertInvalid(with(zone, "vendorOrganisations", List.of(" ")), "vendorOrganisations[].<iterable element>",
                "must not be blank");
        assertInvalid(with(zone, "vendorOrganisations", List.of("x".repeat(101))),
                "vendorOrganisations[].<iterable element>", "must be at most 100 characters");
    }

    @Test
    void readsAreForStaffAndVendorsAreRefused() {
        long id = createConduit(createZone("SL2"));
        AccessChecks.readableByStaffOnly(CONDUITS);
        AccessChecks.readableByStaffOnly(CONDUITS + "/" + id);
    }

    @Test
    void writesAreForAdminsOnly() {
        long zone = createZone("SL2");
        long id = createConduit(zone);
        Map<String, Object> body = conduitBody(unique("denied"), zone);
        AccessChecks.refusedToNonAdmins(Method.POST, CONDUITS, body);
        AccessChecks.refusedToNonAdmins(Method.PUT, CONDUITS + "/" + id, body);
        AccessChecks.refusedToNonAdmins(Method.DELETE, CONDUITS + "/" + id, null);
        as("adam").get(CONDUITS + "/" + id).then().statusCode(200);
        as("adam").get(CONDUITS).then().body("name", not(hasItem(body.get("name"))));
    }

    @Test
    void unknownIdIsNotFound() {
        long zone = createZone("SL2");
        as("adam").get(CONDUITS + "/999999").then().statusCode(404).contentType("application/problem+json");
        as("adam").body(conduitBody(unique("ghost"), zone)).put(CONDUITS + "/999999").then().statusCode(404);
        as("adam").delete(CONDUITS + "/999999").then().statusCode(404);
    }

    @Test
    void duplicateNameIsAConflict() {
        long zone = createZone("SL2");
        String name = unique("twin");
        as("adam").body(conduitBody(name, zone)).post(CONDUITS).then().statusCode(201);
        as("adam").body(conduitBody(name, zone)).post(CONDUITS).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("A conduit named '" + name + "' already exists."));
    }

    private static Map<String, Object> with(long zone, String field, Object value) {
        Map<String, Object> body = conduitBody(unique("bad"), zone);
        body.put(field, value);
        return body;
    }

    private static void assertInvalid(Map<String, Object> body, String field, String message) {
        as("adam").body(body).post(CONDUITS).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.find { it.field == '" + field + "' }.message", equalTo(message));
    }
}
