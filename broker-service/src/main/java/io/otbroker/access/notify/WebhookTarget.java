package io.otbroker.access.notify;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where webhook deliveries go and how they are signed, checked once at startup.
 *
 * @param url    the receiver; never logged, since paging services often carry a token in it
 * @param signer signs each delivery with the shared secret
 */
record WebhookTarget(URI url, WebhookSigner signer) {

    static final String URL_PROPERTY = "otbroker.webhook.url";
    static final String SECRET_PROPERTY = "otbroker.webhook.secret";
    static final int SHORTEST_SECRET = 32;

    /**
     * The configured target, or empty when no URL is set (the webhook is off). Messages name the
     * configuration keys, never their values: they end up in logs.
     *
     * @throws IllegalStateException when a URL is set without a secret of at least 32 characters, or is
     *                               not an absolute http(s) URL: an unsigned page could be forged by anyone
     *                               who can reach the receiver, so the broker fails closed and does not start
     */
    static Optional<WebhookTarget> configured(Optional<String> url, Optional<String> secret) {
        Optional<String> configuredUrl = url.map(String::strip).filter(value -> !value.isEmpty());
        if (configuredUrl.isEmpty()) {
            return Optional.empty();
        }
        String key = secret.filter(value -> value.length() >= SHORTEST_SECRET).orElseThrow(
                () -> new IllegalStateException(URL_PROPERTY + " is set but " + SECRET_PROPERTY
                        + " (OTBROKER_WEBHOOK_SECRET) is missing or shorter than " + SHORTEST_SECRET
                        + " characters; webhook deliveries are signed with it and the broker does not start "
                        + "without it (e.g. 'openssl rand -hex 32')."));
        return Optional.of(new WebhookTarget(httpUrl(configuredUrl.get()), new WebhookSigner(key)));
    }

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private static URI httpUrl(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw notHttp();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw notHttp();
        }
        if (scheme.equals("http") && !LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            // Why: a page names vendors and assets; off this machine it travels encrypted or not at all.
            throw new IllegalStateException(URL_PROPERTY + " must use https; plain http only to a loopback address.");
        }
        return uri;
    }

    private static IllegalStateException notHttp() {
        return new IllegalStateException(URL_PROPERTY + " must be an absolute http or https URL.");
    }
}
