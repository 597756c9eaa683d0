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
    private static KeycloakLauncher keycloak;

    /** The running Keycloak, started on first use. */
    public static synchronized KeycloakLauncher keycloak() {
        if (keycloak == null) {
            keycloak = KeycloakLauncher.startDevRealm(Path.of("target/keycloak"), 0, "http://localhost:8081",
                    CLIENT_SECRET);
        }
        return keycloak;
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.auth-server-url", keycloak().realmUrl(),
                "quarkus.oidc.credentials.secret", CLIENT_SECRET);
    }

    @Override
    public void stop() {
        // Keycloak lives for the whole test JVM (several Quarkus apps may use it); a shutdown hook stops it.
    }
}
