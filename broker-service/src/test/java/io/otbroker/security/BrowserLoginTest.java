package io.otbroker.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.keycloak.RealmFiles;
import io.otbroker.testsupport.KeycloakResource;
import io.otbroker.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The browser path through Keycloak's own login pages, driven form by form over HTTP: the code
 * flow with PKCE yields a session cookie only after the password AND the one-time code.
 */
@QuarkusTest
class BrowserLoginTest {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /**
     * Cookies per host, sent back like a browser does on loopback. (The JDK's CookieManager never
     * returns Keycloak's {@code Secure} cookies over plain HTTP, which browsers allow on localhost.)
     */
    private final Map<String, Map<String, String>> cookies = new HashMap<>();

    @Test
    void passwordAndCodeOpenABrowserSessionWithTheUsersRoles() throws Exception {
        String otpPage = submitPassword(loginPage(), "audrey");
        assertTrue(otpPage.contains("otp"), "Keycloak asks for the one-time code after the password");

        HttpResponse<String> afterOtp = post(formAction(otpPage), "otp=" + Tokens.currentCode("audrey"));
        assertEquals(302, afterOtp.statusCode());
        String callback = afterOtp.headers().firstValue("Location").orElseThrow();
        assertTrue(callback.startsWith(KeycloakResource.brokerUrl() + "/app/callback"), callback);

        HttpResponse<String> session = get(callback);
        assertTrue(session.statusCode() == 302 || session.statusCode() == 303, "callback completes: " + session.statusCode());
        HttpResponse<String> me = get(KeycloakResource.brokerUrl() + "/api/me");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"username\":\"audrey\"") && me.body().contains("auditor"), me.body());

        // CSRF: a state change riding on the session cookie must come from the broker's own origin.
        HttpResponse<String> crossSite = post(KeycloakResource.brokerUrl() + "/api/access-requests", "{}",
                "https://evil.example");
        assertEquals(403, crossSite.statusCode());
        assertTrue(crossSite.body().contains("Cross-site request refused"), crossSite.body());
        HttpResponse<String> sameSite = post(KeycloakResource.brokerUrl() + "/api/access-requests", "{}",
                KeycloakResource.brokerUrl());
        assertEquals(403, sameSite.statusCode(), "passes the guard, then the role check refuses the auditor");
        assertTrue(sameSite.body().contains("Your role does not allow this."), sameSite.body());

        HttpResponse<String> logout = get(KeycloakResource.brokerUrl() + "/app/logout");
        assertEquals(302, logout.statusCode());
        assertTrue(logout.headers().firstValue("Location").orElseThrow().contains("/protocol/openid-connect/logout"),
                "logout ends the Keycloak session too");
        assertEquals(401, get(KeycloakResource.brokerUrl() + "/api/me").statusCode(), "the session cookie is gone");
    }

    @Test
    void passwordWithoutCodeOpensNoSession() throws Exception {
        String otpPage = submitPassword(loginPage(), "victor");
        String wrong = "000000".equals(Tokens.currentCode("victor")) ? "111111" : "000000";
        HttpResponse<String> wrongCode = post(formAction(otpPage), "otp=" + wrong);
        assertEquals(200, wrongCode.statusCode(), "Keycloak shows the code form again");
        assertFalse(wrongCode.headers().firstValue("Location").isPresent());
        assertEquals(401, get(KeycloakResource.brokerUrl() + "/api/me").statusCode());
    }

    private String loginPage() throws Exception {
        HttpResponse<String> start = get(KeycloakResource.brokerUrl() + "/app/login");
        assertEquals(302, start.statusCode());
        HttpResponse<String> page = get(start.headers().firstValue("Location").orElseThrow());
        assertEquals(200, page.statusCode());
        return page.body();
    }

    private String submitPassword(String loginPage, String user) throws Exception {
        HttpResponse<String> answer = post(formAction(loginPage), "username=" + user + "&password="
                + URLEncoder.encode(RealmFiles.demoPassword(), StandardCharsets.UTF_8) + "&credentialId=");
        assertEquals(200, answer.statusCode(), "the password alone does not finish the login");
        return answer.body();
    }

    private static String formAction(String html) {
        Matcher matcher = FORM_ACTION.matcher(html);
        assertTrue(matcher.find(), "a login form");
        return matcher.group(1).replace("&amp;", "&");
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(withCookies(HttpRequest.newBuilder(URI.create(url))).build());
    }

    private HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
        return send(withCookies(HttpRequest.newBuilder(URI.create(url)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private HttpResponse<String> post(String url, String json, String origin) throws IOException, InterruptedException {
        return send(withCookies(HttpRequest.newBuilder(URI.create(url)))
                .header("Content-Type", "application/json")
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
        URI uri = request.copy().build().uri();
        Map<String, String> jar = cookies.getOrDefault(uri.getHost() + ":" + uri.getPort(), Map.of());
        if (!jar.isEmpty()) {
            request.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString());
        Map<String, String> jar = cookies.computeIfAbsent(request.uri().getHost() + ":" + request.uri().getPort(),
                host -> new HashMap<>());
        for (String header : response.headers().allValues("Set-Cookie")) {
            String[] nameValue = header.split(";", 2)[0].split("=", 2);
            boolean expired = header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
            if (expired || nameValue[1].isEmpty()) {
                jar.remove(nameValue[0]);
            } else {
                jar.put(nameValue[0], nameValue[1]);
            }
        }
        return response;
    }
}
