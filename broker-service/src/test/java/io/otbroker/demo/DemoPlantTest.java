package io.otbroker.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.otbroker.asset.Asset;
import io.otbroker.asset.Protocol;
import io.otbroker.audit.AuditEvent;
import io.otbroker.policy.Conduit;
import io.otbroker.policy.SecurityLevel;
import io.otbroker.policy.Zone;
import io.otbroker.vault.AssetSecret;
import io.otbroker.vault.Vault;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo plant seeds once into an empty plant model, valid for every security level, and the demo's start
 * serves its SSH asset (shell, commands and SFTP) as the broker will reach it.
 */
@QuarkusTest
class DemoPlantTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    DemoPlant demoPlant;

    @Inject
    DemoAsset demoAsset;

    @ConfigProperty(name = "otbroker.data-dir")
    Path dataDir;

    @Inject
    Vault vault;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void stopDemoAsset() throws IOException {
        demoAsset.stop();
    }

    @BeforeEach
    @AfterEach
    void emptyPlant() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : List.of("asset_credential", "asset_endpoint", "asset", "conduit_protocol",
                    "conduit_window", "conduit_vendor_org", "conduit", "zone")) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    @Test
    void seedsOneZonePerSecurityLevelWithAssetsAndConduits() {
        long auditedBefore = QuarkusTransaction.requiringNew().call(DemoPlantTest::seedingEvents);
        assertTrue(demoPlant.seedIfEmpty());
        QuarkusTransaction.requiringNew().run(() -> {
            List<Zone> zones = Zone.listAll();
            assertEquals(List.of(SecurityLevel.values()), zones.stream().map(z -> z.securityLevel).sorted().toList());
            for (Zone zone : zones) {
                assertFalse(Conduit.listInZone(zone).isEmpty(), "a conduit into " + zone.name);
                assertTrue(Asset.count("zone", zone) > 0, "assets in " + zone.name);
                Set<String> expected = zone.securityLevel.compareTo(SecurityLevel.SL2) <= 0
                        ? Set.of("acme-automation", "voltek-controls") : Set.of("acme-automation");
                Conduit.listInZone(zone).forEach(conduit -> assertEquals(expected, conduit.vendorOrganisations,
                        "vendors admitted into " + zone.name));
            }
            assertEquals(Zone.count() + Asset.count() + Conduit.count(), seedingEvents() - auditedBefore,
                    "every seeded row is audited");
        });
    }

    /** The audit log outlives each test's plant: count what one seeding adds. */
    private static long seedingEvents() {
        return AuditEvent.count("actor = ?1 and eventName in ?2", "system",
                List.of("zone.create", "asset.create", "conduit.create"));
    }

    @Test
    void leavesAnExistingPlantAlone() {
        assertTrue(demoPlant.seedIfEmpty());
        long zones = QuarkusTransaction.requiringNew().call(() -> Zone.count());
        assertFalse(demoPlant.seedIfEmpty(), "a restart keeps what is there");
        long zonesAfter = QuarkusTransaction.requiringNew().call(() -> Zone.count());
        assertEquals(zones, zonesAfter);
    }

    @Test
    void theDemoStartServesItsAssetWithTheHostKeyPinnedAndThePasswordInTheVault() throws Exception {
        demoPlant.start();
        record Pinned(long id, String hostKey, int port) {}
        Pinned asset = QuarkusTransaction.requiringNew().call(() -> {
            Asset historian = Asset.<Asset>findByName(DemoAsset.ASSET).orElseThrow();
            return new Pinned(historian.id, historian.sshHostKey, historian.endpoints.stream()
                    .filter(endpoint -> endpoint.protocol() == Protocol.SSH).findFirst().orElseThrow().port());
        });
        assertNotNull(asset.hostKey(), "the demo asset's host key is pinned");
        AssetSecret login = vault.decrypt(asset.id()).orElseThrow(() -> new AssertionError("no credential"));
        AtomicReference<PublicKey> presented = new AtomicReference<>();
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier((session, address, key) -> presented.compareAndSet(null, key));
            client.start();
            try (ClientSession session = client.connect(login.username(), "127.0.0.1", asset.port())
                    .verify(TIMEOUT).getSession()) {
                session.addPasswordIdentity(login.secret());
                session.auth().verify(TIMEOUT);
                assertEquals("demo\n", session.executeRemoteCommand("echo demo"));
                try (SftpClient files = SftpClientFactory.instance().createSftpClient(session)) {
                    files.put(new ByteArrayInputStream("probe".getBytes(StandardCharsets.US_ASCII)), "/probe.txt");
                    // Its own directory as the root, not the machine's files beside the broker's data.
                    Path landed = dataDir.resolve("demo-asset-files/probe.txt");
                    assertEquals("probe", Files.readString(landed), "the asset's SFTP root is its own directory");
                    Files.delete(landed);
                }
            }
        }
        assertEquals(asset.hostKey(), PublicKeyEntry.toString(presented.get()), "the key the asset presents");
    }
}
