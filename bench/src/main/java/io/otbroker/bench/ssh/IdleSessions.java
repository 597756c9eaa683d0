package io.otbroker.bench.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Many concurrent idle interactive sessions (a shell on a pty each, nothing typed), opened by one MINA client,
 * for what they cost the server side in memory.
 */
final class IdleSessions implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int OPENING_AT_ONCE = 8;

    private final SshClient client;
    private final List<ClientSession> sessions = Collections.synchronizedList(new ArrayList<>());

    private IdleSessions(SshClient client) {
        this.client = client;
    }

    /** A client logging in (also to jump hosts) with the private key in {@code keyFile}. */
    static IdleSessions withKey(Path keyFile) throws IOException, GeneralSecurityException {
        KeyPair key;
        try (InputStream in = Files.newInputStream(keyFile)) {
            key = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(keyFile.toString()), in, null)
                    .iterator().next();
        }
        SshClient client = SshClient.setUpDefaultClient();
        client.setKeyIdentityProvider(KeyIdentityProvider.wrapKeyPairs(key));
        // Loopback servers this harness started itself; what is measured here is memory, not trust.
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        client.start();
        return new IdleSessions(client);
    }

    /** Opens {@code count} shells as {@code user} at 127.0.0.1:{@code port}, through {@code proxyJump} unless null. */
    void open(int count, String user, int port, String proxyJump) throws InterruptedException, ExecutionException {
        HostConfigEntry host = new HostConfigEntry("", "127.0.0.1", port, user, proxyJump);
        ExecutorService opening = Executors.newFixedThreadPool(OPENING_AT_ONCE);
        try {
            List<Future<?>> opened = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                opened.add(opening.submit(() -> openShell(host)));
            }
            for (Future<?> shell : opened) {
                shell.get();
            }
        } finally {
            opening.shutdownNow();
        }
    }

    private Void openShell(HostConfigEntry host) throws IOException {
        ClientSession session = client.connect(host, null, null).verify(TIMEOUT).getSession();
        sessions.add(session);
        session.auth().verify(TIMEOUT);
        ChannelShell shell = session.createShellChannel();
        shell.setUsePty(true);
        shell.setOut(OutputStream.nullOutputStream());
        shell.setErr(OutputStream.nullOutputStream());
        shell.open().verify(TIMEOUT);
        return null;
    }

    /** Closes every session opened so far. */
    void closeAll() {
        synchronized (sessions) {
            sessions.forEach(session -> session.close(true));
            sessions.clear();
        }
    }

    @Override
    public void close() {
        closeAll();
        client.stop();
    }
}
