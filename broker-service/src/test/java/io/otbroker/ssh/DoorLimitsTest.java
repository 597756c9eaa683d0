package io.otbroker.ssh;

import static io.otbroker.ssh.SshFixtures.activeGrant;
import static io.otbroker.ssh.SshFixtures.asset;
import static io.otbroker.ssh.SshFixtures.events;
import static io.otbroker.ssh.SshFixtures.lastEvent;
import static io.otbroker.ssh.SshFixtures.registeredKey;
import static io.otbroker.testsupport.AccessChecks.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.access.AccessFixtures;
import io.otbroker.audit.AuditEvent;
import io.otbroker.testsupport.Poll;
import io.otbroker.testsupport.SshKeygen;
import io.otbroker.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.core.CoreModuleProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Lockout and limits of the front door, reached with the real OpenSSH client (and, where OpenSSH cannot ask
 * for more, MINA's client or a raw socket). Lockout tests lock mallory, whom no other SSH test uses, and
 * connect from loopback addresses of their own ({@code ssh -b}), so that the rest of the suite is not locked out.
 */
@QuarkusTest
class DoorLimitsTest extends FrontDoorTest {

    @Inject
    TestClock clock;

    @ConfigProperty(name = "otbroker.ssh.lockout.max-failures")
    int maxFailures;

    @ConfigProperty(name = "otbroker.ssh.lockout.address-max-failures")
    int addressMaxFailures;

    @ConfigProperty(name = "otbroker.ssh.max-sessions-per-vendor")
    int maxSessionsPerVendor;

    @ConfigProperty(name = "otbroker.ssh.max-channels-per-connection")
    int maxChannelsPerConnection;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void repeatedFailuresLockTheVendorEvenWithTheRightKeyUntilTheLockEnds() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        Path key = registeredKey("mallory", dir);
        grantToMallory(asset);
        Path strangersKey = SshKeygen.generate(dir, "ed25519", 0).privateKey();
        List<String> from = List.of("-b", "127.0.0.3");

        for (int i = 0; i < maxFailures; i++) {
            VendorSsh.Result stranger = VendorSsh.run(bastion.port(), strangersKey, "mallory:" + asset, from, "true");
            assertEquals(255, stranger.exitStatus());
        }
        AuditEvent locked = lastEvent("ssh.user_locked", "mallory").orElseThrow();
        assertEquals("user/mallory", locked.subject);

        VendorSsh.Result refused = VendorSsh.run(bastion.port(), key, "mallory:" + asset, from, "echo hello");
        assertEquals(255, refused.exitStatus());
        assertEquals("", refused.stdout());
        // Refused before any login: the actor is the user name the client sent.
        assertTrue(lastEvent("ssh.login_failed", "mallory:" + asset).orElseThrow().details.contains("\"locked\""));

        clock.advance(Duration.ofMinutes(16));
        assertEquals("hello\n", VendorSsh.run(bastion.port(), key, "mallory:" + asset, from, "echo hello").stdout(),
                "the lock ends, and the login that follows clears the count");
    }

    @Test
    void anAddressWithTooManyFailuresIsRefusedForEveryUser() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        Path key = registeredKey("alice", dir);
        activeGrant(asset);
        List<String> blocked = List.of("-b", "127.0.0.2");

        for (int i = 0; i < addressMaxFailures; i++) {
            VendorSsh.run(bastion.port(), key, "sprayed-name-" + i, blocked, "true");
        }
        assertEquals(1, events("ssh.address_blocked", "ssh-source/127.0.0.2").size());

        VendorSsh.Result refused = VendorSsh.run(bastion.port(), key, "alice:" + asset, blocked, "echo hello");
        assertEquals(255, refused.exitStatus());
        assertTrue(lastEvent("ssh.login_failed", "alice:" + asset).orElseThrow().details
                .contains("source address blocked"));
        assertEquals("hello\n", VendorSsh.run(bastion.port(), key, "alice:" + asset, List.of(), "echo hello").stdout(),
                "other addresses still get in");
    }

    @Test
    void aVendorWithTheMostSessionsAllowedOpensNoMore() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        Path key = registeredKey("mallory", dir);
        long grant = grantToMallory(asset);
        List<Process> open = new ArrayList<>();
        try {
            for (int i = 0; i < maxSessionsPerVendor; i++) {
                open.add(VendorSsh.start(bastion.port(), key, "mallory:" + asset, List.of(), "sleep 60"));
            }
            Poll.until(() -> liveSessionsOf(grant) == maxSessionsPerVendor ? Optional.of(true) : Optional.empty(),
                    "the sessions allowed");

            VendorSsh.Result refused = VendorSsh.run(bastion.port(), key, "mallory:" + asset, List.of(), "echo hello");
            assertEquals(255, refused.exitStatus());
            assertEquals("", refused.stdout());
            assertTrue(lastEvent("ssh.login_failed", "mallory:" + asset).orElseThrow().details
                    .contains("session limit"));
        } finally {
            open.forEach(Process::destroy);
        }
    }

    @Test
    void aMultiplexedConnectionOpensNoMoreChannelsThanAllowed() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        Path key = registeredKey("alice", dir);
        long grant = activeGrant(asset);
        String socket = dir.resolve("mux").toString();
        List<String> shared = List.of("-S", socket, "-o", "ControlMaster=no");
        List<Process> open = new ArrayList<>();
        try {
            open.add(VendorSsh.start(bastion.port(), key, "alice:" + asset,
                    List.of("-M", "-S", socket, "-o", "ControlPersist=no"), "sleep 60"));
            Poll.until(() -> liveSessionsOf(grant) == 1 ? Optional.of(true) : Optional.empty(), "the master's session");
            for (int i = 1; i < maxChannelsPerConnection; i++) {
                open.add(VendorSsh.start(bastion.port(), key, "alice:" + asset, shared, "sleep 60"));
            }
            Poll.until(() -> liveSessionsOf(grant) == maxChannelsPerConnection ? Optional.of(true) : Optional.empty(),
                    "the sessions multiplexed on the master's connection");

            // The shared connection refuses the session; ssh then opens a connection of its own (which counts
            // against the sessions per vendor instead).
            VendorSsh.Result oneMore = VendorSsh.run(bastion.port(), key, "alice:" + asset, shared, "echo hello");
            assertTrue(oneMore.stderr().contains("Session open refused by peer"), oneMore.stderr());
            assertEquals(maxChannelsPerConnection, liveSessionsOf(grant), "the sessions already open go on");
            assertTrue(lastEvent("ssh.channel_refused", "alice").orElseThrow().details.contains("channel limit"));
        } finally {
            open.forEach(Process::destroy);
        }
    }

    @Test
    void aClientAskingForHugePacketsGetsNoChannel() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        Path key = registeredKey("alice", dir);
        long grant = activeGrant(asset);

        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.start();
            try (ClientSession session = SshFixtures.loggedIn(client, bastion.port(), "alice:" + asset, key)) {
                // A megabyte per packet: four times what the door sends at most in one.
                CoreModuleProperties.MAX_PACKET_SIZE.set(session, 1024L * 1024L);
                ChannelExec exec = session.createExecChannel("echo hello");
                assertThrows(Exception.class, () -> exec.open().verify(Duration.ofSeconds(10)));
            }
        }
        assertTrue(events("session.start", "access-request/" + grant).isEmpty());
        assertEquals(0, liveSessionsOf(grant));
    }

    @Test
    void anIdentificationLineLongerThanTheRfcAllowsEndsTheConnection() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", bastion.port())) {
            socket.setSoTimeout(10_000);
            send(socket, "SSH-2.0-" + "x".repeat(300) + "\r\n");
            assertTrue(drainsToTheEnd(socket.getInputStream()), "the door closes the connection");
        }
        try (Socket socket = new Socket("127.0.0.1", bastion.port())) {
            socket.setSoTimeout(2_000);
            send(socket, "SSH-2.0-OpenSSH_9.2\r\n");
            assertThrows(SocketTimeoutException.class, () -> drainsToTheEnd(socket.getInputStream()),
                    "a proper line is answered with the key exchange, and the door waits for ours");
        }
    }

    /** One hour of SSH for mallory on {@code asset}, approved by oscar. */
    private static long grantToMallory(String asset) {
        long grant = AccessFixtures.request("mallory", Map.of("assetName", asset, "protocols", List.of("SSH"),
                "duration", "PT1H", "reason", "Check the drive's parameters", "workOrder", "WO-78"));
        as("oscar").post(AccessFixtures.path(grant, "approve")).then().statusCode(200);
        return grant;
    }

    private long liveSessionsOf(long grant) {
        return liveSessions.list().stream().filter(live -> live.grantId() == grant).count();
    }

    private static void send(Socket socket, String text) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static boolean drainsToTheEnd(InputStream in) throws Exception {
        byte[] buffer = new byte[4096];
        while (in.read(buffer) >= 0) {
            // what the door sends before it closes: its own identification
        }
        return true;
    }
}
