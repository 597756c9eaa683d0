package io.otbroker.vault;

import static io.otbroker.testsupport.AccessChecks.as;
import static io.otbroker.testsupport.PlantFixtures.createAsset;
import static io.otbroker.testsupport.PlantFixtures.createZone;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.otbroker.testsupport.AccessChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Method;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssetCredentialResourceTest {

    private static final String SECRET = "Plc7-Service-Passw0rd!";
    private static final String PRIVATE_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
            + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
            + "-----END OPENSSH PRIVATE KEY-----\n";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Vault vault;

    private static String credentialOf(long asset) {
        return "/api/admin/assets/" + asset + "/credential";
    }

    private static Map<String, Object> password(String secret) {
        return Map.of("kind", "PASSWORD", "username", "svc-maint", "secret", secret);
    }

    @Test
    void secretGoesInEncryptedAndNeverComesBackOut() throws SQLException {
        long asset = createAsset(createZone("SL2"));
        List<String> bodies = new ArrayList<>();

        as("adam").get(credentialOf(asset)).then().statusCode(200).body("set", equalTo(false));
        bodies.add(as("adam").body(password(SECRET)).put(credentialOf(asset)).then()
                .statusCode(200)
                .body("set", equalTo(true))
                .body("kind", equalTo("PASSWORD"))
                .body("username", equalTo("svc-maint"))
                .body("updatedAt", notNullValue())
                .extract().asString());
        bodies.add(as("adam").get(credentialOf(asset)).then().statusCode(200).body("set", equalTo(true))
                .extract().asString());
        bodies.add(as("adam").get("/api/admin/assets/" + asset).then().statusCode(200).extract().asString());
        bodies.add(as("adam").get("/api/admin/assets").then().statusCode(200).extract().asString());
        bodies.add(as("adam").body(Map.of("kind", "PRIVATE_KEY", "username", "svc", "secret", SECRET))
                .put(credentialOf(asset)).then().statusCode(400).extract().asString());
        bodies.add(as("oscar").body(password(SECRET)).put(credentialOf(asset)).then().statusCode(403)
                .extract().asString());
        bodies.add(as("audrey").get("/api/audit/export?subject=asset/" + asset).then().statusCode(200)
                .body(containsString("credential.set")).extract().asString());

        bodies.forEach(body -> assertFalse(body.contains(SECRET), body));
        String stored = storedCiphertext(asset);
        assertFalse(stored.contains(SECRET), "stored sealed, not in plaintext");
        assertEquals(Optional.of(SECRET), vault.decrypt(asset).map(AssetSecret::secret));
    }

    @Test
    void replacingAndDeletingTheCredential() {
        long asset = createAsset(createZone("SL2"));
        as("adam").body(password(SECRET)).put(credentialOf(asset)).then().statusCode(200);
        as("adam").body(Map.of("kind", "PRIVATE_KEY", "username", "root", "secret", PRIVATE_KEY))
                .put(credentialOf(asset)).then()
                .statusCode(200)
                .body("kind", equalTo("PRIVATE_KEY"))
                .body("username", equalTo("root"));
        assertEquals(PRIVATE_KEY, vault.decrypt(asset).orElseThrow().secret());

        as("adam").delete(credentialOf(asset)).then().statusCode(204);
        as("adam").get(credentialOf(asset)).then().statusCode(200).body("set", equalTo(false));
        as("adam").delete(credentialOf(asset)).then().statusCode(404).contentType("application/problem+json");
        assertTrue(vault.decrypt(asset).isEmpty());
    }

    @Test
    void ciphertextCopiedToAnotherAssetDoesNotDecrypt() throws SQLException {
        long zone = createZone("SL2");
        long source = createAsset(zone);
        long target = createAsset(zone);
        as("adam").body(password(SECRET)).put(credentialOf(source)).then().statusCode(200);
        as("adam").body(password("other-secret")).put(credentialOf(target)).then().statusCode(200);

        execute("update asset_credential set secret_ciphertext = ? where asset_id = ?",
                storedCiphertext(source), target);

        assertThrows(VaultException.class, () -> vault.decrypt(target));
    }

    @Test
    void deletingTheAssetDeletesItsCredential() throws SQLException {
        long asset = createAsset(createZone("SL2"));
        as("adam").body(password(SECRET)).put(credentialOf(asset)).then().statusCode(200);

        as("adam").delete("/api/admin/assets/" + asset).then().statusCode(204);

        assertTrue(firstColumn("select asset_id from asset_credential where asset_id = ?", asset).isEmpty());
    }

    @Test
    void invalidFieldsAreNamedWithoutEchoingTheSecret() {
        long asset = createAsset(createZone("SL2"));
        as("adam").body(Map.of("username", "svc", "secret", SECRET)).put(credentialOf(asset)).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("kind"));
        as("adam").body(Map.of("kind", "PASSWORD", "username", " ", "secret", SECRET)).put(credentialOf(asset)).then()
                .statusCode(400).body("errors.field", hasItem("username"));
        as("adam").body(Map.of("kind", "PASSWORD", "username", "svc", "secret", "")).put(credentialOf(asset)).then()
                .statusCode(400).body("errors.field", hasItem("secret"));
        as("adam").body(Map.of("kind", "TOKEN", "username", "svc", "secret", SECRET)).put(credentialOf(asset)).then()
                .statusCode(400).body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", equalTo("must be one of PASSWORD, PRIVATE_KEY"));
        as("adam").body(Map.of("kind", "PRIVATE_KEY", "username", "svc", "secret", SECRET)).put(credentialOf(asset))
                .then().statusCode(400).body("errors[0].field", equalTo("secret"));
        as("adam").get(credentialOf(asset)).then().body("set", equalTo(false));
    }

    @Test
    void unknownAssetIsNotFound() {
        as("adam").get(credentialOf(999_999)).then().statusCode(404).contentType("application/problem+json");
        as("adam").body(password(SECRET)).put(credentialOf(999_999)).then().statusCode(404);
        as("adam").delete(credentialOf(999_999)).then().statusCode(404);
    }

    @Test
    void onlyAdminsTouchCredentials() {
        long asset = createAsset(createZone("SL2"));
        as("adam").body(password(SECRET)).put(credentialOf(asset)).then().statusCode(200);
        AccessChecks.refusedToNonAdmins(Method.GET, credentialOf(asset), null);
        AccessChecks.refusedToNonAdmins(Method.PUT, credentialOf(asset), password("attacker-secret"));
        AccessChecks.refusedToNonAdmins(Method.DELETE, credentialOf(asset), null);
        assertEquals(SECRET, vault.decrypt(asset).orElseThrow().secret());
    }

    private String storedCiphertext(long asset) throws SQLException {
        return firstColumn("select secret_ciphertext from asset_credential where asset_id = ?", asset)
                .orElseThrow(() -> new AssertionError("no credential row for asset " + asset));
    }

    private Optional<String> firstColumn(String sql, long asset) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, asset);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    private void execute(String sql, String text, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, text);
            update.setLong(2, id);
            assertEquals(1, update.executeUpdate());
        }
    }
}
