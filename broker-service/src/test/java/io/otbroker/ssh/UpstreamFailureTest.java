package io.otbroker.ssh;

import static io.otbroker.ssh.SshFixtures.activeGrant;
import static io.otbroker.ssh.SshFixtures.asset;
import static io.otbroker.ssh.SshFixtures.registeredKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.otbroker.audit.AuditEvent;
import io.otbroker.session.LiveSession;
import io.otbroker.testsupport.Poll;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * When the broker's side to the asset fails: the vendor is refused or cut with a message, and the operators read
 * in the audit log at which step (reached, logged in, the session itself).
 */
@QuarkusTest
class UpstreamFailureTest extends FrontDoorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAssetNothingAnswersForIsRefusedAsUnreachable() throws Exception {
        int silent;
        try (ServerSocket socket = new ServerSocket(0)) {
            silent = socket.getLocalPort(); // closed again: nothing listens there
        }
        assertRefusedWith(elsewhere(silent, target.credential()), "the asset cannot be reached");
    }

    @Test
    void anAssetRefusingTheVaultsCredentialIsRefusedAsAFailedLogin() throws Exception {
        Map<String, String> wrong = Map.of("kind", "PASSWORD", "username", "maint", "secret", "not-the-password");
        assertRefusedWith(elsewhere(target.port(), wrong), "the SSH handshake or the broker's login with the asset failed");
    }

    @Test
    void aCredentialTheVaultCannotOpenIsRefusedAsSuch() throws Exception {
        String asset = asset(target, target.hostKeyLine());
        try (Connection connection = dataSource.getConnection(); PreparedStatement damage = connection.prepareStatement(
                "update asset_credential set secret_ciphertext = 'AAAA' where asset_id = "
                        + "(select id from asset where name = ?)")) {
            damage.setString(1, asset); // as a damaged database row or a restore under another vault key reads
            assertEquals(1, damage.executeUpdate());
        }
        assertRefusedWith(asset, "the asset's credential cannot be read from the vault");
    }

    @Test
    void theAssetGoingAwayEndsTheShellSession() throws Exception {
        try (TargetAsset leaving = TargetAsset.start()) {
            String asset = asset(leaving, leaving.hostKeyLine());
            Path key = registeredKey("alice", dir);
            long grant = activeGrant(asset);
            Process session = VendorSsh.start(bastion.port(), key, "alice:" + asset, List.of(), "sleep 60");
            try {
                LiveSession live = liveSessionOf(grant);

                leaving.stopServing();

                VendorSsh.Result cut = VendorSsh.finish(session, 10);
                assertEquals(255, cut.exitStatus());
                assertTrue(cut.stderr().contains("otbroker: The asset ended the session."), cut.stderr());
                Poll.until(() -> liveSessions.list().stream().noneMatch(other -> other.id().equals(live.id()))
                        ? Optional.of(true) : Optional.empty(), "the session's end");
                AuditEvent end = Poll.until(() -> SshFixtures.events("session.end", "session/" + live.id())
                        .stream().findFirst(), "the audited end");
                assertEquals("the asset ended the session", reason(end));
            } finally {
                session.destroy();
            }
        }
    }

    private void assertRefusedWith(TestAsset failing, String reason) throws Exception {
        assertRefusedWith(asset(failing, failing.hostKeyLine()), reason);
    }

    private void assertRefusedWith(String asset, String reason) throws Exception {
        Path key = registeredKey("alice", dir);
        long grant = activeGrant(asset);

        VendorSsh.Result result = VendorSsh.run(bastion.port(), key, "alice:" + asset, List.of(), "echo hello");

        assertEquals(255, result.exitStatus());
        assertEquals("", result.stdout());
        assertTrue(result.stderr().contains("the asset cannot be reached safely"), result.stderr());
        AuditEvent refused = SshFixtures.events("session.refused", "access-request/" + grant).getFirst();
        assertEquals(reason, reason(refused));
    }

    private static String reason(AuditEvent event) throws IOException {
        return JSON.readTree(event.details).get("reason").asText();
    }

    /** An asset on {@code port} presenting the test asset's host key (if anything answers) with {@code credential}. */
    private static TestAsset elsewhere(int port, Map<String, String> credential) {
        return new TestAsset() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public String hostKeyLine() {
                return target.hostKeyLine();
            }

            @Override
            public Map<String, String> credential() {
                return credential;
            }

            @Override
            public void close() throws IOException {
                // nothing of its own to stop
            }
        };
    }
}
