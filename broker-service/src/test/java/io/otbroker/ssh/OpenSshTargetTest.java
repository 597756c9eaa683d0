package io.otbroker.ssh;

import static io.otbroker.ssh.SshFixtures.activeGrant;
import static io.otbroker.ssh.SshFixtures.asset;
import static io.otbroker.ssh.SshFixtures.lastEvent;
import static io.otbroker.ssh.SshFixtures.registeredKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.asset.SshHostKey;
import io.otbroker.audit.AuditEvent;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.asciicast.AsciicastEvent;
import io.otbroker.recorder.chain.RecordingVerifier;
import io.otbroker.recorder.chain.Verdict;
import io.otbroker.recorder.store.RecordingSource;
import io.otbroker.recording.SessionRecordings;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real OpenSSH client through the front door to a real OpenSSH sshd as the asset (key login from the vault). */
@QuarkusTest
class OpenSshTargetTest {

    private static final String UTF8_LINE = "Grüße aus der Leitwarte: 温度 ✓ 🏭\n";

    static OpenSshAsset sshd;

    @Inject
    SshBastion bastion;

    @Inject
    SessionRecordings recordings;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSshd() throws Exception {
        sshd = OpenSshAsset.start();
    }

    @AfterAll
    static void stopSshd() {
        sshd.close();
    }

    @Test
    void aCommandsBinaryAndUtf8OutputArrivesByteExactWithItsExitStatus() throws Exception {
        String asset = asset(sshd, sshd.hostKeyLine());
        Path key = registeredKey("alice", dir);
        activeGrant(asset);
        byte[] payload = payload(1 << 20);
        Path file = Files.write(sshd.dir().resolve("payload.bin"), payload);

        Process ssh = VendorSsh.start(bastion.port(), key, "alice:" + asset, List.of(),
                "cat '" + file + "' && printf '%s' '" + UTF8_LINE + "'; exit 7");
        byte[] stdout = ssh.getInputStream().readAllBytes();
        VendorSsh.Result result = VendorSsh.finish(ssh, 60);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(payload);
        expected.write(UTF8_LINE.getBytes(StandardCharsets.UTF_8));
        assertEquals(expected.size(), stdout.length, result.stderr());
        assertEquals(sha256(expected.toByteArray()), sha256(stdout), "the 1 MiB of binary and UTF-8 output, byte-exact");
        assertEquals(7, result.exitStatus(), result.stderr());
    }

    @Test
    void whatTheVendorSendsArrivesByteExactAndItsEndOfInputAfterIt() throws Exception {
        String asset = asset(sshd, sshd.hostKeyLine());
        Path key = registeredKey("alice", dir);
        activeGrant(asset);
        // More than the asset's channel window: part of it must wait for the asset, in order, before the end of input.
        byte[] payload = payload(6 << 20);

        Path upload = Files.write(dir.resolve("upload.bin"), payload);

        VendorSsh.Result result = VendorSsh.finish(VendorSsh.start(bastion.port(), key, "alice:" + asset,
                "sha256sum; exit 3", upload), 60);

        assertEquals(sha256(payload) + "  -\n", result.stdout(), result.stderr());
        assertEquals(3, result.exitStatus(), result.stderr());
    }

    @Test
    void anInteractiveShellOnAPtyIsRelayedAndTheRecordingVerifiesAndHoldsWhatWasTypedAndShown() throws Exception {
        String asset = asset(sshd, sshd.hostKeyLine());
        Path key = registeredKey("alice", dir);
        activeGrant(asset);

        Process shell = VendorSsh.startShell(bastion.port(), key, "alice:" + asset);
        OutputStream typing = shell.getOutputStream();
        // The shell computes what it shows, so "answer 42" on the screen cannot be the terminal echoing the input.
        typing.write("tty -s && echo \"answer $((6 * 7))\"\nexit 5\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        // Input stays open until the shell has exited: an end of input would hang up the pty early.
        assertTrue(shell.waitFor(30, TimeUnit.SECONDS), "the shell did not exit");
        typing.close();
        VendorSsh.Result result = VendorSsh.finish(shell, 5);

        assertEquals(5, result.exitStatus(), result.stderr());
        assertTrue(result.stdout().contains("answer 42"), result.stdout());
        AuditEvent end = lastEvent("session.end", "alice").orElseThrow();
        RecordingId id = RecordedSessions.recordingOf(end);
        RecordingSource source = recordings.sealed(id);
        assertEquals(Verdict.Outcome.VERIFIED, RecordingVerifier.verify(source, id, recordings.publicKey()).outcome());
        String typed = RecordedSessions.text(source, AsciicastEvent.Type.INPUT);
        assertTrue(typed.contains("tty -s && echo \"answer $((6 * 7))\"\nexit 5\n"), typed);
        assertTrue(RecordedSessions.text(source, AsciicastEvent.Type.OUTPUT).contains("answer 42"));
    }

    @Test
    void anAssetRestartedWithANewHostKeyIsRefusedAndAudited() throws Exception {
        try (OpenSshAsset restarted = OpenSshAsset.start()) {
            String asset = asset(restarted, restarted.hostKeyLine());
            Path key = registeredKey("alice", dir);
            activeGrant(asset);
            assertEquals("pinned\n", VendorSsh.run(bastion.port(), key, "alice:" + asset, List.of(), "echo pinned")
                    .stdout());

            restarted.restartWithNewHostKey();
            VendorSsh.Result result = VendorSsh.run(bastion.port(), key, "alice:" + asset, List.of(), "echo hello");

            assertEquals(255, result.exitStatus());
            assertEquals("", result.stdout());
            assertTrue(result.stderr().contains("cannot be reached safely"), result.stderr());
            AuditEvent mismatch = lastEvent("host_key.mismatch", "alice").orElseThrow();
            assertTrue(mismatch.details.contains(SshHostKey.parse(restarted.hostKeyLine()).fingerprint()),
                    mismatch.details);
        }
    }

    /** Random bytes (every byte value, invalid UTF-8 included) with a line of UTF-8 text every 4 KiB. */
    private static byte[] payload(int size) {
        byte[] payload = new byte[size];
        new Random(62443).nextBytes(payload);
        byte[] text = UTF8_LINE.getBytes(StandardCharsets.UTF_8);
        for (int offset = 0; offset + text.length <= size; offset += 4096) {
            System.arraycopy(text, 0, payload, offset, text.length);
        }
        return payload;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
