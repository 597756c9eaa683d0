package io.otbroker.demo;

import io.otbroker.asset.Asset;
import io.otbroker.asset.Protocol;
import io.otbroker.audit.AuditEventType;
import io.otbroker.audit.AuditLog;
import io.otbroker.vault.CredentialKind;
import io.otbroker.vault.CredentialRequest;
import io.otbroker.vault.Vault;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.InteractiveProcessShellFactory;
import org.apache.sshd.server.shell.ProcessShellCommandFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The demo's SSH asset: a real SSH server on loopback standing in for the historian
 * {@value #ASSET}, so that the demo's vendors reach a shell through the broker. It runs only with
 * {@code otbroker.demo.seed=true} (the {@code ./demo} command), started by {@link DemoPlant} once the
 * plant is seeded. At each start the broker pins its host key on the asset and puts a fresh random
 * password in the vault: nobody ever sees it, which is the point. Its shell is this machine's
 * {@code /bin/sh}, as the demo's own user; its SFTP serves a directory of its own; loopback only.
 */
@ApplicationScoped
public class DemoAsset {

    static final String ASSET = "historian-01";
    private static final String USER = "maint";
    private static final Logger LOG = Logger.getLogger(DemoAsset.class);

    @ConfigProperty(name = "otbroker.data-dir")
    Path dataDir;

    @Inject
    Vault vault;

    @Inject
    AuditLog audit;

    private SshServer server;

    /** Starts the asset's SSH server if the plant names the asset; {@link DemoPlant} calls it once seeded. */
    void start() {
        QuarkusTransaction.requiringNew().run(() -> Asset.<Asset>findByName(ASSET).ifPresent(this::serve));
    }

    void onStop(@Observes ShutdownEvent event) throws IOException {
        stop();
    }

    void stop() throws IOException {
        if (server != null) {
            server.stop(true);
            server = null;
        }
    }

    private void serve(Asset asset) {
        int port = asset.endpoints.stream().filter(e -> e.protocol() == Protocol.SSH)
                .findFirst().orElseThrow().port();
        String password = randomPassword();
        var hostKeys = new SimpleGeneratorHostKeyProvider(dataDir.resolve("demo-asset-host-key"));
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(hostKeys);
        server.setPasswordAuthenticator((user, given, session) -> USER.equals(user) && password.equals(given));
        server.setShellFactory(InteractiveProcessShellFactory.INSTANCE);
        server.setCommandFactory(ProcessShellCommandFactory.INSTANCE);
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(files()));
        try {
            server.start();
            KeyPair hostKey = hostKeys.loadKeys(null).iterator().next();
            asset.sshHostKey = PublicKeyEntry.toString(hostKey.getPublic());
        } catch (IOException e) {
            throw new IllegalStateException("The demo SSH asset could not start on 127.0.0.1:" + port, e);
        }
        vault.store(asset.id, new CredentialRequest(CredentialKind.PASSWORD, USER, password));
        audit.record(AuditEventType.CREDENTIAL_SET, asset.subject(), Map.of("name", asset.name, "kind", "PASSWORD",
                "username", USER, "by", "demo asset"));
        LOG.infof("Demo SSH asset %s listening on 127.0.0.1:%d (host key pinned, password in the vault)", ASSET, port);
    }

    /** The directory its SFTP serves as {@code /}: the demo's own, not the broker's data next to it. */
    private Path files() {
        try {
            return Files.createDirectories(dataDir.resolve("demo-asset-files"));
        } catch (IOException e) {
            throw new IllegalStateException("The demo SSH asset has no directory for its files", e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
