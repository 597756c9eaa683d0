package io.otbroker.bench.ssh;

import io.otbroker.keycloak.KeycloakLauncher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The product as the demo runs it: a real Keycloak with the dev realm (the launcher {@code ./demo} uses) and the
 * packaged broker ({@code quarkus-run.jar}) with its embedded H2 database, both on loopback, fresh state each run.
 */
final class BrokerStack implements AutoCloseable {

    static final Path BROKER_JAR = Path.of("broker-service/target/quarkus-app/quarkus-run.jar");

    private final KeycloakLauncher keycloak;
    private final Process broker;
    private final int httpPort;
    private final int sshPort;

    private BrokerStack(KeycloakLauncher keycloak, Process broker, int httpPort, int sshPort) {
        this.keycloak = keycloak;
        this.broker = broker;
        this.httpPort = httpPort;
        this.sshPort = sshPort;
    }

    static BrokerStack start(Path dir) throws IOException, InterruptedException {
        if (!Files.isRegularFile(BROKER_JAR)) {
            throw new IllegalStateException(BROKER_JAR + " is missing: build with ./mvnw install -DskipTests");
        }
        String clientSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24));
        int httpPort = Sshd.freePort();
        int managementPort = Sshd.freePort();
        int sshPort = Sshd.freePort();
        KeycloakLauncher keycloak = KeycloakLauncher.startDevRealm(dir.resolve("keycloak"), 0,
                "http://localhost:" + httpPort, clientSecret);
        Path log = dir.resolve("broker.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // e.g. a profiler: BENCH_BROKER_JAVA_OPTS="-XX:StartFlightRecording=filename=broker.jfr" bench/ssh/run.sh
        String javaOptions = System.getenv().getOrDefault("BENCH_BROKER_JAVA_OPTS", "").strip();
        if (!javaOptions.isEmpty()) {
            command.addAll(List.of(javaOptions.split("\\s+")));
        }
        command.addAll(List.of("-jar", BROKER_JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "OTBROKER_HTTP_PORT", String.valueOf(httpPort),
                "OTBROKER_MANAGEMENT_PORT", String.valueOf(managementPort),
                "OTBROKER_MANAGEMENT_HOST", "127.0.0.1",
                "OTBROKER_SSH_PORT", String.valueOf(sshPort),
                "OTBROKER_SSH_HOST", "127.0.0.1",
                "OTBROKER_DATA_DIR", Files.createDirectories(dir.resolve("broker-data")).toAbsolutePath().toString(),
                "OTBROKER_OIDC_URL", keycloak.realmUrl(),
                "OTBROKER_OIDC_CLIENT_SECRET", clientSecret,
                "OTBROKER_VAULT_KEY", Base64.getEncoder().encodeToString(randomBytes(32))));
        // One vendor holds every idle session of the memory figure: lift the per-vendor cap for the bench only.
        builder.environment().put("OTBROKER_SSH_MAX_SESSIONS_PER_VENDOR", "100000");
        BrokerStack stack = new BrokerStack(keycloak, builder.start(), httpPort, sshPort);
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready");
        try {
            Wait.until(() -> http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200, stack.broker, log, "the broker");
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /** The broker's API with the demo users' real tokens. */
    BrokerApi api() {
        return new BrokerApi("http://127.0.0.1:" + httpPort, keycloak.realmUrl());
    }

    int sshPort() {
        return sshPort;
    }

    long pid() {
        return broker.pid();
    }

    /** Sets up the asset at {@code target} in a zone of its own and gives {@code vendorKey} an active grant for it. */
    void grantAccess(BrokerApi api, String assetName, Sshd target, KeyFiles brokerKey, KeyFiles vendorKey)
            throws IOException, InterruptedException {
        long zone = api.create("adam", "/api/admin/zones", Map.of("name", "bench-zone", "description",
                "Benchmark", "securityLevel", "SL2"));
        long asset = api.create("adam", "/api/admin/assets", Map.of("name", assetName, "description",
                "The benchmark's sshd", "zoneId", zone, "sshHostKey", target.hostKeyLine(), "endpoints",
                List.of(Map.of("protocol", "SSH", "host", "127.0.0.1", "port", target.port()))));
        api.create("adam", "/api/admin/conduits", Map.of("name", "bench-conduit", "zoneId", zone,
                "allowedProtocols", List.of("SSH"), "execAllowed", true, "timeZone", "UTC",
                "maintenanceWindows", Arrays.stream(DayOfWeek.values()) // back to back: always open
                        .map(day -> Map.of("dayOfWeek", day.name(), "start", "00:00", "end", "00:00")).toList(),
                "vendorOrganisations", List.of("acme-automation")));
        api.send("adam", "PUT", "/api/admin/assets/" + asset + "/credential", Map.of("kind", "PRIVATE_KEY",
                "username", Sshd.USER, "secret", Files.readString(brokerKey.privateKey())));
        api.create("alice", "/api/ssh-keys", Map.of("publicKey", vendorKey.publicLine()));
        long request = api.create("alice", "/api/access-requests", Map.of("assetName", assetName, "protocols",
                List.of("SSH"), "duration", "PT4H", "reason", "Benchmark", "workOrder", "WO-BENCH"));
        api.send("oscar", "POST", "/api/access-requests/" + request + "/approve", Map.of());
        api.awaitState("alice", "/api/access-requests/" + request, "ACTIVE");
    }

    /** Stops the broker, then Keycloak. */
    @Override
    public void close() throws InterruptedException {
        broker.destroy();
        if (!broker.waitFor(30, TimeUnit.SECONDS)) {
            broker.destroyForcibly().waitFor();
        }
        keycloak.close();
    }

    private static byte[] randomBytes(int count) {
        byte[] random = new byte[count];
        new SecureRandom().nextBytes(random);
        return random;
    }
}
