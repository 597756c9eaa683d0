package io.otbroker.access.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook deliveries so that the receiver can tell they come from the broker and were not
 * replayed: {@code X-Otbroker-Signature: sha256=<hex>} is the HMAC-SHA256, keyed with the shared secret,
 * of {@code <timestamp>.<raw body>}, where the timestamp is the {@code X-Otbroker-Timestamp} header
 * (seconds since the epoch). Receivers recompute it, compare in constant time, and refuse timestamps older
 * than a few minutes.
 */
final class WebhookSigner {

    static final String SIGNATURE_HEADER = "X-Otbroker-Signature";
    static final String TIMESTAMP_HEADER = "X-Otbroker-Timestamp";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    WebhookSigner(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The value of the signature header for {@code body} sent at {@code epochSecond}. */
    String sign(long epochSecond, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // Why the timestamp is signed too: a captured delivery cannot be sent again later as new.
            mac.update((epochSecond + ".").getBytes(StandardCharsets.US_ASCII));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
