package io.otbroker.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.testsupport.Browser;
import io.otbroker.testsupport.KeycloakResource;
import io.otbroker.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The browser path through Keycloak's own login pages, driven form by form over HTTP: the code
 * flow with PKCE yields a session cookie only after the password AND the one-time code.
 */
@QuarkusTest
class BrowserLoginTest {

    private final Browser browser = new Browser();

    @Test
    void passwordAndCodeOpenABrowserSessionWithTheUsersRoles() throws Exception {
        String otpPage = browser.submitPassword(browser.loginPage(), "audrey");
        assertTrue(otpPage.contains("otp"), "Keycloak asks for the one-time code after the password");

        HttpResponse<String> afterOtp = browser.postForm(Browser.formAction(otpPage),
                "otp=" + Tokens.currentCode("audrey"));
        assertEquals(302, afterOtp.statusCode());
        String callback = afterOtp.headers().firstValue("Location").orElseThrow();
        assertTrue(callback.startsWith(KeycloakResource.brokerUrl() + "/app/callback"), callback);

        HttpResponse<String> session = browser.get(callback);
        assertTrue(session.statusCode() == 302 || session.statusCode() == 303, "callback completes: " + session.statusCode());
        HttpResponse<String> me = browser.get(KeycloakResource.brokerUrl() + "/api/me");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"username\":\"audrey\"") && me.body().contains("auditor"), me.body());

        // CSRF: a state change riding on the session cookie must come from the broker's own origin.
        HttpResponse<String> crossSite = browser.postJson(KeycloakResource.brokerUrl() + "/api/access-requests", "{}",
                "https://evil.example");
        assertEquals(403, crossSite.statusCode());
        assertTrue(crossSite.body().contains("Cross-site request refused"), crossSite.body());
        HttpResponse<String> sameSite = browser.postFromBroker("/api/access-requests", "{}");
        assertEquals(403, sameSite.statusCode(), "passes the guard, then the role check refuses the auditor");
        assertTrue(sameSite.body().contains("Your role does not allow this."), sameSite.body());

        HttpResponse<String> logout = browser.get(KeycloakResource.brokerUrl() + "/app/logout");
        assertEquals(302, logout.statusCode());
        assertTrue(logout.headers().firstValue("Location").orElseThrow().contains("/protocol/openid-connect/logout"),
                "logout ends the Keycloak session too");
        assertEquals(401, browser.get(KeycloakResource.brokerUrl() + "/api/me").statusCode(),
                "the session cookie is gone");
    }

    @Test
    void passwordWithoutCodeOpensNoSession() throws Exception {
        String otpPage = browser.submitPassword(browser.loginPage(), "victor");
        String wrong = "000000".equals(Tokens.currentCode("victor")) ? "111111" : "000000";
        HttpResponse<String> wrongCode = browser.postForm(Browser.formAction(otpPage), "otp=" + wrong);
        assertEquals(200, wrongCode.statusCode(), "Keycloak shows the code form again");
        assertFalse(wrongCode.headers().firstValue("Location").isPresent());
        assertEquals(401, browser.get(KeycloakResource.brokerUrl() + "/api/me").statusCode());
    }
}
