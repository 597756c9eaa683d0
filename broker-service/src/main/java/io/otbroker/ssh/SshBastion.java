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
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.DirectTcpipFactory;
import org.apache.sshd.server.session.ServerConnectionServiceFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The SSH front door (DESIGN §3): a MINA {@link SshServer} vendors reach with their stock OpenSSH client,
 * {@code ssh -p 2222 <vendor>:<asset>@<broker>}. Public-key login (plus a one-time connect code into SL3/SL4
 * zones), nothing forwarded, every session relayed to the asset and recorded. MINA's permissive defaults are
 * switched off here, one by one.
 */
@ApplicationScoped
public class SshBastion {

    private static final Logger LOG = Logger.getLogger(SshBastion.class);

    private static final long OUR_PACKET_SIZE = 32 * 1024;
    private static final long LARGEST_CLIENT_PACKET_SIZE = 256 * 1024;
    private static final int IDENTIFICATION_SIZE = 255;

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

    @ConfigProperty(name = "otbroker.ssh.max-channels-per-connection")
    int maxChannelsPerConnection;

    @ConfigProperty(name = "otbroker.ssh.ciphers")
    List<String> ciphers;

    @ConfigProperty(name = "otbroker.ssh.read-buffer-bytes")
    int readBufferBytes;

    @Inject
    VendorKeyAuthenticator authenticator;

    @Inject
    ConnectCodePrompt connectCodePrompt;

    @Inject
    LoginThrottle throttle;

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
    private PublicKey hostKey;

    void start(@Observes StartupEvent event) throws IOException, GeneralSecurityException {
        KeyPair hostKey = BastionHostKey.loadOrCreate(hostKeyFile);
        this.hostKey = hostKey.getPublic();
        server = SshServer.setUpDefaultServer();
        server.setIoServiceFactoryFactory(ApplicationIoThreads.named("otbroker-ssh-io"));
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

    /**
     * Deny by default: public keys log in, SL3/SL4 grants also need a connect code (keyboard-interactive, asked
     * only after a proven key); no passwords; only session channels open; nothing is forwarded; SFTP is the only subsystem.
     */
    private void lockDown() {
        server.setServiceFactories(List.of(TwoStepUserAuth.factory(throttle), ServerConnectionServiceFactory.INSTANCE));
        server.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE,
                UserAuthKeyboardInteractiveFactory.INSTANCE));
        server.setPublickeyAuthenticator(authenticator);
        server.setKeyboardInteractiveAuthenticator(connectCodePrompt);
        server.setPasswordAuthenticator(null);
        server.setHostBasedAuthenticator(null);
        server.setGSSAuthenticator(null);
        // direct-tcpip stays known so that each -L/-D attempt reaches the filter and is audited, then refused.
        server.setChannelFactories(List.of(ChannelLimit.of(BastionChannel.factory(audit, forwarding),
                maxChannelsPerConnection, audit), DirectTcpipFactory.INSTANCE));
        server.setForwardingFilter(forwarding);
        server.setAgentFactory(null);
        server.setSubsystemFactories(List.of(sftp));
        server.setCipherFactories(SshCiphers.frontDoor(ciphers));
    }

    /** Every limit set here on purpose, none left to MINA's defaults; lockout is {@link LoginThrottle}'s. */
    private void limit() {
        CoreModuleProperties.TCP_NODELAY.set(server, true);
        // Each connection keeps one read buffer for its lifetime: most of what an idle session costs in heap.
        CoreModuleProperties.NIO2_READ_BUFFER_SIZE.set(server, readBufferBytes);
        // An unauthenticated connection holds a socket and a thread's attention: it gets this long to log in.
        CoreModuleProperties.AUTH_TIMEOUT.set(server, authTimeout);
        // A forgotten session keeps the plant's asset open; a silent one is closed.
        CoreModuleProperties.IDLE_TIMEOUT.set(server, idleTimeout);
        // Keys (and codes) tried per connection: an agent offers a few; a guesser must reconnect (and is counted).
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(server, maxAuthAttempts);
        // Each channel is a relayed, recorded session: ChannelLimit refuses the one too many (the connection goes
        // on). MINA's own cap stays as a backstop: it drops the whole connection, one channel beyond this.
        CoreModuleProperties.MAX_CONCURRENT_CHANNELS.set(server, maxChannelsPerConnection);
        // The largest data packet we accept per channel (what we advertise): OpenSSH's own default, 32 KiB.
        CoreModuleProperties.MAX_PACKET_SIZE.set(server, OUR_PACKET_SIZE);
        // The largest packet a client may ask us to send: a huge one would make us buffer that much per write.
        CoreModuleProperties.LIMIT_PACKET_SIZE.set(server, LARGEST_CLIENT_PACKET_SIZE);
        // The client's identification: one line of at most 255 bytes (RFC 4253 §4.2), which is also all that
        // MINA's server reads before it drops the connection; stated here so that no default can widen it.
        CoreModuleProperties.MAX_IDENTIFICATION_SIZE.set(server, IDENTIFICATION_SIZE);
        CoreModuleProperties.WELCOME_BANNER.set(server, banner.endsWith("\n") ? banner : banner + "\n");
    }

    /**
     * Where the broker itself reaches its front door (the browser terminal): loopback when it listens on every
     * address, else the one address it listens on.
     */
    public String localAddress() {
        return host.equals("0.0.0.0") || host.equals("::") || host.isBlank() ? "127.0.0.1" : host;
    }

    /** The port the front door listens on (the bound one when configured as 0). */
    public int port() {
        return server.getPort();
    }

    /** The front door's host key: the browser terminal's client checks it before logging in. */
    public PublicKey hostKey() {
        return hostKey;
    }

    void stop(@Observes ShutdownEvent event) throws IOException {
        if (server != null) {
            server.stop(true);
        }
    }
}
