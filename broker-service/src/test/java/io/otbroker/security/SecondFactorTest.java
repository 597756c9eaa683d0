package io.otbroker.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.audit.AuditEvent;
import io.otbroker.audit.AuditEventType;
import io.otbroker.keycloak.DirectGrant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.otbroker.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** MFA is enforced end to end against the real Keycloak, and by the broker itself. */
@QuarkusTest
class SecondFactorTest {

    /**
     * Who fails to log in here: Keycloak's brute-force detection then locks that user for a while, so it is a
     * user no other test logs in as.
     */
    private static final String PROBE = "trudy";

    @Test
    void passwordAloneGetsNoToken() {
        DirectGrant.Answer answer = Tokens.login(Tokens.TEST_CLIENT, PROBE, null);
        assertEquals(400, answer.status());
        assertEquals("invalid_grant", answer.body().path("error").asText());
    }

    @Test
    void passwordWithWrongCodeGetsNoToken() {
        String wrong = Tokens.currentCode(PROBE).equals("123456") ? "654321" : "123456";
        assertEquals(400, Tokens.login(Tokens.TEST_CLIENT, PROBE, wrong).status());
    }

    @Test
    void passwordWithCodeGivesAccessWithTheUsersRoles() {
        given().auth().oauth2(Tokens.of("alice")).get("/api/me").then()
                .statusCode(200)
                .body("username", equalTo("alice"))
                .body("roles", contains("vendor"))
                .body("vendorOrganisations", contains("acme-automation"));
        given().auth().oauth2(Tokens.of("oscar")).get("/api/me").then()
                .statusCode(200)
                .body("roles", contains("operator"))
                .body("vendorOrganisations.size()", equalTo(0));
    }

    @Test
    void signedTokenWithoutSecondFactorIsRefusedByTheBroker() {
        // A realm misconfiguration (a client bound to a password-only flow) must not drop MFA.
        String token = Tokens.login(Tokens.NO_MFA_CLIENT, "adam", null).accessToken();
        given().auth().oauth2(token).get("/api/me").then().statusCode(401);
        AuditEvent refusal = QuarkusTransaction.requiringNew().call(() -> AuditEvent
                .<AuditEvent>find("eventName = ?1 order by seq desc", AuditEventType.AUTH_MFA_MISSING.eventName())
                .firstResult());
        assertEquals("adam", refusal.actor);
        assertEquals("OTB1100W", refusal.code);
        assertTrue(refusal.details.contains(Tokens.NO_MFA_CLIENT), refusal.details);
    }

    @Test
    void noTokenOrGarbageIsUnauthorized() {
        given().get("/api/me").then().statusCode(401);
        given().auth().oauth2("not.a.token").get("/api/me").then().statusCode(401);
    }

    @Test
    void browserLoginStartsTheCodeFlowWithPkce() {
        given().redirects().follow(false).get("/app/login").then()
                .statusCode(302)
                .header("Location", containsString("/realms/otbroker/protocol/openid-connect/auth"))
                .header("Location", containsString("client_id=otbroker-broker"))
                .header("Location", containsString("code_challenge_method=S256"));
    }
}
