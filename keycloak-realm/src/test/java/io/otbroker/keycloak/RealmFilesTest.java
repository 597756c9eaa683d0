package io.otbroker.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The security properties the issue demands of the production realm, checked on the file itself. */
class RealmFilesTest {

    private final ObjectNode production = RealmFiles.productionRealm();

    @Test
    void productionBrokerClientUsesCodeFlowWithPkceAndExactRedirects() {
        JsonNode broker = client(production, "otbroker-broker");
        assertFalse(broker.path("publicClient").asBoolean(), "confidential client");
        assertTrue(broker.path("standardFlowEnabled").asBoolean());
        assertFalse(broker.path("implicitFlowEnabled").asBoolean(), "no implicit flow");
        assertFalse(broker.path("directAccessGrantsEnabled").asBoolean(), "no password grant");
        assertEquals("S256", broker.path("attributes").path("pkce.code.challenge.method").asText());
        for (JsonNode uri : broker.path("redirectUris")) {
            assertFalse(uri.asText().contains("*"), "no wildcard redirect URI: " + uri);
        }
        assertTrue(broker.path("secret").asText().matches("\\$\\{[A-Z_]+}"), "secret only as an ${ENV} placeholder");
    }

    @Test
    void productionRealmHasNoDirectGrantClientAndNoUsers() {
        for (JsonNode client : production.path("clients")) {
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), client.path("clientId").asText());
        }
        assertTrue(production.path("users").isMissingNode(), "no users in the production realm");
    }

    @Test
    void productionRealmRequiresOtpAndLimitsTokensAndLogins() {
        assertTrue(production.path("bruteForceProtected").asBoolean());
        assertTrue(production.path("passwordPolicy").asText().contains("length(12)"));
        assertTrue(production.path("accessTokenLifespan").asInt() <= 300);
        assertFalse(production.path("otpPolicyCodeReusable").asBoolean(), "an OTP code is single use");
        JsonNode configureTotp = find(production.path("requiredActions"), "alias", "CONFIGURE_TOTP");
        assertTrue(configureTotp.path("defaultAction").asBoolean(), "every new user must set up OTP");
        assertEquals(List.of("REQUIRED", "REQUIRED"), requirements(production, "otbroker browser mfa forms"));
        assertEquals(List.of("REQUIRED", "REQUIRED", "REQUIRED"), requirements(production, "otbroker direct grant mfa"));
        assertEquals("otbroker browser mfa", production.path("browserFlow").asText());
    }

    @Test
    void everyAuthenticationReferenceLivesAsLongAsTheSession() {
        // Keycloak drops an amr value once auth time + maxAge has passed, and a missing maxAge
        // counts as 0: then "otp" vanishes from every token not issued in the same second.
        for (JsonNode config : production.path("authenticatorConfig")) {
            assertEquals(production.path("ssoSessionMaxLifespan").asText(),
                    config.path("config").path("default.reference.maxAge").asText(), config.toString());
        }
    }

    @Test
    void realmRolesAreTheFourProductRoles() {
        List<String> roles = new ArrayList<>();
        production.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        assertEquals(List.of("vendor", "operator", "auditor", "admin"), roles);
    }

    @Test
    void devRealmKeepsProductionSettingsAndAddsDemoUsers() {
        ObjectNode dev = RealmFiles.devRealm();
        assertEquals(production.path("browserFlow"), dev.path("browserFlow"));
        assertEquals(production.path("passwordPolicy"), dev.path("passwordPolicy"));
        assertEquals(client(production, "otbroker-broker"), client(dev, "otbroker-broker"));
        List<String> users = new ArrayList<>(List.of("alice", "victor", "oscar", "olivia", "audrey", "adam"));
        IntStream.rangeClosed(3, 20).mapToObj(n -> String.format("operator%02d", n)).forEach(users::add);
        users.add("mallory");
        users.add("trudy");
        assertEquals(users, new ArrayList<>(RealmFiles.demoTotpSecrets().keySet()));
        assertFalse(dev.has("_comment"));
        JsonNode organisations = find(dev.path("groups"), "name", "vendor-organisations");
        assertEquals(2, organisations.path("subGroups").size(), "two vendor companies");
    }

    @Test
    void onlyTheSeparationOfDutiesProbeHasTwoRoles() {
        RealmFiles.demoRoles().forEach((user, roles) -> {
            if (user.equals("mallory")) {
                assertEquals(List.of("vendor", "operator"), roles, "a vendor who is also an operator, on purpose");
            } else {
                assertEquals(1, roles.size(), user + " has exactly one role");
            }
        });
        assertEquals(18, RealmFiles.demoRoles().keySet().stream().filter(user -> user.matches("operator\\d\\d"))
                .filter(user -> RealmFiles.demoRoles().get(user).equals(List.of("operator"))).count());
        assertEquals(RealmFiles.demoTotpSecrets().size(), new HashSet<>(RealmFiles.demoTotpSecrets().values()).size(),
                "every demo user has a TOTP secret of their own");
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        return find(realm.path("clients"), "clientId", clientId);
    }

    private static List<String> requirements(JsonNode realm, String flowAlias) {
        List<String> result = new ArrayList<>();
        find(realm.path("authenticationFlows"), "alias", flowAlias).path("authenticationExecutions")
                .forEach(e -> result.add(e.path("requirement").asText()));
        return result;
    }

    private static JsonNode find(JsonNode array, String key, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.path(key).asText())) {
                return element;
            }
        }
        throw new AssertionError("no element with " + key + "=" + value);
    }
}
