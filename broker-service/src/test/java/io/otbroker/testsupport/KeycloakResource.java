package io.otbroker.testsupport;

import io.otbroker.keycloak.KeycloakLauncher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a real Keycloak with the dev realm once per test JVM and points the broker at it.
 * Registered for every {@code @QuarkusTest}: there is no fake identity in these tests.
 */
@QuarkusTestResource(KeycloakResource.class)
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_SECRET = "test-only-broker-secret";
    /** The broker's port in tests: fixed per JVM because the realm's redirect URI is exact. */
    private static final int BROKER_PORT = freePort();
    private static KeycloakLauncher keycloak;

    /** The running Keycloak, started on first use. */
    public static synchronized KeycloakLauncher keycloak() {
        if (keycloak == null) {
            keycloak = KeycloakLauncher.startDevRealm(Path.of("target/keycloak"), 0, brokerUrl(), CLIENT_SECRET);
        }
        return keycloak;
    }

    /** The broker's URL as browsers see it in tests. */
    public static String brokerUrl() {
        return "http://localhost:" + BROKER_PORT;
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.auth-server-url", keycloak().realmUrl(),
                "quarkus.oidc.credentials.secret", CLIENT_SECRET,
                "quarkus.http.test-port", String.valueOf(BROKER_PORT));
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // Keycloak lives for the whole test JVM (several Quarkus apps may use it); a shutdown hook stops it.
    }
}
