package io.otbroker.asset;

import static io.otbroker.testsupport.AccessChecks.as;
import static io.otbroker.testsupport.PlantFixtures.assetBody;
import static io.otbroker.testsupport.PlantFixtures.createAsset;
import static io.otbroker.testsupport.PlantFixtures.createZone;
import static io.otbroker.testsupport.PlantFixtures.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.otbroker.testsupport.AccessChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssetResourceTest {

    private static final String ASSETS = "/api/admin/assets";

    @Test
    void adminCreatesReadsReplacesAndDeletesAnAsset() {
        long zone = createZone("SL3");
        String name = unique("plc");
        Map<String, Object> body = assetBody(name, zone);
        body.put("endpoints", List.of(Map.of("protocol", "VNC", "host", "hmi-7.plant.local", "port", 5900),
                Map.of("protocol", "SSH", "host", "10.20.0.7", "port", 22)));
        body.put("sshHostKey", SshHostKeyTest.ED25519);

        long id = as("adam").body(body).post(ASSETS).then()
                .statusCode(201)
                .body("name", equalTo(name))
                .body("zoneId", equalTo((int) zone))
                .body("endpoints.protocol", contains("SSH", "VNC"))
                .body("sshHostKey", equalTo(SshHostKey.parse(SshHostKeyTest.ED25519).toOpenSshLine()))
                .body("sshHostKeyFingerprint", equalTo(SshHostKeyTest.ED25519_FINGERPRINT))
                .extract().jsonPath().getLong("id");
        as("oscar").get(ASSETS + "/" + id).then().statusCode(200).body("endpoints[1].port", equalTo(5900));

        body.remove("sshHostKey");
        body.put("endpoints", List.of(Map.of("protocol", "RDP", "host", "10.20.0.8", "port", 3389)));
        as("adam").body(body).put(ASSETS + "/" + id).then()
                .statusCode(200)
                .body("endpoints.protocol", contains("RDP"))
                .body("sshHostKey", nullValue())
                .body("sshHostKeyFingerprint", nullValue());
        as("audrey").get(ASSETS + "?zoneId=" + zone).then().statusCode(200).body("name", contains(name));

        as("adam").delete(ASSETS + "/" + id).then().statusCode(204);
        as("adam").get(ASSETS + "/" + id).then().statusCode(404);
    }

    @Test
    void readsAreForStaffAndVendorsAreRefused() {
        long id = createAsset(createZone("SL1"));
        AccessChecks.readableByStaffOnly(ASSETS);
        AccessChecks.readableByStaffOnly(ASSETS + "/" + id);
    }

    @Test
    void writesAreForAdminsOnly() {
        long zone = createZone("SL1");
        long id = createAsset(zone);
        Map<String, Object> body = assetBody(unique("denied"), zone);
        AccessChecks.refusedToNonAdmins(Method.POST, ASSETS, body);
        AccessChecks.refusedToNonAdmins(Method.PUT, ASSETS + "/" + id, body);
        AccessChecks.refusedToNonAdmins(Method.DELETE, ASSETS + "/" + id, null);
        as("adam").get(ASSETS + "/" + id).then().statusCode(200).body("name", not(equalTo(body.get("name"))));
    }

    @Test
    void nameMustBeTypeableInAnSshCommand() {
        long zone = createZone("SL1");
        for (String bad : List.of("PLC-7", "plc_7", "-plc", "plc 7", "a".repeat(64), "")) {
            as("adam").body(assetBody(bad, zone)).post(ASSETS).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("name"))
                    .body("errors[0].message", containsString("lower-case letters, digits or '-'"));
        }
    }

    @Test
    void endpointFieldsAreCheckedAndNamed() {
        long zone = createZone("SL1");
        assertInvalid(withEndpoints(zone, Map.of("protocol", "SSH", "host", "10.0.0.1", "port", 70000)),
                "endpoints[0].port", "must be a TCP port from 1 to 65535");
        assertInvalid(withEndpoints(zone, Map.of("protocol", "SSH", "host", "evil;rm -rf", "port", 22)),
                "endpoints[0].host",
                "must be a host name or IP address (letters, digits, '.', ':', '-'; at most 253 characters)");
        assertInvalid(withEndpoints(zone, Map.of("protocol", "TELNET", "host", "10.0.0.1", "port", 23)),
                "endpoints[0].protocol", "must be one of SSH, RDP, VNC");
        assertInvalid(withEndpoints(zone, Map.of("protocol", "SSH", "host", "10.0.0.1", "port", 22),
                        Map.of("protocol", "SSH", "host", "10.0.0.2", "port", 22)),
                "endpoints", "must hold at most one endpoint per protocol; SSH appears twice");
    }

    @Test
    void zoneAndHostKeyAreChecked() {
        long zone = createZone("SL1");
        Map<String, Object> unknownZone = assetBody(unique("orphan"), 999_999);
        assertInvalid(unknownZone, "zoneId", "no zone has this id");

        Map<String, Object> badKey = assetBody(unique("badkey"), zone);
        badKey.put("sshHostKey", "ssh-ed25519 AAAA-not-base64");
        assertInvalid(badKey, "sshHostKey", "the key after the type must be base64");
    }

    @Test
    void unknownIdIsNotFound() {
        long zone = createZone("SL1");
        as("adam").get(ASSETS + "/999999").then().statusCode(404).contentType("application/problem+json");
        as("adam").body(assetBody(unique("ghost"), zone)).put(ASSETS + "/999999").then().statusCode(404);
        as("adam").delete(ASSETS + "/999999").then().statusCode(404);
    }

    @Test
    void duplicateNameIsAConflict() {
        long zone = createZone("SL1");
        String name = unique("twin");
        as("adam").body(assetBody(name, zone)).post(ASSETS).then().statusCode(201);
        as("adam").body(assetBody(name, zone)).post(ASSETS).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("An asset named '" + name + "' already exists."));
        long other = createAsset(zone);
        as("adam").body(assetBody(name, zone)).put(ASSETS + "/" + other).then().statusCode(409);
        as("adam").get(ASSETS).then().body("name", hasItem(name));
    }

    @SafeVarargs
    private static Map<String, Object> withEndpoints(long zone, Map<String, Object>... endpoints) {
        Map<String, Object> body = assetBody(unique("ep"), zone);
        body.put("endpoints", List.of(endpoints));
        return body;
    }

    private static void assertInvalid(Map<String, Object> body, String field, String message) {
        as("adam").body(body).post(ASSETS).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.find { it.field == '" + field + "' }.message", equalTo(message));
    }
}
