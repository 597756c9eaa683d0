package io.otbroker.ssh;

import static io.otbroker.ssh.SshFixtures.activeGrant;
import static io.otbroker.ssh.SshFixtures.asset;
import static io.otbroker.ssh.SshFixtures.registeredKey;
import static io.otbroker.testsupport.AccessChecks.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.chain.RecordingVerifier;
import io.otbroker.recorder.chain.Verdict;
import io.otbroker.recorder.sign.PemKeys;
import io.otbroker.recorder.store.DirectoryRecording;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Past sessions for operators and auditors; their recordings, verified, for auditors only. */
@QuarkusTest
class SessionHistoryTest extends FrontDoorTest {

    private static final String HISTORY = "/api/sessions/history";

    @ConfigProperty(name = "otbroker.recordings.dir")
    Path recordingsDir;

    @Test
    void anEndedSessionIsListedWithItsVerifiedRecording() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        long grant = activeGrant(asset);
        assertEquals(0, VendorSsh.run(bastion.port(), registeredKey("alice", dir), "alice:" + asset, List.of(),
                "echo kept for the record").exitStatus());

        JsonPath page = RecordedSshSession.verifiedHistory(asset);
        assertEquals(1, page.getLong("total"));
        assertEquals((int) grant, page.getInt("items[0].grantId"));
        assertEquals("alice", page.getString("items[0].vendor"));
        assertEquals("SSH", page.getString("items[0].protocol"));
        assertEquals(0, page.getInt("items[0].exitStatus"));
        assertEquals("COMPLETE", page.getString("items[0].recordingState"));
        assertTrue(page.getLong("items[0].bytesFromAsset") >= "kept for the record\n".length());
        assertTrue(page.getString("items[0].ended") != null);

        as("oscar").get(HISTORY + "?asset=" + asset).then().statusCode(200).body("total", equalTo(1));
        as("audrey").get(HISTORY + "?asset=" + asset + "&from=2999-01-01T00:00:00Z").then().body("total", equalTo(0));
        as("audrey").get(HISTORY + "?vendor=victor&asset=" + asset).then().body("total", equalTo(0));
        as("audrey").get(HISTORY + "?size=0").then().statusCode(400);
        for (String refused : List.of("alice", "mallory", "adam")) {
            as(refused).get(HISTORY).then().statusCode(403);
        }
        given().get(HISTORY).then().statusCode(401);
    }

    @Test
    void auditorsDownloadARecordingThatVerifiesOfflineAndSeeTamperingWhenTheyVerifyAgain() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        activeGrant(asset);
        VendorSsh.run(bastion.port(), registeredKey("alice", dir), "alice:" + asset, List.of(), "echo evidence");
        UUID id = UUID.fromString(RecordedSshSession.verifiedHistory(asset).getString("items[0].id"));
        String recording = "/api/recordings/" + id;

        byte[] zip = as("audrey").get(recording).then().statusCode(200).contentType("application/zip").extract().asByteArray();
        Path unpacked = unzip(zip, dir.resolve("download"));
        String publicKey = as("audrey").get("/api/recordings/public-key").then().statusCode(200).extract().asString();
        Verdict offline = RecordingVerifier.verify(new DirectoryRecording(unpacked.resolve(id.toString())),
                new RecordingId(id), PemKeys.readPublicKey(publicKey));
        assertEquals(Verdict.Outcome.VERIFIED, offline.outcome(), offline.describe());
        as("audrey").get(recording + "/manifest").then().statusCode(200).body("sessionId", equalTo(id.toString()));
        String cast = as("audrey").get(recording + "/cast").then().statusCode(200).extract().asString();
        assertTrue(cast.startsWith("{\"version\": 2") && cast.contains("evidence"), cast);
        assertEquals(3, SshFixtures.events("recording.download", "recording/" + id).size());

        RecordedSshSession.tamper(recordingsDir, id, "evidence", "innocent");
        as("audrey").post(recording + "/verify").then().statusCode(200).body("status", equalTo("TAMPERED"));
        as("audrey").get(HISTORY + "?asset=" + asset).then().body("items[0].verification.status", equalTo("TAMPERED"));
        assertEquals("audrey", SshFixtures.events("recording.verify_failed", "recording/" + id).getLast().actor);

        for (String refused : List.of("oscar", "alice", "adam")) {
            as(refused).get(recording).then().statusCode(403);
            as(refused).post(recording + "/verify").then().statusCode(403);
        }
        given().get(recording).then().statusCode(401);
        as("audrey").get("/api/recordings/" + UUID.randomUUID()).then().statusCode(404);
    }

    private static Path unzip(byte[] zip, Path target) throws Exception {
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                assertTrue(file.startsWith(target), entry.getName());
                Files.createDirectories(file.getParent());
                Files.write(file, entries.readAllBytes());
            }
        }
        return target;
    }
}
