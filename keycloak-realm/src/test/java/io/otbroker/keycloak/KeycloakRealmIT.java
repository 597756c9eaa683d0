package io.otbroker.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dev realm in a real Keycloak: MFA is enforced by the realm and visible in the token's amr claim. */
class KeycloakRealmIT {

    private static KeycloakLauncher keycloak;

    @BeforeAll
    static void start() {
        keycloak = KeycloakLauncher.startDevRealm(Path.of("target/keycloak"), 0, "http://localhost:8080", "it-secret");
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void passwordWithoutOtpIsRefused() {
        DirectGrant.Answer answer = login("alice", null);
        assertEquals(400, answer.status(), answer.body().toString());
        assertEquals("invalid_grant", answer.body().path("error").asText());
    }

    @Test
    void passwordWithWrongOtpIsRefused() {
        String right = Totp.code(RealmFiles.demoTotpSecrets().get("oscar"), Instant.now());
        String wrong = right.equals("000000") ? "111111" : "000000";
        DirectGrant.Answer answer = login("oscar", wrong);
        assertEquals(400, answer.status(), answer.body().toString());
        assertEquals("invalid_grant", answer.body().path("error").asText());
    }

    @Test
    void passwordWithOtpGivesATokenProvingTheSecondFactor() throws Exception {
        String code = Totp.code(RealmFiles.demoTotpSecrets().get("alice"), Instant.now());
        JsonNode claims = claims(login("alice", code).accessToken());
        assertTrue(claims.path("amr").toString().contains("\"otp\""), claims.toString());
        assertTrue(claims.path("realm_access").path("roles").toString().contains("\"vendor\""));
        assertTrue(claims.path("aud").toString().contains("otbroker-broker"));
        assertEquals("acme-automation", claims.path("vendor_org").get(0).asText());
        assertTrue(claims.path("exp").asLong() - claims.path("iat").asLong() <= 300, "access tokens live 5 minutes at most");
    }

    @Test
    void misconfiguredClientIssuesTokensWithoutOtpEvidence() throws Exception {
        // The deliberately broken test client skips OTP; its tokens are what the broker must refuse.
        JsonNode claims = claims(DirectGrant.request(keycloak.realmUrl(), "otbroker-test-no-mfa", "adam",
                RealmFiles.demoPassword(), null).accessToken());
        assertFalse(claims.path("amr").toString().contains("\"otp\""), claims.toString());
    }

    private static DirectGrant.Answer login(String user, String totp) {
        return DirectGrant.request(keycloak.realmUrl(), "otbroker-test", user, RealmFiles.demoPassword(), totp);
    }

    private static JsonNode claims(String jwt) throws Exception {
        String payload = jwt.split("\\.")[1];
        return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
