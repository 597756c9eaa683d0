package io.otbroker.ssh;

import static io.otbroker.testsupport.AccessChecks.as;

import io.otbroker.access.AccessFixtures;
import io.otbroker.audit.AuditEvent;
import io.otbroker.testsupport.PlantFixtures;
import io.otbroker.testsupport.SshKeygen;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.util.security.SecurityUtils;

/** Assets behind the front door, vendor keys and grants, all made through the broker's API. */
public final class SshFixtures {

    private SshFixtures() {}

    /** An SL2 asset reached at {@code target}, pinned to {@code pinnedKey}, with the target's credential in the vault. */
    static String asset(TestAsset target, String pinnedKey) {
        return asset("SL2", target, pinnedKey);
    }

    /** As above, at {@code level}; below SL4 its conduit allows commands without a shell, as the command tests need. */
    public static String asset(String level, TestAsset target, String pinnedKey) {
        // SL4 conduits never allow commands: supervised shells only.
        return asset(level, target, pinnedKey, "SL4".equals(level) ? Map.of() : Map.of("execAllowed", true));
    }

    /** As above, with {@code conduitSettings} (e.g. {@code uploadAllowed}) in the conduit's body. */
    public static String asset(String level, TestAsset target, String pinnedKey, Map<String, Object> conduitSettings) {
        long zone = PlantFixtures.createZone(level);
        Map<String, Object> asset = PlantFixtures.assetBody(PlantFixtures.unique("asset"), zone);
        asset.put("endpoints", List.of(Map.of("protocol", "SSH", "host", "127.0.0.1", "port", target.port())));
        asset.put("sshHostKey", pinnedKey);
        long assetId = PlantFixtures.create("/api/admin/assets", asset);
        Map<String, Object> conduit = AccessFixtures.openAroundTheClock(zone, AccessFixtures.ACME);
        conduit.putAll(conduitSettings);
        PlantFixtures.create("/api/admin/conduits", conduit);
        as("adam").body(target.credential())
                .put("/api/admin/assets/" + assetId + "/credential").then().statusCode(200);
        return (String) asset.get("name");
    }

    /** A new ed25519 key of {@code vendor}, registered through the API; returns the private key file. */
    static Path registeredKey(String vendor, Path directory) {
        SshKeygen.KeyPairFiles key = SshKeygen.generate(directory, "ed25519", 0);
        as(vendor).body(Map.of("publicKey", key.publicLine())).post("/api/ssh-keys").then().statusCode(201);
        return key.privateKey();
    }

    /** The key pair in an ssh-keygen private key file, for a MINA client in the vendor's place. */
    private static KeyPair keyPair(Path privateKey) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(privateKey)) {
            return SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(privateKey.toString()), in, null)
                    .iterator().next();
        }
    }

    /** A MINA client session logged in at the front door as {@code user} with the key in {@code privateKey}. */
    static ClientSession loggedIn(SshClient client, int port, String user, Path privateKey) throws Exception {
        ClientSession session = client.connect(user, "127.0.0.1", port).verify(Duration.ofSeconds(10)).getSession();
        session.addPublicKeyIdentity(keyPair(privateKey));
        session.auth().verify(Duration.ofSeconds(10));
        return session;
    }

    /** One hour of SSH for alice on {@code assetName}, approved by oscar: an active grant. Returns its id. */
    public static long activeGrant(String assetName, String... approvers) {
        long id = AccessFixtures.request("alice", Map.of("assetName", assetName, "protocols", List.of("SSH"),
                "duration", "PT1H", "reason", "Read the drive's fault log", "workOrder", "WO-77"));
        for (String operator : approvers.length == 0 ? new String[] {"oscar"} : approvers) {
            as(operator).post(AccessFixtures.path(id, "approve")).then().statusCode(200);
        }
        return id;
    }

    /** The newest audit event named {@code eventName} whose actor is {@code actor}, if any. */
    public static Optional<AuditEvent> lastEvent(String eventName, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>find(
                "eventName = ?1 and actor = ?2 order by seq desc", eventName, actor).firstResultOptional());
    }

    public static List<AuditEvent> events(String eventName, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "eventName = ?1 and subject = ?2 order by seq", eventName, subject));
    }

    /** The audit events named {@code eventName} of {@code actor} after sequence number {@code seq}. */
    static List<AuditEvent> eventsAfter(String eventName, String actor, long seq) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list(
                "eventName = ?1 and actor = ?2 and seq > ?3 order by seq", eventName, actor, seq));
    }
}
