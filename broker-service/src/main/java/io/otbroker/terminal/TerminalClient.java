package io.otbroker.terminal;

import io.otbroker.ssh.ApplicationIoThreads;
import io.otbroker.ssh.SshBastion;
import io.otbroker.ssh.TerminalTickets;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The broker's own SSH client for browser terminals: it logs in at the broker's front door on loopback, so
 * that a browser terminal passes every rule of the SSH path (grant, lockout, connect code, recording, expiry,
 * cuts, supervision). One shared client; it trusts only the front door's own host key and has no keys of
 * its own: each login brings its one-time ticket key ({@link TerminalTickets}).
 */
@ApplicationScoped
public class TerminalClient {

    @Inject
    SshBastion bastion;

    @Inject
    TerminalTickets tickets;

    @ConfigProperty(name = "otbroker.ssh.upstream.connect-timeout")
    Duration timeout;

    private SshClient client;

    void start(@Observes StartupEvent event) {
        client = SshClient.setUpDefaultClient();
        client.setIoServiceFactoryFactory(ApplicationIoThreads.named("otbroker-terminal-io"));
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        // Why compare with the front door's key: the loopback port could be someone else's listener.
        client.setServerKeyVerifier((session, remote, presented) -> KeyUtils.compareKeys(bastion.hostKey(), presented));
        client.setKeyIdentityProvider(session -> List.of());
        client.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (client != null) {
            client.stop();
        }
    }

    /**
     * Logs {@code vendor} in at the front door for the asset, with a new ticket for {@code grantId}, answering
     * the connect-code prompt with {@code code} if given. The ticket is gone when this returns, either way.
     *
     * @param banner told the front door's banner
     * @throws IOException if the front door cannot be reached or refuses the login
     */
    ClientSession login(String vendor, String assetName, long grantId, String browser, Optional<String> code,
            Consumer<String> banner) throws IOException {
        KeyPair ticket = tickets.issue(vendor, grantId, browser);
        try {
            ClientSession session = client.connect(vendor + ":" + assetName, bastion.localAddress(), bastion.port())
                    .verify(timeout).getSession();
            try {
                session.addPublicKeyIdentity(ticket);
                session.setUserInteraction(new CodeAnswer(code, banner));
                session.auth().verify(timeout);
                return session;
            } catch (IOException | RuntimeException e) {
                session.close(true);
                throw e;
            }
        } finally {
            tickets.discard(ticket.getPublic());
        }
    }

    /** Shows the banner and answers the one prompt of an SL3/SL4 login, the connect code, if there is one. */
    private record CodeAnswer(Optional<String> code, Consumer<String> banner) implements UserInteraction {
        @Override
        public boolean isInteractionAllowed(ClientSession session) {
            return true;
        }

        @Override
        public void welcome(ClientSession session, String text, String lang) {
            banner.accept(text);
        }

        @Override
        public String[] interactive(ClientSession session, String name, String instruction, String lang,
                String[] prompt, boolean[] echo) {
            return code.isPresent() && prompt.length == 1 ? new String[] {code.get()} : null;
        }

        @Override
        public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
            return null;
        }
    }
}
