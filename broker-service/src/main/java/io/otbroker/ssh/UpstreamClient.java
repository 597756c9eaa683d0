package io.otbroker.ssh;

import io.otbroker.asset.SshHostKey;
import io.otbroker.vault.AssetSecret;
import io.otbroker.vault.CredentialKind;
import io.otbroker.vault.Vault;
import io.otbroker.vault.VaultException;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The broker's side towards the assets: one shared MINA {@link SshClient} for every upstream connection,
 * logging in with the vault's credential, and only to a host presenting exactly the pinned key.
 */
// Created at start-up on a Quarkus thread: first created on one of MINA's I/O threads, a bean would
// read its configuration through the wrong class loader in the packaged broker.
@Startup
@ApplicationScoped
public class UpstreamClient {

    /** The database could not be read, or holds a pinned key or endpoint that does not parse. */
    private static final String CONFIGURATION_UNREADABLE = "the asset's configuration cannot be read";

    /** What the host-key check of one connection expects and what it saw (the presented key's fingerprint). */
    private record HostKeyCheck(SshHostKey pinned, AtomicReference<String> mismatch) {}

    private static final AttributeKey<HostKeyCheck> HOST_KEY_CHECK = new AttributeKey<>();

    @ConfigProperty(name = "otbroker.ssh.upstream.connect-timeout")
    Duration connectTimeout;

    @ConfigProperty(name = "otbroker.ssh.upstream.auth-timeout")
    Duration authTimeout;

    @Inject
    Vault vault;

    private SshClient client;

    @ConfigProperty(name = "otbroker.ssh.idle-timeout")
    Duration idleTimeout;

    @ConfigProperty(name = "otbroker.ssh.read-buffer-bytes")
    int readBufferBytes;

    @ConfigProperty(name = "otbroker.ssh.upstream.prefer-post-quantum")
    boolean preferPostQuantum;

    @PostConstruct
    void start() {
        client = SshClient.setUpDefaultClient();
        client.setIoServiceFactoryFactory(ApplicationIoThreads.named("otbroker-ssh-upstream-io"));
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        CoreModuleProperties.NIO2_READ_BUFFER_SIZE.set(client, readBufferBytes);
        // The front door decides when an idle vendor is cut; MINA's own 10-minute default on this leg would cut first.
        CoreModuleProperties.IDLE_TIMEOUT.set(client, idleTimeout);
        client.setCipherFactories(SshCiphers.aesGcmFirst(client.getCipherFactories()));
        if (!preferPostQuantum) {
            client.setKeyExchangeFactories(curve25519First(client.getKeyExchangeFactories()));
        }
        // Why no known_hosts and no default keys: the asset's pinned key is the only trust, the vault the only identity.
        client.setServerKeyVerifier((session, remote, presented) -> {
            AttributeRepository context = session.getConnectionContext();
            HostKeyCheck check = context == null ? null : context.getAttribute(HOST_KEY_CHECK);
            String fingerprint = SshHostKey.parse(PublicKeyEntry.toString(presented)).fingerprint();
            boolean pinned = check != null && check.pinned().fingerprint().equals(fingerprint);
            if (!pinned && check != null) {
                check.mismatch().set(fingerprint);
            }
            return pinned;
        });
        client.setKeyIdentityProvider(session -> List.of());
        client.start();
    }

    /**
     * Connects and logs in to the asset at its SSH endpoint.
     *
     * @throws HostKeyMismatchException if no key is pinned or the asset presented another one
     * @throws UpstreamFailure          if any other step fails; its message names the step, for the audit log
     */
    ClientSession open(long assetId) throws UpstreamFailure, HostKeyMismatchException {
        UpstreamTarget target = target(assetId);
        SshHostKey pinned = target.pinnedKey().orElseThrow(() -> new HostKeyMismatchException("no host key pinned", null));
        AssetSecret secret = credential(assetId);
        HostKeyCheck check = new HostKeyCheck(pinned, new AtomicReference<>());
        ClientSession session;
        try {
            session = client.connect(secret.username(), target.host(), target.port(),
                    AttributeRepository.ofKeyValuePair(HOST_KEY_CHECK, check), null).verify(connectTimeout).getSession();
        } catch (IOException | RuntimeException e) {
            throw new UpstreamFailure("the asset cannot be reached", e);
        }
        try {
            addIdentity(session, secret);
            session.auth().verify(authTimeout);
            return session;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            session.close(true);
            if (check.mismatch().get() != null) {
                throw new HostKeyMismatchException("the asset presented another host key", check.mismatch().get());
            }
            throw new UpstreamFailure("the SSH handshake or the broker's login with the asset failed", e);
        }
    }

    private static UpstreamTarget target(long assetId) throws UpstreamFailure {
        Optional<UpstreamTarget> target;
        try {
            target = UpstreamTarget.of(assetId);
        } catch (RuntimeException e) {
            throw new UpstreamFailure(CONFIGURATION_UNREADABLE, e);
        }
        return target.orElseThrow(() -> new UpstreamFailure("the asset has no SSH endpoint", null));
    }

    private AssetSecret credential(long assetId) throws UpstreamFailure {
        Optional<AssetSecret> secret;
        try {
            secret = vault.decrypt(assetId);
        } catch (VaultException e) {
            throw new UpstreamFailure("the asset's credential cannot be read from the vault", e);
        } catch (RuntimeException e) {
            throw new UpstreamFailure(CONFIGURATION_UNREADABLE, e);
        }
        return secret.orElseThrow(() -> new UpstreamFailure("the asset has no credential in the vault", null));
    }

    /**
     * The key exchanges towards the assets with Curve25519 first (the broker is the client: its order decides).
     * Why not MINA's post-quantum hybrid first: its sntrup761 key generation (plain Java) takes about 50 ms of
     * CPU for every session's upstream connection, a twelfth of a session's setup; the vendor-facing leg
     * keeps it (there the vendor's client chooses, and the broker's part is the cheaper one). Assets that
     * speak only the hybrid still get it.
     */
    static List<KeyExchangeFactory> curve25519First(List<KeyExchangeFactory> defaults) {
        List<KeyExchangeFactory> ordered = new ArrayList<>(defaults);
        ordered.sort(Comparator.comparing(kex -> !kex.getName().startsWith("curve25519-sha256")));
        return ordered;
    }

    private static void addIdentity(ClientSession session, AssetSecret secret) throws IOException, GeneralSecurityException {
        if (secret.kind() == CredentialKind.PASSWORD) {
            session.addPasswordIdentity(secret.secret());
            return;
        }
        for (KeyPair key : SecurityUtils.loadKeyPairIdentities(session, NamedResource.ofName("asset credential"),
                new ByteArrayInputStream(secret.secret().getBytes(StandardCharsets.UTF_8)), null)) {
            session.addPublicKeyIdentity(key);
        }
    }

    @PreDestroy
    void stop() throws IOException {
        client.stop();
    }
}
