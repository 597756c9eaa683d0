package io.otbroker.terminal;

import io.otbroker.ssh.TestAsset;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.shell.InteractiveProcessShellFactory;

/**
 * An asset whose shell is this machine's {@code /bin/sh}, as the demo's asset has, so that a terminal test
 * sees a real shell work ({@code $((6*7))} becomes 42). A MINA SSH server on loopback, login
 * {@code maint}/{@code maint-secret}.
 */
public final class ShellAsset implements TestAsset {

    private final SshServer server;
    private final KeyPair hostKey;

    private ShellAsset(SshServer server, KeyPair hostKey) {
        this.server = server;
        this.hostKey = hostKey;
    }

    public static ShellAsset start() throws IOException, GeneralSecurityException {
        KeyPair hostKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
        server.setPasswordAuthenticator((user, password, session) -> "maint".equals(user)
                && "maint-secret".equals(password));
        server.setShellFactory(InteractiveProcessShellFactory.INSTANCE);
        server.start();
        return new ShellAsset(server, hostKey);
    }

    @Override
    public int port() {
        return server.getPort();
    }

    @Override
    public String hostKeyLine() {
        return PublicKeyEntry.toString(hostKey.getPublic());
    }

    @Override
    public Map<String, String> credential() {
        return Map.of("kind", "PASSWORD", "username", "maint", "secret", "maint-secret");
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
