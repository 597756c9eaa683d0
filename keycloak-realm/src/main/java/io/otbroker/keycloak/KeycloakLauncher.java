package io.otbroker.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Starts a real Keycloak (the {@code keycloak-quarkus-dist} from the local Maven repository,
 * unpacked under a work directory) on a free loopback port with the otbroker realm imported,
 * waits until the realm answers, and stops it again. Used by the tests and by the run command.
 * Every start begins from an empty Keycloak database, so the imported realm is exactly the file.
 */
public final class KeycloakLauncher implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Path home;
    private final Path log;
    private final int port;
    private final Process process;

    private KeycloakLauncher(Path home, Path log, int port, Process process) {
        this.home = home;
        this.log = log;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts Keycloak with the dev/test realm.
     *
     * @param workDir   where the distribution is unpacked and Keycloak keeps its data, e.g. {@code target/keycloak}
     * @param port      the HTTP port, or 0 for a free one
     * @param publicUrl the broker's public URL, for the broker client's exact redirect URI
     * @param clientSecret the broker client's secret
     */
    public static KeycloakLauncher startDevRealm(Path workDir, int port, String publicUrl, String clientSecret) {
        Path home = unpack(workDir.toAbsolutePath());
        int httpPort = port == 0 ? freePort() : port;
        Path log = workDir.toAbsolutePath().resolve("keycloak.log");
        try {
            resetData(home);
            Files.writeString(home.resolve("data/import/otbroker-realm.json"), RealmFiles.toJson(RealmFiles.devRealm()));
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + httpPort,
                    "--http-management-port=" + freePort(), "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("JAVA_OPTS_APPEND", "-Xms64m -Xmx768m");
            env.put("OTBROKER_PUBLIC_URL", publicUrl);
            env.put("OTBROKER_OIDC_CLIENT_SECRET", clientSecret);
            KeycloakLauncher launcher = new KeycloakLauncher(home, log, httpPort, builder.start());
            Runtime.getRuntime().addShutdownHook(new Thread(launcher::close, "keycloak-stop"));
            launcher.awaitReady();
            return launcher;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        }
    }

    /** {@code http://127.0.0.1:PORT} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The OIDC issuer of the otbroker realm. */
    public String realmUrl() {
        return baseUrl() + "/realms/" + RealmFiles.REALM;
    }

    public int port() {
        return port;
    }

    public Path home() {
        return home;
    }

    /** Stops Keycloak and waits for it to exit. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited during start-up (exit " + process.exitValue()
                        + "). Last lines of " + log + ":\n" + tail());
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak did not become ready within " + START_TIMEOUT
                + ". Last lines of " + log + ":\n" + tail());
    }

    private String tail() {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 30), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log)";
        }
    }

    /** Unpacks the distribution once; a marker file shows a complete unpack. */
    private static Path unpack(Path workDir) {
        String version = distributionVersion();
        Path home = workDir.resolve("keycloak-" + version);
        Path marker = workDir.resolve(".unpacked-" + version);
        if (Files.exists(marker)) {
            return home;
        }
        Path archive = distributionArchive(version);
        try {
            Files.createDirectories(workDir);
            deleteTree(home);
            Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", workDir.toString())
                    .redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (tar.waitFor() != 0) {
                throw new IllegalStateException("Could not unpack " + archive + ": " + output);
            }
            Files.createFile(marker);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while unpacking Keycloak", e);
        }
    }

    /** The archive that Maven fetched when this module was built (it is a dependency of the module). */
    static Path distributionArchive(String version) {
        String repository = System.getProperty("maven.repo.local",
                Paths.get(System.getProperty("user.home"), ".m2", "repository").toString());
        Path archive = Paths.get(repository, "org", "keycloak", "keycloak-quarkus-dist", version,
                "keycloak-quarkus-dist-" + version + ".tar.gz");
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("Keycloak distribution " + version + " is missing at " + archive
                    + ". Build the project once with ./mvnw install -DskipTests: it downloads the distribution.");
        }
        return archive;
    }

    static String distributionVersion() {
        try (InputStream in = KeycloakLauncher.class.getResourceAsStream("/keycloak-dist.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("keycloak.version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("keycloak-dist.properties is missing from the keycloak-realm jar", e);
        }
    }

    private static void resetData(Path home) throws IOException {
        deleteTree(home.resolve("data"));
        Files.createDirectories(home.resolve("data/import"));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
