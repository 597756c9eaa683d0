package io.otbroker.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server from the locally installed binaries: a fresh cluster in a temporary
 * directory, listening on a free loopback port only, with one password-protected user owning one database.
 * Tuned for tests (no fsync). PostgreSQL refuses to run as root, so under root the server commands run as
 * the {@code postgres} system user, which then owns the temporary directory.
 */
public final class PostgresLauncher implements AutoCloseable {

    public static final String DATABASE = "otbroker";
    public static final String USER = "otbroker";
    private static final String SERVICE_ACCOUNT = "postgres";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path binaries;
    private final Path baseDir;
    private final int port;
    private final String password;

    private PostgresLauncher(Path binaries, Path baseDir, int port, String password) {
        this.binaries = binaries;
        this.baseDir = baseDir;
        this.port = port;
        this.password = password;
    }

    /** Creates a cluster and the {@value #DATABASE} database, starts the server and waits until it accepts connections. */
    public static PostgresLauncher start() {
        Path binaries = serverBinaries().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them with "
                        + "'apt-get install postgresql' (or put the directory holding initdb on the PATH)."));
        PostgresLauncher postgres;
        try {
            postgres = new PostgresLauncher(binaries, Files.createTempDirectory("otbroker-postgres"), freePort(),
                    randomPassword());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a directory for PostgreSQL", e);
        }
        try {
            postgres.initCluster();
            postgres.serverCommand("pg_ctl", "-D", postgres.dataDir().toString(),
                    "-l", postgres.baseDir.resolve("postgres.log").toString(), "-w", "-t", "60", "start");
            postgres.createDatabase();
            return postgres;
        } catch (IOException | RuntimeException e) {
            String serverLog = postgres.serverLog();
            postgres.close();
            throw new IllegalStateException("Could not start PostgreSQL: " + e.getMessage() + serverLog, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String password() {
        return password;
    }

    /** Stops the server (fast shutdown) and deletes the cluster. */
    @Override
    public void close() {
        try {
            if (Files.exists(dataDir().resolve("postmaster.pid"))) {
                serverCommand("pg_ctl", "-D", dataDir().toString(), "-m", "fast", "-w", "stop");
            }
        } finally {
            deleteTree(baseDir);
        }
    }

    /** The server's own log, for error messages (the directory holding it is deleted on failure). */
    private String serverLog() {
        try {
            return "\nServer log:\n" + Files.readString(baseDir.resolve("postgres.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private Path dataDir() {
        return baseDir.resolve("data");
    }

    /** Initialises the cluster; the superuser's password never appears on a command line. */
    private void initCluster() throws IOException {
        Path passwordFile = baseDir.resolve("password");
        Files.writeString(passwordFile, password);
        if (ROOT) {
            var account = baseDir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SERVICE_ACCOUNT);
            Files.setOwner(baseDir, account);
            Files.setOwner(passwordFile, account);
        }
        serverCommand("initdb", "-D", dataDir().toString(), "-U", USER, "--pwfile=" + passwordFile,
                "--auth=scram-sha-256", "-E", "UTF8", "--locale=C");
        Files.delete(passwordFile);
        // Loopback only; the unix socket lives in the private temporary directory.
        Files.writeString(dataDir().resolve("postgresql.conf"), String.join("\n", "",
                "listen_addresses = '127.0.0.1'",
                "port = " + port,
                "unix_socket_directories = '" + baseDir + "'",
                "max_connections = 40",
                "shared_buffers = 32MB",
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off", ""), StandardOpenOption.APPEND);
    }

    private void createDatabase() {
        ProcessBuilder createdb = new ProcessBuilder(binaries.resolve("createdb").toString(),
                "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER, DATABASE);
        createdb.environment().put("PGPASSWORD", password);
        run(createdb);
    }

    /** Runs a server-side command, as the service account when we are root. */
    private void serverCommand(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.addAll(List.of("runuser", "-u", SERVICE_ACCOUNT, "--"));
        }
        command.add(binaries.resolve(program).toString());
        command.addAll(List.of(args));
        run(new ProcessBuilder(command).directory(baseDir.toFile()));
    }

    private void run(ProcessBuilder builder) {
        Path output = baseDir.resolve("commands.log");
        try {
            Process process = builder.redirectErrorStream(true).redirectOutput(Redirect.appendTo(output.toFile())).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(builder.command() + " did not finish within 2 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(builder.command() + " failed (exit " + process.exitValue() + "):\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + builder.command(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + builder.command(), e);
        }
    }

    /** Where initdb and pg_ctl live: as pg_config reports, in the Debian layout, or on the PATH. */
    private static Optional<Path> serverBinaries() {
        List<Path> candidates = new ArrayList<>();
        pgConfigBinDir().ifPresent(candidates::add);
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.sorted(Comparator.comparingInt(PostgresLauncher::majorVersion).reversed())
                    .map(version -> version.resolve("bin")).forEach(candidates::add);
        } catch (IOException e) {
            // not the Debian layout
        }
        Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(Path::of).forEach(candidates::add);
        return candidates.stream()
                .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
                .findFirst();
    }

    private static Optional<Path> pgConfigBinDir() {
        try {
            Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? Optional.of(Path.of(output)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static int majorVersion(Path versionDir) {
        String name = versionDir.getFileName().toString();
        return name.matches("\\d+.*") ? Integer.parseInt(name.replaceAll("\\D.*", "")) : -1;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + root, e);
        }
    }
}
