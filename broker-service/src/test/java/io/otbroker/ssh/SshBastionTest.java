package io.otbroker.ssh;

import static io.otbroker.ssh.SshFixtures.activeGrant;
import static io.otbroker.ssh.SshFixtures.asset;
import static io.otbroker.ssh.SshFixtures.lastEvent;
import static io.otbroker.ssh.SshFixtures.registeredKey;
import static io.otbroker.testsupport.AccessChecks.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.audit.AuditEvent;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.asciicast.AsciicastEvent;
import io.otbroker.recorder.chain.RecordingVerifier;
import io.otbroker.recorder.chain.Verdict;
import io.otbroker.recorder.store.RecordingSource;
import io.otbroker.recording.SessionRecordings;
import io.otbroker.testsupport.Poll;
import io.otbroker.testsupport.SshKeygen;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The real OpenSSH client through the front door to a MINA SSH asset: who gets in, what passes, what is cut. */
@QuarkusTest
class SshBastionTest extends FrontDoorTest {

    @Inject
    SessionRecordings recordings;

    @Test
    void aGrantedVendorRunsACommandAndGetsItsOutputAndExitStatus() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        Path key = registeredKey("alice", dir);
        long grant = activeGrant(asset);

        VendorSsh.Result hello = VendorSsh.run(bastion.port(), key, "alice:" + asset, List.of(), "echo hello");
        assertEquals("hello\n", hello.stdout(), hello.stderr());
        assertEquals(0, hello.exitStatus());
        assertTrue(hello.stderr().contains("The grant ends at"), hello.stderr());

