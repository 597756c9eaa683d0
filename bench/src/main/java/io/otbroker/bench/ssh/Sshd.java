package io.otbroker.bench.ssh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An OpenSSH {@code sshd} on a free loopback port, configured from scratch (nothing of the machine's own
 * sshd configuration): public-key login for the user running the benchmark, no PAM, and enough start-up
 * slots for a thousand connections opened at once.
 */
final class Sshd implements AutoCloseable {

    static final String USER = System.getProperty("user.name");
    private static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Process process;
    private final int port;
    private final String hostKeyLine;

    private Sshd(Process process, int port, String hostKeyLine) {
        this.process = process;
        this.port = port;
        this.hostKeyLine = hostKeyLine;
    }

    /**
     * Starts sshd {@code name} in its own directory under {@code dir}.
     *
     * @param authorizedKeys  public-key lines that may log in
     * @param forwarding      whether it serves as a jump host ({@code ssh -J}: local forwarding allowed)
     */
    static Sshd start(Path dir, String name, List<String> authorizedKeys, boolean forwarding) throws IOException,
            InterruptedException {
        if (!Files.isExecutable(SSHD)) {
            throw new IllegalStateException(SSHD + " is missing: install openssh-server");
        }
        if ("root".equals(USER)) {
            Files.createDirectories(Path.of("/run/sshd")); // its privilege-separation directory, checked when root
        }
        Path home = Files.createDirectories(dir.resolve(name));
        KeyFiles hostKey = KeyFiles.generate(home, "host_key");
        Files.write(home.resolve("authorized_keys"), authorizedKeys);
        int port = freePort();
        Files.writeString(home.resolve("sshd_config"), String.join("\n", List.of(
                "ListenAddress 127.0.0.1:" + port,
                "HostKey " + hostKey.privateKey(),
                "PidFile none",
                "AuthorizedKeysFile " + home.resolve("authorized_keys"),
                "AuthenticationMethods publickey",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "PermitRootLogin prohibit-password",
                "AllowUsers " + USER,
                "MaxStartups 2000",
                "AllowTcpForwarding " + (forwarding ? "local" : "no"),
                "X11Forwarding no",
                "")));
        Path log = home.resolve("sshd.log");
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", home.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Sshd sshd = new Sshd(process, port, hostKey.publicLine());
        Wait.until(() -> Files.readString(log).contains("Server listening on"), process, log, "sshd " + name);
        return sshd;
    }

    int port() {
        return port;
    }

    String hostKeyLine() {
        return hostKeyLine;
    }

    /** The listener process; each connection is a child process of it. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Stops the listener and every connection's process under it. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> connections = process.descendants().toList();
        process.destroy();
        connections.forEach(ProcessHandle::destroy);
        process.waitFor(10, TimeUnit.SECONDS);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
