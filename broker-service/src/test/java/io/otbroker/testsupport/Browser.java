package io.otbroker.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.otbroker.keycloak.RealmFiles;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser on loopback, driven request by request over HTTP through the broker and Keycloak's own login
 * pages: it follows no redirects by itself and keeps cookies per host. Its logins are real code-flow logins
 * (password, then the one-time code), so the broker's session carries what such a login carries.
 */
public final class Browser {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /**
     * Cookies per host, sent back like a browser does on loopback. (The JDK's CookieManager never
     * returns Keycloak's {@code Secure} cookies over plain HTTP, which browsers allow on localhost.)
     */
    private final Map<String, Map<String, String>> cookies = new HashMap<>();

    /** A browser in which {@code user} just logged in with password and code: it holds the broker's session. */
    public static Browser loggedIn(String user) throws IOException, InterruptedException {
        Browser browser = new Browser();
        String otpPage = browser.submitPassword(browser.loginPage(), user);
        HttpResponse<String> afterOtp = browser.postForm(formAction(otpPage), "otp=" + Tokens.currentCode(user));
        assertEquals(302, afterOtp.statusCode(), "the code finishes the login");
        HttpResponse<String> session = browser.get(afterOtp.headers().firstValue("Location").orElseThrow());
        assertTrue(session.statusCode() == 302 || session.statusCode() == 303, "callback completes: "
                + session.statusCode());
        return browser;
    }

    /** Opens the broker's login: Keycloak's password page. */
    public String loginPage() throws IOException, InterruptedException {
        HttpResponse<String> start = get(KeycloakResource.brokerUrl() + "/app/login");
        assertEquals(302, start.statusCode());
        HttpResponse<String> page = get(start.headers().firstValue("Location").orElseThrow());
        assertEquals(200, page.statusCode());
        return page.body();
    }

    /** Submits the demo password of {@code user}; returns the next page (Keycloak's code form). */
    public String submitPassword(String loginPage, String user) throws IOException, InterruptedException {
        HttpResponse<String> answer = postForm(formAction(loginPage), "username=" + user + "&password="
                + URLEncoder.encode(RealmFiles.demoPassword(), StandardCharsets.UTF_8) + "&credentialId=");
        assertEquals(200, answer.statusCode(), "the password alone does not finish the login");
        return answer.body();
    }

    /** Where the page's (first) form posts to. */
    public static String formAction(String html) {
        Matcher matcher = FORM_ACTION.matcher(html);
        assertTrue(matcher.find(), "a login form");
        return matcher.group(1).replace("&amp;", "&");
    }

    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(withCookies(HttpRequest.newBuilder(URI.create(url))).build());
    }

    public HttpResponse<String> postForm(String url, String form) throws IOException, InterruptedException {
        return send(withCookies(HttpRequest.newBuilder(URI.create(url)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** A JSON POST as a page of {@code origin} sends it (browsers always send the Origin header with POSTs). */
    public HttpResponse<String> postJson(String url, String json, String origin) throws IOException,
            InterruptedException {
        return send(withCookies(HttpRequest.newBuilder(URI.create(url)))
                .header("Content-Type", "application/json")
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A JSON POST from one of the broker's own pages. */
    public HttpResponse<String> postFromBroker(String path, String json) throws IOException, InterruptedException {
        return postJson(KeycloakResource.brokerUrl() + path, json, KeycloakResource.brokerUrl());
    }

    /** The {@code Cookie} header this browser sends to {@code uri} (empty if none), e.g. with a WebSocket upgrade. */
    public String cookieHeader(URI uri) {
        return cookies.getOrDefault(uri.getHost() + ":" + uri.getPort(), Map.of()).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
        String cookie = cookieHeader(request.copy().build().uri());
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Map<String, String> jar = cookies.computeIfAbsent(request.uri().getHost() + ":" + request.uri().getPort(),
                host -> new HashMap<>());
        for (String header : response.headers().allValues("Set-Cookie")) {
            String[] nameValue = header.split(";", 2)[0].split("=", 2);
            boolean expired = header.toLowerCase(Locale.ROOT).contains("max-age=0");
            if (expired || nameValue[1].isEmpty()) {
                jar.remove(nameValue[0]);
            } else {
                jar.put(nameValue[0], nameValue[1]);
            }
        }
        return response;
    }
}
