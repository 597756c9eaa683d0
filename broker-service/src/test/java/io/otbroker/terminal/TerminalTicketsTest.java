package io.otbroker.terminal;

import static io.otbroker.ssh.SshFixtures.activeGrant;
import static io.otbroker.ssh.SshFixtures.asset;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.ssh.SshBastion;
import io.otbroker.ssh.SshFixtures;
import io.otbroker.ssh.TerminalTickets;
import io.otbroker.testsupport.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The browser terminal's one-time login keys at the SSH front door: once, briefly, for one vendor and grant. */
@QuarkusTest
class TerminalTicketsTest {

    static ShellAsset shell;
    static SshClient client;

    @Inject
    SshBastion bastion;

    @Inject
    TerminalTickets tickets;

    @Inject
    TestClock clock;

    @BeforeAll
    static void start() throws Exception {
        shell = ShellAsset.start();
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
    }

    @AfterAll
    static void stop() throws Exception {
        client.stop();
        shell.close();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aTicketLogsItsVendorInOnceOnly() throws Exception {
        String asset = asset("SL2", shell, shell.hostKeyLine());
        long grant = activeGrant(asset);
        KeyPair ticket = tickets.issue("alice", grant, "192.0.2.7");
        try (ClientSession first = login("alice:" + asset, ticket)) {
            assertTrue(first.isAuthenticated());
            assertThrows(SshException.class, () -> login("alice:" + asset, ticket), "claimed by the first connection");
        }
        tickets.discard(ticket.getPublic());
        assertThrows(SshException.class, () -> login("alice:" + asset, ticket), "discarded");
        assertTrue(SshFixtures.lastEvent("ssh.login_failed", "alice:" + asset).orElseThrow().details
                .contains("key not registered"));
        forgetFailures(asset, grant);
    }

    @Test
    void aTicketIsNoKeyForAnotherVendorAnotherGrantOrAfterItsTime() throws Exception {
        String asset = asset("SL2", shell, shell.hostKeyLine());
        long grant = activeGrant(asset);
        assertThrows(SshException.class, () -> login("victor:" + asset, tickets.issue("alice", grant, "192.0.2.8")));

        String other = asset("SL2", shell, shell.hostKeyLine());
        activeGrant(other);
        assertThrows(SshException.class, () -> login("alice:" + other, tickets.issue("alice", grant, "192.0.2.9")));
        String refused = SshFixtures.lastEvent("ssh.login_failed", "alice:" + other).orElseThrow().details;
        assertTrue(refused.contains("another grant"), refused);
        assertTrue(refused.contains("\"source\":\"192.0.2.9\""), "audited with the browser's address: " + refused);

        KeyPair late = tickets.issue("alice", grant, "192.0.2.10");
        clock.advance(Duration.ofSeconds(31));
        assertThrows(SshException.class, () -> login("alice:" + asset, late), "expired");
        assertTrue(SshFixtures.lastEvent("ssh.login_failed", "alice:" + asset).orElseThrow().details
                .contains("key not registered"));
        clock.reset();
        forgetFailures(asset, grant);
    }

    /** A login that succeeds forgets alice's failures: these tests lock nobody out for the tests after them. */
    private void forgetFailures(String asset, long grant) throws Exception {
        login("alice:" + asset, tickets.issue("alice", grant, "192.0.2.1")).close();
    }

    private ClientSession login(String user, KeyPair key) throws Exception {
        ClientSession session = client.connect(user, "127.0.0.1", bastion.port()).verify(Duration.ofSeconds(10))
                .getSession();
        try {
            session.addPublicKeyIdentity(key);
            session.auth().verify(Duration.ofSeconds(10));
            return session;
        } catch (Exception e) {
            session.close(true);
            throw e;
        }
    }
}
