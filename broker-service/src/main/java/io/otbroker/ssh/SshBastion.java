package io.otbroker.ssh;

import io.otbroker.ssh.sftp.SftpRelays;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.DirectTcpipFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The SSH front door (DESIGN §3): a MINA {@link SshServer} vendors reach with their stock OpenSSH client,
 * {@code ssh -p 2222 <vendor>:<asset>@<broker>}. Public-key login only, nothing forwarded, every session
 * relayed to the asset and recorded. MINA's permissive defaults are switched off here, one by one.
 */
@ApplicationScoped
public class SshBastion {

    private static final Logger LOG = Logger.getLogger(SshBastion.class);

    @ConfigProperty(name = "otbroker.ssh.port")
    int configuredPort;

    @ConfigProperty(name = "otbroker.ssh.host")
    String host;

    @ConfigProperty(name = "otbroker.ssh.host-key")
    Path hostKeyFile;

    @ConfigProperty(name = "otbroker.ssh.banner")
    String banner;

    @ConfigProperty(name = "otbroker.ssh.auth-timeout")
    Duration authTimeout;

    @ConfigProperty(name = "otbroker.ssh.idle-timeout")
    Duration idleTimeout;

    @ConfigProperty(name = "otbroker.ssh.max-auth-attempts")
    int maxAuthAttempts;

    @Inject
    VendorKeyAuthenticator authenticator;

    @Inject
    LoginAudit loginAudit;

    @Inject
    DeniedForwarding forwarding;

    @Inject
    SshAudit audit;

    @Inject
    Relays relays;

    @Inject
    SftpRelays sftp;

    private SshServer server;

    void start(@Observes StartupEvent event) throws IOException, GeneralSecurityException {
        KeyPair hostKey = BastionHostKey.loadOrCreate(hostKeyFile);
        server = SshServer.setUpDefaultServer();
        server.setHost(host);
        server.setPort(configuredPort);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        lockDown();
        limit();
        server.setShellFactory(channel -> relays.shell());
        server.setCommandFactory(relays::exec);
        server.addSessionListener(loginAudit);
        server.start();
        LOG.infof("SSH front door on port %d, host key %s", server.getPort(), KeyUtils.getFingerPrint(hostKey.getPublic()));
    }

    /** Deny by default: only public keys log in; only session channels open; nothing is forwarded; SFTP only. */
    private void lockDown() {
        server.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        server.setPublickeyAuthenticator(authenticator);
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setHostBasedAuthenticator(null);
        server.setGSSAuthenticator(null);
        // direct-tcpip stays known so that each -L/-D attempt reaches the filter and is audited, then refused.
        server.setChannelFactories(List.of(BastionChannel.factory(audit, forwarding), DirectTcpipFactory.INSTANCE));
        server.setForwardingFilter(forwarding);
        server.setAgentFactory(null);
        server.setSubsystemFactories(List.of(sftp));
        server.setCipherFactories(CipherPreference.aesGcmFirst(server.getCipherFactories()));
    }

    private void limit() {
        CoreModuleProperties.TCP_NODELAY.set(server, true);
        CoreModuleProperties.AUTH_TIMEOUT.set(server, authTimeout);
        CoreModuleProperties.IDLE_TIMEOUT.set(server, idleTimeout);
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(server, maxAuthAttempts);
        CoreModuleProperties.WELCOME_BANNER.set(server, banner.endsWith("\n") ? banner : banner + "\n");
    }

    /** The port the front door listens on (the bound one when configured as 0). */
    public int port() {
        return server.getPort();
    }

    void stop(@Observes ShutdownEvent event) throws IOException {
        if (server != null) {
            server.stop(true);
        }
    }
}
