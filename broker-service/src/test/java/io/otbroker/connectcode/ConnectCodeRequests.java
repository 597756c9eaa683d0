package io.otbroker.connectcode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otbroker.access.AccessFixtures;
import io.otbroker.testsupport.Browser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

/**
 * Connect codes asked for as a vendor does: right after a real browser login (password and code), from the
 * broker's own page. A password-grant token would not do: it does not say when its login happened.
 */
public final class ConnectCodeRequests {

    private ConnectCodeRequests() {}

    /** The answer to {@code browser} asking for a code for grant {@code grant}. */
    public static HttpResponse<String> ask(Browser browser, long grant) {
        return unchecked(() -> browser.postFromBroker(AccessFixtures.path(grant, "connect-code"), ""));
    }

    /** A code for {@code vendor}'s grant, asked for after a fresh login. */
    public static String code(String vendor, long grant) {
        return code(unchecked(() -> Browser.loggedIn(vendor)), grant);
    }

    /** A code for the grant, asked for in {@code browser}. */
    public static String code(Browser browser, long grant) {
        HttpResponse<String> answer = ask(browser, grant);
        assertEquals(200, answer.statusCode(), answer.body());
        return json(answer).path("code").asText();
    }

    private interface HttpCall<T> {
        T call() throws IOException, InterruptedException;
    }

    private static <T> T unchecked(HttpCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer's body as JSON. */
    public static JsonNode json(HttpResponse<String> answer) {
        try {
            return new ObjectMapper().readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
