package io.otbroker.access.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The broker refuses to start with a webhook it could not sign; messages name keys, never values. */
class WebhookTargetTest {

    private static final String URL = "https://pager.example.invalid/hook?token=abc123";
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void noUrlMeansNoWebhook() {
        assertTrue(WebhookTarget.configured(Optional.empty(), Optional.empty()).isEmpty());
        assertTrue(WebhookTarget.configured(Optional.of("  "), Optional.of(SECRET)).isEmpty());
    }

    @Test
    void aUrlWithASecretOfThirtyTwoCharactersIsUsed() {
        WebhookTarget target = WebhookTarget.configured(Optional.of(URL), Optional.of(SECRET)).orElseThrow();
        assertEquals(URL, target.url().toString());
    }

    @Test
    void aUrlWithoutSecretIsRefused() {
        assertRefused(Optional.of(URL), Optional.empty(), "otbroker.webhook.secret");
    }

    @Test
    void aShortSecretIsRefused() {
        assertRefused(Optional.of(URL), Optional.of(SECRET.substring(1)), "otbroker.webhook.secret");
    }

    @Test
    void anythingButAnAbsoluteHttpUrlIsRefused() {
        for (String url : new String[] {"ftp://pager.example.invalid/hook", "/hook", "https:///hook", "not a url"}) {
            assertRefused(Optional.of(url), Optional.of(SECRET), "otbroker.webhook.url");
        }
    }

    @Test
    void plainHttpOnlyToALoopbackAddress() {
        assertRefused(Optional.of("http://pager.example.invalid/hook?token=abc123"), Optional.of(SECRET),
                "otbroker.webhook.url");
        assertTrue(WebhookTarget.configured(Optional.of("http://127.0.0.1:9999/hook"), Optional.of(SECRET)).isPresent());
    }

    private static void assertRefused(Optional<String> url, Optional<String> secret, String namedKey) {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> WebhookTarget.configured(url, secret));
        assertTrue(refused.getMessage().contains(namedKey), refused.getMessage());
        assertFalse(refused.getMessage().contains("abc123"), refused.getMessage());
        secret.ifPresent(value -> assertFalse(refused.getMessage().contains(value), refused.getMessage()));
        url.ifPresent(value -> assertFalse(refused.getMessage().contains(value), refused.getMessage()));
    }
}
