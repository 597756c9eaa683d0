package io.otbroker.ssh;

import static io.otbroker.ssh.SshFixtures.activeGrant;
import static io.otbroker.ssh.SshFixtures.asset;
import static io.otbroker.ssh.SshFixtures.eventsAfter;
import static io.otbroker.ssh.SshFixtures.lastEvent;
import static io.otbroker.ssh.SshFixtures.registeredKey;
import static io.otbroker.testsupport.AccessChecks.as;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otbroker.audit.AuditEvent;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.asciicast.AsciicastEvent;
import io.otbroker.recorder.asciicast.AsciicastReader;
import io.otbroker.recorder.chain.ManifestCodec;
import io.otbroker.recorder.chain.RecordingVerifier;
import io.otbroker.recorder.chain.Verdict;
import io.otbroker.recorder.store.RecordingSource;
import io.otbroker.recording.SessionRecordings;
import io.otbroker.session.LiveSession;
import io.otbroker.testsupport.Poll;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The real OpenSSH sftp and scp through the front door to the asset's SFTP: what passes, what is audited and kept. */
@QuarkusTest
class FileTransferTest extends FrontDoorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "otbroker.recordings.dir")
    Path recordingsDir;

    @Inject
    SessionRecordings recordings;

    @Test
    void sftpPutAndGetPassAreAuditedWithTheirHashAndKeptByteForByte() throws Exception {
        String asset = asset("SL2", target, target.hostKeyLine(), Map.of("uploadAllowed", true,
                "downloadAllowed", true, "keepTransferredFiles", true));
        Path key = registeredKey("alice", dir);
        activeGrant(asset);
        byte[] upload = randomBytes(300_000);
        Files.write(dir.resolve("up.bin"), upload);
        byte[] onAsset = randomBytes(200_001);
        Files.write(target.files().resolve(asset + "-down.bin"), onAsset);
        long before = lastSeq("file.transfer");

        VendorSsh.Result sftp = VendorFiles.sftp(bastion.port(), key, "alice:" + asset, dir,
                "put up.bin /" + asset + "-up.bin", "get /" + asset + "-down.bin down.bin");

        assertEquals(0, sftp.exitStatus(), sftp.stderr());
        assertArrayEquals(upload, Files.readAllBytes(target.files().resolve(asset + "-up.bin")));
        assertArrayEquals(onAsset, Files.readAllBytes(dir.resolve("down.bin")));
        List<JsonNode> transfers = details(eventsAfter("file.transfer", "alice", before));
        assertEquals(2, transfers.size(), transfers.toString());
        assertTransfer(transfers.get(0), "UPLOAD", "/" + asset + "-up.bin", upload);
        assertTransfer(transfers.get(1), "DOWNLOAD", "/" + asset + "-down.bin", onAsset);
        for (JsonNode transfer : transfers) {
            Path kept = recordingsDir.resolve(transfer.get("kept").asText());
            assertEquals(transfer.get("sha256").asText(), kept.getFileName().toString());
            assertEquals(transfer.get("sha256").asText(), sha256(Files.readAllBytes(kept)));
        }
        assertArrayEquals(upload, Files.readAllBytes(recordingsDir.resolve(transfers.get(0).get("kept").asText())));
        AuditEvent end = Poll.until(() -> newer("session.end", before), "the SFTP session's end");
        assertTrue(end.details.contains("\"COMPLETE\""), end.details);
        String transcript = transcript(end);
        assertTrue(transcript.contains("put /" + asset + "-up.bin"), transcript);
        assertTrue(transcript.contains("300000 bytes, sha256 " + sha256(upload)), transcript);
        assertTrue(transcript.contains("get /" + asset + "-down.bin"), transcript);
    }

    @Test
    void scpSpeaksSftpAndIsAuditedLikeItWithoutKeepingWhenTheConduitSaysNot() throws Exception {
        String asset = asset("SL1", target, target.hostKeyLine(), Map.of());
        Path key = registeredKey("alice", dir);
        activeGrant(asset);
        byte[] upload = randomBytes(70_000);
        Files.write(dir.resolve("scp-up.bin"), upload);
        long before = lastSeq("file.transfer");

        VendorSsh.Result put = VendorFiles.scp(bastion.port(), key, "alice:" + asset, dir, List.of(), "scp-up.bin",
                ":/" + asset + "-scp.bin");
        assertEquals(0, put.exitStatus(), put.stderr());
        VendorSsh.Result get = VendorFiles.scp(bastion.port(), key, "alice:" + asset, dir, List.of(),
                ":/" + asset + "-scp.bin", "scp-back.bin");
        assertEquals(0, get.exitStatus(), get.stderr());

        assertArrayEquals(upload, Files.readAllBytes(target.files().resolve(asset + "-scp.bin")));
        assertArrayEquals(upload, Files.readAllBytes(dir.resolve("scp-back.bin")));
        List<JsonNode> transfers = details(eventsAfter("file.transfer", "alice", before));
        assertEquals(List.of("UPLOAD", "DOWNLOAD"), transfers.stream().map(t -> t.get("direction").asText()).toList(),
                transfers.toString());
        transfers.forEach(transfer -> assertTransfer(transfer, transfer.get("direction").asText(),
                "/" + asset + "-scp.bin", upload));
        assertFalse(transfers.get(0).has("kept"), "an SL1 conduit keeps nothing unless it says so");
    }

    @Test
    void anUploadOnlyConduitRefusesReadingAndAuditsTheRefusal() throws Exception {
        String asset = asset("SL2", target, target.hostKeyLine(), Map.of("uploadAllowed", true));
        Path key = registeredKey("alice", dir);
        activeGrant(asset);
        Files.writeString(target.files().resolve(asset + "-secret.txt"), "recipe");
        Files.writeString(dir.resolve("new.txt"), "firmware");

        VendorSsh.Result put = VendorFiles.sftp(bastion.port(), key, "alice:" + asset, dir, "put new.txt /"
                + asset + "-new.txt", "ls /");
        assertEquals(0, put.exitStatus(), put.stderr());
        assertEquals("firmware", Files.readString(target.files().resolve(asset + "-new.txt")));
        assertTrue(put.stdout().contains(asset + "-secret.txt"), "listing is allowed: " + put.stdout());

        long before = lastSeq("file.operation_refused");
        VendorSsh.Result get = VendorFiles.sftp(bastion.port(), key, "alice:" + asset, dir,
                "get /" + asset + "-secret.txt stolen.txt");
        assertNotEquals(0, get.exitStatus());
        assertTrue(get.stderr().contains("Permission denied"), get.stderr());
        assertFalse(Files.exists(dir.resolve("stolen.txt")));
        JsonNode refused = details(eventsAfter("file.operation_refused", "alice", before)).getFirst();
        assertEquals("read", refused.get("operation").asText());
        assertEquals("/" + asset + "-secret.txt", refused.get("path").asText());
    }

    @Test
    void aDownloadOnlyConduitRefusesEveryChange() throws Exception {
        String asset = asset("SL2", target, target.hostKeyLine(), Map.of("downloadAllowed", true));
        Path key = registeredKey("alice", dir);
        activeGrant(asset);
        Files.writeString(target.files().resolve(asset + "-log.txt"), "fault 42");
        Files.writeString(dir.resolve("evil.txt"), "payload");
        long before = lastSeq("file.operation_refused");

        VendorSsh.Result sftp = VendorFiles.sftp(bastion.port(), key, "alice:" + asset, dir,
                "get /" + asset + "-log.txt log.txt", "-put evil.txt /" + asset + "-evil.txt",
                "-mkdir /" + asset + "-dir", "-rm /" + asset + "-log.txt", "-rename /" + asset + "-log.txt /moved.txt");

        assertEquals(0, sftp.exitStatus(), sftp.stderr());
        assertEquals("fault 42", Files.readString(dir.resolve("log.txt")));
        assertFalse(Files.exists(target.files().resolve(asset + "-evil.txt")));
        assertFalse(Files.exists(target.files().resolve(asset + "-dir")));
        assertTrue(Files.exists(target.files().resolve(asset + "-log.txt")));
        assertEquals(List.of("write", "mkdir", "remove", "rename"), details(eventsAfter("file.operation_refused",
                "alice", before)).stream().map(refused -> refused.get("operation").asText()).toList());

        VendorSsh.Result scp = VendorFiles.scp(bastion.port(), key, "alice:" + asset, dir, List.of(), "evil.txt",
                ":/" + asset + "-evil.txt");
        assertNotEquals(0, scp.exitStatus());
        assertFalse(Files.exists(target.files().resolve(asset + "-evil.txt")), "nor through scp");
    }

    @Test
    void withNoDirectionAllowedSftpIsRefusedAltogether() throws Exception {
        String asset = asset("SL2", target, target.hostKeyLine(), Map.of());
        JsonNode refused = refusedSftp(asset, "allows no file transfer", "ssh.request_refused");
        assertEquals("sftp", refused.get("name").asText());
    }

    @Test
    void anAssetWithoutSftpRefusesTheSessionAtOnceAndTellsTheVendor() throws Exception {
        try (TargetAsset noSftp = TargetAsset.startWithoutSftp()) {
            String asset = asset("SL1", noSftp, noSftp.hostKeyLine(), Map.of());
            JsonNode refused = refusedSftp(asset, "the asset cannot be reached safely", "session.refused");
            assertEquals("the asset offers no SFTP", refused.get("reason").asText());
            Poll.until(() -> noSftp.openConnections() == 0 ? Optional.of(true) : Optional.empty(),
                    "the broker's connection to the asset closed");
        }
    }

    @Test
    void legacyScpIsRefusedBeforeItReachesTheAsset() throws Exception {
        String asset = asset("SL1", target, target.hostKeyLine(), Map.of("execAllowed", true));
        Path key = registeredKey("alice", dir);
        activeGrant(asset);
        Files.writeString(dir.resolve("legacy.txt"), "old protocol");
        long before = lastSeq("ssh.request_refused");

        VendorSsh.Result scp = VendorFiles.scp(bastion.port(), key, "alice:" + asset, dir, List.of("-O"),
                "legacy.txt", ":/" + asset + "-legacy.txt");

        assertNotEquals(0, scp.exitStatus());
        assertTrue(scp.stderr().contains("scp without -O"), scp.stderr());
        assertFalse(Files.exists(target.files().resolve(asset + "-legacy.txt")));
        JsonNode refused = details(eventsAfter("ssh.request_refused", "alice", before)).getFirst();
        assertEquals("exec", refused.get("request").asText());
        assertEquals("scp", refused.get("name").asText());
    }

    @Test
    void aShellOnlyConduitRefusesCommandsButNotTheShell() throws Exception {
        String asset = asset("SL2", target, target.hostKeyLine(), Map.of("execAllowed", false));
        Path key = registeredKey("alice", dir);
        activeGrant(asset);
        long before = lastSeq("ssh.request_refused");

        VendorSsh.Result exec = VendorSsh.run(bastion.port(), key, "alice:" + asset, List.of(), "echo hello");
        assertEquals(255, exec.exitStatus());
        assertEquals("", exec.stdout());
        assertTrue(exec.stderr().contains("interactive shells only"), exec.stderr());
        JsonNode refused = details(eventsAfter("ssh.request_refused", "alice", before)).getFirst();
        assertEquals("echo", refused.get("name").asText());

        Process shell = VendorSsh.startShell(bastion.port(), key, "alice:" + asset);
        try (OutputStream typing = shell.getOutputStream()) {
            typing.write("echo in a shell\nexit 0\n".getBytes(StandardCharsets.UTF_8));
        }
        VendorSsh.Result result = VendorSsh.finish(shell, 30);
        assertEquals(0, result.exitStatus(), result.stderr());
        assertTrue(result.stdout().contains("in a shell"), result.stdout());
    }

    @Test
    void revokingTheGrantCutsALiveSftpSession() throws Exception {
        String asset = asset("SL2", target, target.hostKeyLine(), Map.of("downloadAllowed", true));
        Path key = registeredKey("alice", dir);
        long grant = activeGrant(asset);
        Process sftp = VendorFiles.startSftp(bastion.port(), key, "alice:" + asset, dir);
        try {
            LiveSession live = liveSessionOf(grant);

            long revokedAt = System.nanoTime();
            as("oscar").body(Map.of("reason", "Line restarts now")).post("/api/access-requests/" + grant + "/revoke")
                    .then().statusCode(200);
            awaitEnd(live);
            long tookMillis = (System.nanoTime() - revokedAt) / 1_000_000;

            assertTrue(tookMillis < 2000, "cut after " + tookMillis + " ms");
            AuditEvent end = auditedEnd(live);
            assertTrue(end.details.contains("revoked"), end.details);
            VendorSsh.Result cut = finishAfterNextCommand(sftp);
            assertNotEquals(0, cut.exitStatus());
            assertTrue(cut.stderr().contains("The grant was revoked."), cut.stderr());
        } finally {
            sftp.destroy();
        }
    }

    @Test
    void theAssetGoingAwayEndsALiveSftpSessionAndTellsTheVendor() throws Exception {
        try (TargetAsset leaving = TargetAsset.start()) {
            String asset = asset("SL2", leaving, leaving.hostKeyLine(), Map.of("downloadAllowed", true));
            Path key = registeredKey("alice", dir);
            long grant = activeGrant(asset);
            Process sftp = VendorFiles.startSftp(bastion.port(), key, "alice:" + asset, dir);
            try {
                LiveSession live = liveSessionOf(grant);

                leaving.stopServing();

                awaitEnd(live);
                AuditEvent end = auditedEnd(live);
                assertTrue(end.details.contains("the asset ended the session"), end.details);
                VendorSsh.Result cut = finishAfterNextCommand(sftp);
                assertNotEquals(0, cut.exitStatus());
                assertTrue(cut.stderr().contains("otbroker: The asset ended the session."), cut.stderr());
            } finally {
                sftp.destroy();
            }
        }
    }

    /** Runs sftp as alice with a grant for {@code asset}: refused, the vendor told, and the audit event's details. */
    private JsonNode refusedSftp(String asset, String vendorReads, String eventName) throws Exception {
        Path key = registeredKey("alice", dir);
        activeGrant(asset);
        long before = lastSeq(eventName);

        VendorSsh.Result sftp = VendorFiles.sftp(bastion.port(), key, "alice:" + asset, dir, "ls /");

        assertNotEquals(0, sftp.exitStatus());
        assertTrue(sftp.stderr().contains(vendorReads), sftp.stderr());
        return details(eventsAfter(eventName, "alice", before)).getFirst();
    }

    private void awaitEnd(LiveSession live) {
        Poll.until(() -> liveSessions.list().stream().noneMatch(session -> session.id().equals(live.id()))
                ? Optional.of(true) : Optional.empty(), "the SFTP session's end");
    }

    private static AuditEvent auditedEnd(LiveSession live) {
        return Poll.until(() -> SshFixtures.events("session.end", "session/" + live.id()).stream().findFirst(),
                "the audited end");
    }

    /** Waits for a cut interactive sftp: it notices the closed connection at its next command, if not before. */
    private static VendorSsh.Result finishAfterNextCommand(Process sftp) throws Exception {
        try (OutputStream typing = sftp.getOutputStream()) {
            typing.write("ls\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            assertFalse(sftp.isAlive(), "only an ended sftp stops reading commands");
        }
        return VendorSsh.finish(sftp, 10);
    }

    /** The verified recording of the session {@code end} closed, as the text a replay shows. */
    private String transcript(AuditEvent end) throws Exception {
        RecordingId id = RecordingId.parse(end.subject.substring("session/".length()));
        RecordingSource source = recordings.sealed(id);
        assertEquals(Verdict.Outcome.VERIFIED, RecordingVerifier.verify(source, id, recordings.publicKey()).outcome());
        StringBuilder text = new StringBuilder();
        try (AsciicastReader reader = AsciicastReader.open(source, ManifestCodec.fromJson(source.manifest().orElseThrow()))) {
            for (Optional<AsciicastEvent> event = reader.next(); event.isPresent(); event = reader.next()) {
                text.append(event.get().data());
            }
        }
        return text.toString();
    }

    private static void assertTransfer(JsonNode transfer, String direction, String path, byte[] content) {
        assertEquals(direction, transfer.get("direction").asText(), transfer.toString());
        assertEquals(path, transfer.get("path").asText());
        assertEquals(content.length, transfer.get("size").asLong());
        assertEquals(sha256(content), transfer.get("sha256").asText());
        assertTrue(transfer.get("sequential").asBoolean());
        assertTrue(transfer.get("complete").asBoolean());
    }

    private static List<JsonNode> details(List<AuditEvent> events) throws Exception {
        List<JsonNode> details = new ArrayList<>();
        for (AuditEvent event : events) {
            details.add(JSON.readTree(event.details));
        }
        return details;
    }

    private static long lastSeq(String eventName) {
        return lastEvent(eventName, "alice").map(event -> event.seq).orElse(0L);
    }

    private static Optional<AuditEvent> newer(String eventName, long seq) {
        return lastEvent(eventName, "alice").filter(event -> event.seq > seq);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
