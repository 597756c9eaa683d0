package io.otbroker.testsupport;

import io.otbroker.keycloak.DirectGrant;
import io.otbroker.keycloak.RealmFiles;
import io.otbroker.keycloak.Totp;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from the test Keycloak for the demo users, logged in with password and TOTP. */
public final class Tokens {

    /** Test client with direct grants and the same MFA flow as browsers (dev realm only). */
    public static final String TEST_CLIENT = "otbroker-test";
    /** Deliberately misconfigured client that skips OTP (dev realm only). */
    public static final String NO_MFA_CLIENT = "otbroker-test-no-mfa";

    private record Cached(String token, Instant until) {}

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {}

    /** An access token of {@code username} (cached for a minute; tokens live five). */
    public static String of(String username) {
        Cached cached = CACHE.get(username);
        if (cached != null && Instant.now().isBefore(cached.until())) {
            return cached.token();
        }
        String token = login(TEST_CLIENT, username, currentCode(username)).accessToken();
        CACHE.put(username, new Cached(token, Instant.now().plusSeconds(60)));
        return token;
    }

    /** The token endpoint's raw answer, for tests of refused logins. */
    public static DirectGrant.Answer login(String clientId, String username, String totp) {
        return DirectGrant.request(KeycloakResource.keycloak().realmUrl(), clientId, username,
                RealmFiles.demoPassword(), totp);
    }

    /** The code the user's authenticator app shows now. */
    public static String currentCode(String username) {
        String secret = RealmFiles.demoTotpSecrets().get(username);
        if (secret == null) {
            throw new IllegalArgumentException("No demo user " + username);
        }
        return Totp.code(secret, Instant.now());
    }
}
