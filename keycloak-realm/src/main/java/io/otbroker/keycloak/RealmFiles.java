package io.otbroker.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The realm definitions. The production realm ({@code otbroker-realm.json}) is curated by hand;
 * the dev/test realm is that same file with a small overlay (demo users with seeded TOTP
 * secrets, test clients) merged over it, so that the two can never drift apart.
 */
public final class RealmFiles {

    public static final String REALM = "otbroker";
    static final String PRODUCTION = "/realm/otbroker-realm.json";
    static final String DEV_OVERLAY = "/realm/otbroker-dev-overlay.json";

    /** Array elements with the same value of one of these keys are the same element. */
    private static final List<String> IDENTITY_KEYS = List.of("clientId", "username", "alias", "name");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RealmFiles() {}

    /** The production realm, exactly as curated (with its {@code ${ENV}} placeholders). */
    public static ObjectNode productionRealm() {
        return (ObjectNode) read(PRODUCTION);
    }

    /** The production realm with the dev/test overlay merged over it. */
    public static ObjectNode devRealm() {
        ObjectNode realm = productionRealm();
        merge(realm, (ObjectNode) read(DEV_OVERLAY));
        return realm;
    }

    /** Demo users of the dev realm: user name to BASE32 TOTP secret, in realm order. */
    public static Map<String, String> demoTotpSecrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (JsonNode user : read(DEV_OVERLAY).path("users")) {
            for (JsonNode credential : user.path("credentials")) {
                if ("otp".equals(credential.path("type").asText())) {
                    secrets.put(user.path("username").asText(), secretOf(credential));
                }
            }
        }
        return secrets;
    }

    /** Realm roles of each demo user. */
    public static Map<String, List<String>> demoRoles() {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        for (JsonNode user : read(DEV_OVERLAY).path("users")) {
            List<String> names = new ArrayList<>();
            user.path("realmRoles").forEach(role -> names.add(role.asText()));
            roles.put(user.path("username").asText(), names);
        }
        return roles;
    }

    /** The demo users' password (dev realm only). */
    public static String demoPassword() {
        return read(DEV_OVERLAY).path("users").get(0).path("credentials").get(0).path("value").asText();
    }

    public static String toJson(JsonNode realm) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String secretOf(JsonNode credential) {
        try {
            return JSON.readTree(credential.path("secretData").asText()).path("value").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Objects merge key by key, arrays merge element by identity key (else append), scalars replace. */
    static void merge(ObjectNode target, ObjectNode overlay) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.startsWith("_")) {
                continue; // comments in the overlay, not realm properties
            }
            JsonNode existing = target.get(key);
            if (existing instanceof ObjectNode existingObject && value instanceof ObjectNode valueObject) {
                merge(existingObject, valueObject);
            } else if (existing instanceof ArrayNode existingArray && value instanceof ArrayNode valueArray) {
                mergeArray(existingArray, valueArray);
            } else {
                target.set(key, value.deepCopy());
            }
        }
    }

    private static void mergeArray(ArrayNode target, ArrayNode overlay) {
        for (JsonNode element : overlay) {
            JsonNode same = findSame(target, element);
            if (same instanceof ObjectNode sameObject && element instanceof ObjectNode elementObject) {
                merge(sameObject, elementObject);
            } else {
                target.add(element.deepCopy());
            }
        }
    }

    private static JsonNode findSame(ArrayNode array, JsonNode element) {
        for (String key : IDENTITY_KEYS) {
            if (element.has(key)) {
                for (JsonNode candidate : array) {
                    if (element.get(key).equals(candidate.get(key))) {
                        return candidate;
                    }
                }
                return null;
            }
        }
        return null;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = RealmFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing realm resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
