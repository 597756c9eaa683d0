package io.otbroker.ssh;

import io.otbroker.testsupport.SshKeygen;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH {@code sshd} as the OT asset: on a free loopback port, with its own ed25519 host key and one
 * authorised key whose private half the broker holds in the vault (credential kind {@code PRIVATE_KEY}). It lets
 * in only the user running the tests (root on CI), by public key; no passwords, no PAM. Everything it writes
 * stays under {@code target/openssh-asset/}.
 */
final class OpenSshAsset implements TestAsset {

    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    /** sshd started as root checks that its privilege-separation directory exists; Debian's service would make it. */
    private static final Path PRIVSEP_DIR = Path.of("/run/sshd");
    private static final String USER = System.getProperty("user.name");

    private final Path dir;
    private final int port;
    private final String clientKey;
    private SshKeygen.KeyPairFiles hostKey;
    private Process sshd;

    private OpenSshAsset(Path dir, int port, String clientKey) {
        this.dir = dir;
        this.port = port;
        this.clientKey = clientKey;
    }

    /** Starts sshd; fails saying what to install or create when this machine cannot run it. */
    static OpenSshAsset start() throws IOException {
        if (!Files.isExecutable(SSHD)) {
            throw new IllegalStateException(SSHD + " is missing: install openssh-server (the tests start it themselves)");
        }
        if ("root".equals(USER)) {
            Files.createDirectories(PRIVSEP_DIR);
        }
        Path dir = Files.createDirectories(Path.of("target", "openssh-asset")).toAbsolutePath();
        dir = Files.createTempDirectory(dir, "sshd");
        SshKeygen.KeyPairFiles client = SshKeygen.generate(dir, "ed25519", 0);
        Files.writeString(dir.resolve("authorized_keys"), client.publicLine() + "\n");
        OpenSshAsset asset = new OpenSshAsset(dir, freePort(), Files.readString(client.privateKey()));
        asset.startWithNewHostKey();
        return asset;
    }

    /** Stops sshd and starts it again on the same port with a freshly generated host key. */
    void restartWithNewHostKey() throws IOException {
        stop();
        startWithNewHostKey();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String hostKeyLine() {
        return hostKey.publicLine();
    }

    /** The broker logs in as the user running sshd, with the private key sshd authorises. */
    @Override
    public Map<String, String> credential() {
        return Map.of("kind", "PRIVATE_KEY", "username", USER, "secret", clientKey);
    }

    /** A directory sshd's user may read, for files the asset's commands use. */
    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        stop();
    }

    private void startWithNewHostKey() throws IOException {
        hostKey = SshKeygen.generate(dir, "ed25519", 0);
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, config());
        Path log = dir.resolve("sshd.log");
        sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitListening(log);
    }

    private String config() {
        // Why each line: only this port on loopback; only our key for only this user; nothing of the machine's own
        // sshd configuration (PAM, passwords, forwarding); StrictModes off because target/ may be group-writable.
        return String.join("\n", List.of(
                "ListenAddress 127.0.0.1:" + port,
                "HostKey " + hostKey.privateKey(),
                "PidFile none",
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "AuthenticationMethods publickey",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "PermitRootLogin prohibit-password",
                "AllowUsers " + USER,
                "AllowTcpForwarding no",
                "X11Forwarding no",
                "PermitTunnel no",
                ""));
    }

    private void awaitListening(Path log) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String written = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (written.contains("Server listening on")) {
                return;
            }
            if (!sshd.isAlive()) {
                throw new IllegalStateException("sshd did not start (" + (USER.equals("root") ? ""
                        : "not root: it can only let in " + USER + "; ") + "its log follows):\n" + written);
            }
            sleep(20);
        }
        stop();
        throw new IllegalStateException("sshd did not listen within 20 s: " + Files.readString(log));
    }

    private void stop() {
        if (sshd == null) {
            return;
        }
        sshd.destroy();
        try {
            if (!sshd.waitFor(10, TimeUnit.SECONDS)) {
                sshd.destroyForcibly();
            }
        } catch (InterruptedException e) {
            sshd.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        sshd = null;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for sshd", e);
        }
    }
}
