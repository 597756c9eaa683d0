package io.otbroker.sshkey;

import static io.otbroker.testsupport.AccessChecks.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.otbroker.access.AuditTrail;
import io.otbroker.testsupport.SshKeygen;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vendors register, read and revoke their own SSH keys; nobody else sees or touches them. */
@QuarkusTest
class SshKeyResourceTest {

    private static final String KEYS = "/api/ssh-keys";

    @TempDir
    Path dir;

    @Test
    void aVendorRegistersAnEd25519KeyWithTheFingerprintSshKeygenShows() throws Exception {
        SshKeygen.KeyPairFiles key = SshKeygen.generate(dir, "ed25519", 0);
        long id = as("alice").body(Map.of("publicKey", key.publicLine())).post(KEYS).then().statusCode(201)
                .body("type", equalTo("ssh-ed25519")).body("comment", equalTo("test@ed25519"))
                .body("usable", equalTo(true)).body("fingerprint", equalTo(keygenFingerprint(key.privateKey())))
                .extract().jsonPath().getLong("id");

        as("alice").get(KEYS).then().statusCode(200).body("id", hasItem((int) id));
        as("alice").get(KEYS + "/" + id).then().statusCode(200).body("publicKey", notNullValue());
        as("alice").body(Map.of("publicKey", key.publicLine())).post(KEYS).then().statusCode(409);
        AuditTrail.Entry added = AuditTrail.of("ssh-key/" + id, "ssh_key.add").getFirst();
        assertEquals("alice", added.actor());
        assertEquals(true, added.details().contains(keygenFingerprint(key.privateKey())));
    }

    @Test
    void ecdsaAndLargeRsaKeysAreAcceptedSmallRsaIsNot() {
        as("alice").body(Map.of("publicKey", SshKeygen.generate(dir, "ecdsa", 384).publicLine())).post(KEYS)
                .then().statusCode(201).body("type", equalTo("ecdsa-sha2-nistp384"));
        as("alice").body(Map.of("publicKey", SshKeygen.generate(dir, "rsa", 3072).publicLine())).post(KEYS)
                .then().statusCode(201).body("type", equalTo("ssh-rsa"));
        as("alice").body(Map.of("publicKey", SshKeygen.generate(dir, "rsa", 2048).publicLine())).post(KEYS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", containsString("3072"));
    }

    @Test
    void malformedKeysAndPastExpiriesAreRefused() {
        for (String bad : List.of("not a key", "ssh-ed25519 !!!notbase64", "ssh-dss AAAAB3NzaC1kc3M=",
                "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA==")) {
            as("alice").body(Map.of("publicKey", bad)).post(KEYS).then().statusCode(400);
        }
        Map<String, Object> body = new HashMap<>(Map.of("publicKey", SshKeygen.generate(dir, "ed25519", 0).publicLine()));
        body.put("expiresAt", Instant.now().minusSeconds(60).toString());
        as("alice").body(body).post(KEYS).then().statusCode(400).body("errors[0].message", containsString("future"));
    }

    @Test
    void anotherVendorsKeyIsNotFoundAndRevokingOwnKeysMakesThemUnusable() {
        long id = as("alice").body(Map.of("publicKey", SshKeygen.generate(dir, "ed25519", 0).publicLine(),
                "comment", "laptop")).post(KEYS).then().statusCode(201).body("comment", equalTo("laptop"))
                .extract().jsonPath().getLong("id");

        as("victor").get(KEYS + "/" + id).then().statusCode(404);
        as("victor").delete(KEYS + "/" + id).then().statusCode(404);
        as("victor").get(KEYS).then().statusCode(200).body("id", not(hasItem((int) id)));

        as("alice").delete(KEYS + "/" + id).then().statusCode(200).body("usable", equalTo(false))
                .body("revokedAt", notNullValue());
        as("alice").get(KEYS + "/" + id).then().body("usable", equalTo(false));
        assertEquals(1, AuditTrail.of("ssh-key/" + id, "ssh_key.revoke").size());
    }

    @Test
    void onlyVendorsHaveKeysAndAnonymousCallersAreUnauthorised() {
        String line = SshKeygen.generate(dir, "ed25519", 0).publicLine();
        for (String staff : List.of("oscar", "audrey", "adam")) {
            as(staff).body(Map.of("publicKey", line)).post(KEYS).then().statusCode(403);
            as(staff).get(KEYS).then().statusCode(403);
            as(staff).delete(KEYS + "/1").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(Map.of("publicKey", line)).post(KEYS).then().statusCode(401);
        given().get(KEYS).then().statusCode(401);
        given().delete(KEYS + "/1").then().statusCode(401);
    }

    private static String keygenFingerprint(Path privateKey) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ssh-keygen", "-l", "-E", "sha256", "-f", privateKey + ".pub").start();
        assertEquals(true, process.waitFor(30, TimeUnit.SECONDS));
        String out = new String(process.getInputStream().readAllBytes());
        return out.split(" ")[1];
    }
}
