package io.otbroker.ssh;

import static io.otbroker.ssh.SshFixtures.activeGrant;
import static io.otbroker.ssh.SshFixtures.asset;
import static io.otbroker.ssh.SshFixtures.lastEvent;
import static io.otbroker.ssh.SshFixtures.registeredKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.access.GrantScheduler;
import io.otbroker.audit.AuditEvent;
import io.otbroker.testsupport.Poll;
import io.otbroker.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the front door refuses although the vendor is logged in, and the grant's end cutting a session. */
@QuarkusTest
class SshRefusalTest extends FrontDoorTest {

    @Inject
    TestClock clock;

    @Inject
    GrantScheduler scheduler;

    @ConfigProperty(name = "otbroker.recordings.dir")
    Path recordingsDir;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
        scheduler.applyDueTransitions();
    }

    @Test
    void localAndDynamicForwardsAreRefusedAndAuditedWhileTheSessionGoesOn() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        Path key = registeredKey("alice", dir);
        activeGrant(asset);
        int local = freePort();
        int socks = freePort();
        Process ssh = VendorSsh.start(bastion.port(), key, "alice:" + asset,
                List.of("-L", local + ":127.0.0.1:9", "-D", String.valueOf(socks)), "sleep 60");
        try {
            long before = lastSeq("ssh.forward_refused");
            tryConnect(local, new byte[0]);
            Poll.until(() -> newerEvent("ssh.forward_refused", before), "the refused local forward");
            long afterLocal = lastSeq("ssh.forward_refused");
            // SOCKS5: no authentication, then CONNECT 127.0.0.1:9.
            tryConnect(socks, new byte[] {5, 1, 0, 5, 1, 0, 1, 127, 0, 0, 1, 0, 9});
            AuditEvent dynamic = Poll.until(() -> newerEvent("ssh.forward_refused", afterLocal), "the refused SOCKS");
            assertTrue(dynamic.details.contains("direct-tcpip"), dynamic.details);
            assertTrue(ssh.isAlive(), "a refused forward does not end the session");
        } finally {
            ssh.destroy();
        }
    }

    @Test
    void agentAndX11ForwardingAreRefusedAndAudited() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        Path key = registeredKey("alice", dir);
        activeGrant(asset);
        Path agentSocket = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", agentSocket.toString()).start();
        try {
            Poll.until(() -> Files.exists(agentSocket) ? Optional.of(true) : Optional.empty(), "the ssh-agent");
            long before = lastSeq("ssh.forward_refused");
            VendorSsh.Result result = VendorSsh.finish(VendorSsh.start(bastion.port(), key, "alice:" + asset,
                    List.of("-A", "-X"), "echo hello", Map.of("SSH_AUTH_SOCK", agentSocket.toString(),
                            "DISPLAY", "127.0.0.1:99")), 60);
            assertEquals("hello\n", result.stdout(), result.stderr());
            List<String> kinds = SshFixtures.eventsAfter("ssh.forward_refused", "alice", before).stream()
                    .map(event -> event.details).toList();
            assertTrue(kinds.stream().anyMatch(details -> details.contains("\"agent\"")), kinds.toString());
            assertTrue(kinds.stream().anyMatch(details -> details.contains("\"x11\"")), kinds.toString());
        } finally {
            agent.destroy();
        }
    }

    @Test
    void environmentBeyondTermAndLangIsRefusedAndAudited() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        Path key = registeredKey("alice", dir);
        activeGrant(asset);

        VendorSsh.Result result = VendorSsh.run(bastion.port(), key, "alice:" + asset,
                List.of("-o", "SetEnv=LD_PRELOAD=/tmp/evil.so LANG=C.UTF-8"), "echo still here");
        assertEquals("still here\n", result.stdout(), result.stderr());
        AuditEvent refused = lastEvent("ssh.request_refused", "alice").orElseThrow();
        assertTrue(refused.details.contains("LD_PRELOAD"), refused.details);
    }

    @Test
    void theGrantsExpiryCutsTheLiveSessionWithinTwoSeconds() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        Path key = registeredKey("alice", dir);
        long grant = activeGrant(asset);
        Process session = VendorSsh.start(bastion.port(), key, "alice:" + asset, List.of(), "sleep 60");
        Poll.until(() -> liveSessions.list().stream().filter(live -> live.grantId() == grant).findFirst(),
                "the live session");

        long expiredAt = System.nanoTime();
        clock.advance(Duration.ofMinutes(61));
        scheduler.applyDueTransitions();
        VendorSsh.Result cut = VendorSsh.finish(session, 10);
        long tookMillis = (System.nanoTime() - expiredAt) / 1_000_000;

        assertTrue(tookMillis < 2000, "cut after " + tookMillis + " ms");
        assertTrue(cut.stderr().contains("expired"), cut.stderr());
    }

    @Test
    void aSessionThatCannotBeRecordedIsRefused() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        Path key = registeredKey("alice", dir);
        long grant = activeGrant(asset);
        Path openArea = recordingsDir.resolve("open");
        Path movedAway = recordingsDir.resolve("open-moved-by-test");
        // Where new recordings start is now a file: the store cannot create any recording.
        Files.move(openArea, movedAway);
        Files.writeString(openArea, "not a directory");
        try {
            VendorSsh.Result result = VendorSsh.run(bastion.port(), key, "alice:" + asset, List.of(), "echo hello");
            assertEquals(255, result.exitStatus());
            assertEquals("", result.stdout(), "nothing reaches the vendor unrecorded");
            assertTrue(result.stderr().contains("cannot be recorded"), result.stderr());
            assertTrue(SshFixtures.events("session.refused", "access-request/" + grant).getFirst().details
                    .contains("recording"));
        } finally {
            Files.delete(openArea);
            Files.move(movedAway, openArea);
        }
    }

    private static long lastSeq(String eventName) {
        return lastEvent(eventName, "alice").map(event -> event.seq).orElse(0L);
    }

    private static Optional<AuditEvent> newerEvent(String eventName, long seq) {
        return lastEvent(eventName, "alice").filter(event -> event.seq > seq);
    }

    /** Connects to a port ssh forwards (retrying until ssh listens), sends {@code hello} and waits for the close. */
    private static void tryConnect(int port, byte[] hello) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                out.write(hello);
                out.flush();
                InputStream in = socket.getInputStream();
                while (in.read() >= 0) {
                    // drain until ssh closes the refused channel
                }
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("ssh never listened on " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