        assertEquals(3, VendorSsh.run(bastion.port(), key, "alice:" + asset, List.of(), "exit 3").exitStatus());
        assertEquals(2, SshFixtures.events("ssh.login", "access-request/" + grant).size(),
                "each connection's login is audited");
    }

    @Test
    void theStockClientGetsAesGcmAndAClientWithoutItIsRefused() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        Path key = registeredKey("alice", dir);
        activeGrant(asset);

        // The client's own default list (ChaCha20 first): it settles on what the front door offers.
        VendorSsh.Result negotiated = VendorSsh.run(bastion.port(), key, "alice:" + asset, List.of("-v"), "echo in");
        assertEquals("in\n", negotiated.stdout(), negotiated.stderr());
        assertTrue(negotiated.stderr().contains("server->client cipher: aes128-gcm@openssh.com"), negotiated.stderr());

        VendorSsh.Result chachaOnly = VendorSsh.run(bastion.port(), key, "alice:" + asset,
                List.of("-c", "chacha20-poly1305@openssh.com", "-o", "LogLevel=INFO"), "echo in");
        assertEquals(255, chachaOnly.exitStatus());
        assertTrue(chachaOnly.stderr().contains("no matching cipher found"), chachaOnly.stderr());
        assertEquals("", chachaOnly.stdout());
    }

    @Test
    void theSessionIsRecordedSignedAndVerifies() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        Path key = registeredKey("alice", dir);
        activeGrant(asset);

        assertEquals(0, VendorSsh.run(bastion.port(), key, "alice:" + asset, List.of(), "echo recorded words")
                .exitStatus());

        AuditEvent end = lastEvent("session.end", "alice").orElseThrow();
        assertTrue(end.details.contains("\"COMPLETE\""), end.details);
        RecordingId id = RecordedSessions.recordingOf(end);
        RecordingSource source = recordings.sealed(id);
        assertEquals(Verdict.Outcome.VERIFIED, RecordingVerifier.verify(source, id, recordings.publicKey()).outcome());
        String output = RecordedSessions.text(source, AsciicastEvent.Type.OUTPUT);
        assertTrue(output.contains("recorded words"), output);
        assertEquals(1, SshFixtures.events("session.start", end.subject).size());
    }

    @Test
    void anInteractiveShellRelaysAndRecordsWhatWasTypedAndShown() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        Path key = registeredKey("alice", dir);
        activeGrant(asset);

        Process shell = VendorSsh.startShell(bastion.port(), key, "alice:" + asset);
        try (OutputStream typing = shell.getOutputStream()) {
            typing.write("echo typed words\nsize\nexit 4\n".getBytes(StandardCharsets.UTF_8));
        }
        VendorSsh.Result result = VendorSsh.finish(shell, 30);

        assertEquals(4, result.exitStatus(), result.stderr());
        assertTrue(result.stdout().contains("typed words\n80x24\n"), result.stdout());
        AuditEvent end = lastEvent("session.end", "alice").orElseThrow();
        RecordingSource source = recordings.sealed(RecordedSessions.recordingOf(end));
        String typed = RecordedSessions.text(source, AsciicastEvent.Type.INPUT);
        assertTrue(typed.contains("echo typed words\nsize\nexit 4\n"), typed);
        assertTrue(RecordedSessions.text(source, AsciicastEvent.Type.OUTPUT).contains("typed words\n80x24\n"));
    }

    @Test
    void withoutAGrantOrWithAnUnregisteredKeyNobodyGetsIn() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        Path key = registeredKey("alice", dir);

        VendorSsh.Result noGrant = VendorSsh.run(bastion.port(), key, "alice:" + asset,
                List.of("-o", "LogLevel=INFO"), "echo hello");
        assertEquals(255, noGrant.exitStatus());
        assertEquals("", noGrant.stdout());
        assertTrue(noGrant.stderr().contains("Permission denied"), noGrant.stderr());
        assertTrue(noGrant.stderr().contains("Authorised vendor access only."), "the legal banner comes first");
        assertTrue(lastEvent("ssh.login_failed", "alice:" + asset).orElseThrow().details
                .contains("no active SSH grant"));

        activeGrant(asset);
        Path unregistered = SshKeygen.generate(dir, "ed25519", 0).privateKey();
        VendorSsh.Result wrongKey = VendorSsh.run(bastion.port(), unregistered, "alice:" + asset, List.of(), "echo hi");
        assertEquals(255, wrongKey.exitStatus());
        assertTrue(lastEvent("ssh.login_failed", "alice:" + asset).orElseThrow().details.contains("key not registered"));

        VendorSsh.Result otherVendor = VendorSsh.run(bastion.port(), key, "victor:" + asset, List.of(), "echo hi");
        assertEquals(255, otherVendor.exitStatus(), "alice's key is not victor's");
    }

    @Test
    void remoteAndLocalForwardingAreRefusedAndAudited() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        Path key = registeredKey("alice", dir);
        activeGrant(asset);

        VendorSsh.Result remote = VendorSsh.run(bastion.port(), key, "alice:" + asset,
                List.of("-o", "ExitOnForwardFailure=yes", "-R", "0:127.0.0.1:9"), "echo hello");
        assertEquals(255, remote.exitStatus(), remote.stderr());
        AuditEvent refused = lastEvent("ssh.forward_refused", "alice").orElseThrow();
        assertTrue(refused.details.contains("remote"), refused.details);
    }

    @Test
    void anAssetPresentingAnotherHostKeyIsRefusedAndAudited() throws Exception {
        String otherKey = SshKeygen.generate(dir, "ed25519", 0).publicLine();
        String asset = asset(target, otherKey);
        Path key = registeredKey("alice", dir);
        activeGrant(asset);

        VendorSsh.Result result = VendorSsh.run(bastion.port(), key, "alice:" + asset, List.of(), "echo hello");
        assertEquals(255, result.exitStatus());
        assertEquals("", result.stdout());
        assertTrue(result.stderr().contains("cannot be reached safely"), result.stderr());
        AuditEvent mismatch = lastEvent("host_key.mismatch", "alice").orElseThrow();
        assertTrue(mismatch.details.contains("another host key"), mismatch.details);
    }

    @Test
    void revokingTheGrantCutsTheLiveSessionWithinTwoSeconds() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        Path key = registeredKey("alice", dir);
        long grant = activeGrant(asset);
        Process session = VendorSsh.start(bastion.port(), key, "alice:" + asset, List.of(), "sleep 60");
        Poll.until(() -> liveSessions.list().stream().filter(live -> live.grantId() == grant).findFirst(),
                "the live session");

        long revokedAt = System.nanoTime();
        as("oscar").body(Map.of("reason", "Line restarts now")).post("/api/access-requests/" + grant + "/revoke")
                .then().statusCode(200);
        VendorSsh.Result cut = VendorSsh.finish(session, 10);
        long tookMillis = (System.nanoTime() - revokedAt) / 1_000_000;

        assertTrue(tookMillis < 2000, "cut after " + tookMillis + " ms");
        assertEquals(255, cut.exitStatus());
        assertTrue(cut.stderr().contains("revoked"), cut.stderr());
    }
}
