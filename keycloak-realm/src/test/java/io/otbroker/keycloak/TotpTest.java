package io.otbroker.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238 appendix B, SHA-1 seed "12345678901234567890", truncated to the realm's 6 digits. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void matchesRfc6238TestVectors() {
        assertEquals("287082", Totp.code(RFC_SECRET, Instant.ofEpochSecond(59)));
        assertEquals("081804", Totp.code(RFC_SECRET, Instant.ofEpochSecond(1111111109)));
        assertEquals("050471", Totp.code(RFC_SECRET, Instant.ofEpochSecond(1111111111)));
        assertEquals("005924", Totp.code(RFC_SECRET, Instant.ofEpochSecond(1234567890)));
        assertEquals("279037", Totp.code(RFC_SECRET, Instant.ofEpochSecond(2000000000)));
    }

    @Test
    void codeIsStableWithinAStepAndCountsDown() {
        assertEquals(Totp.code(RFC_SECRET, Instant.ofEpochSecond(60)), Totp.code(RFC_SECRET, Instant.ofEpochSecond(89)));
        assertEquals(30, Totp.secondsLeft(Instant.ofEpochSecond(60)));
        assertEquals(1, Totp.secondsLeft(Instant.ofEpochSecond(89)));
    }

    @Test
    void rejectsASecretThatIsNotBase32() {
        assertThrows(IllegalArgumentException.class, () -> Totp.code("not base32!", Instant.EPOCH));
    }
}
