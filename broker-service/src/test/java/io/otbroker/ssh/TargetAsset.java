package io.otbroker.ssh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * The OT asset of the SSH tests: a MINA SSH server on loopback with its own ed25519 host key, the login
 * {@code maint}/{@code maint-secret}, and a fixed command set: {@code echo WORDS}, {@code exit N},
 * {@code sleep SECONDS}, {@code flood BYTES} (that many bytes of 1 KiB lines); its shell runs those commands
 * line by line ({@code size} prints the terminal size).
 * Its SFTP subsystem (unless started without) serves a temporary directory of its own as {@code /}.
 */
final class TargetAsset implements TestAsset {

    private static final String USER = "maint";
    private static final String PASSWORD = "maint-secret";

    private final SshServer server;
    private final KeyPair hostKey;
    private final Path files;

    private TargetAsset(SshServer server, KeyPair hostKey, Path files) {
        this.server = server;
        this.hostKey = hostKey;
        this.files = files;
    }

    static TargetAsset start() throws IOException, GeneralSecurityException {
        return start(true);
    }

    /** The same asset without an SFTP subsystem, as many embedded devices are. */
    static TargetAsset startWithoutSftp() throws IOException, GeneralSecurityException {
        return start(false);
    }

    private static TargetAsset start(boolean sftp) throws IOException, GeneralSecurityException {
        KeyPair hostKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        Path files = Files.createTempDirectory("otbroker-asset-files");
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setCommandFactory((channel, command) -> new ScriptedCommand(command));
        server.setShellFactory(channel -> new ScriptedCommand(null));
        server.setSubsystemFactories(sftp ? List.of(new SftpSubsystemFactory()) : List.of());
        server.setFileSystemFactory(new VirtualFileSystemFactory(files));
        server.start();
        return new TargetAsset(server, hostKey, files);
    }

    @Override
    public int port() {
        return server.getPort();
    }

    /** How many connections (the broker's upstream legs) the asset has open now. */
    int openConnections() {
        return server.getActiveSessions().size();
    }

    /** The directory the asset's SFTP serves as {@code /}. */
    Path files() {
        return files;
    }

    @Override
    public String hostKeyLine() {
        return PublicKeyEntry.toString(hostKey.getPublic());
    }

    @Override
    public Map<String, String> credential() {
        return Map.of("kind", "PASSWORD", "username", USER, "secret", PASSWORD);
    }

    /** Goes away as a rebooting asset does: every connection dropped, nothing listening. */
    void stopServing() throws IOException {
        server.stop(true);
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
        try (Stream<Path> all = Files.walk(files)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Runs one of the fixed commands (or, as a shell, one per input line) on its own thread. */
    private static final class ScriptedCommand implements Command {

        private final String command;
        private InputStream in;
        private OutputStream out;
        private ExitCallback exit;
        private Environment env;
        private Thread runner;

        /** {@code command} to run, or null for a shell. */
        ScriptedCommand(String command) {
            this.command = command;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            this.env = env;
            runner = Thread.ofVirtual().start(command == null ? this::shell : () -> runOnce(command));
        }

        private void runOnce(String line) {
            try {
                exit.onExit(execute(line));
            } catch (IOException | InterruptedException | RuntimeException e) {
                exit.onExit(1);
            }
        }

        private void shell() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("exit")) {
                        exit.onExit(execute(line));
                        return;
                    }
                    execute(line);
                }
                exit.onExit(0);
            } catch (IOException | InterruptedException | RuntimeException e) {
                exit.onExit(1);
            }
        }

        private int execute(String line) throws IOException, InterruptedException {
            String[] words = line.strip().split("\\s+", 2);
            return switch (words[0]) {
                case "echo" -> print(words.length > 1 ? words[1] : "");
                case "exit" -> Integer.parseInt(words[1]);
                case "sleep" -> sleep(Long.parseLong(words[1]));
                case "flood" -> flood(Long.parseLong(words[1]));
                case "size" -> print(env.getEnv().get(Environment.ENV_COLUMNS) + "x" + env.getEnv().get(Environment.ENV_LINES));
                default -> print("unknown command") + 126;
            };
        }

        private int print(String text) throws IOException {
            out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return 0;
        }

        private int flood(long bytes) throws IOException {
            byte[] line = ("x".repeat(1023) + "\n").getBytes(StandardCharsets.UTF_8);
            for (long sent = 0; sent < bytes; sent += line.length) {
                out.write(line, 0, (int) Math.min(line.length, bytes - sent));
            }
            out.flush();
            return 0;
        }

        private int sleep(long seconds) throws IOException, InterruptedException {
            print("sleeping");
            Thread.sleep(seconds * 1000);
            return 0;
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (runner != null) {
                runner.interrupt();
            }
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            // The fixed commands write no errors.
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }
    }
}
