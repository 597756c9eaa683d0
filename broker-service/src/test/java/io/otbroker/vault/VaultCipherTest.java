package io.otbroker.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VaultCipherTest {

    private static final String SECRET = "S7-Pa55word!";

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static VaultCipher cipher(String base64Key) {
        return VaultCipher.withConfiguredKey(Optional.of(base64Key), true);
    }

    @Test
    void sealedValueOpensForTheSameAsset() {
        VaultCipher cipher = cipher(randomKey());

        String sealed = cipher.seal(7, SECRET);

        assertFalse(sealed.contains(SECRET));
        assertEquals(SECRET, cipher.open(7, sealed));
    }

    @Test
    void everySealUsesAFreshNonce() {
        VaultCipher cipher = cipher(randomKey());

        String first = cipher.seal(7, SECRET);
        String second = cipher.seal(7, SECRET);

        assertNotEquals(first, second);
        assertNotEquals(first.substring(0, 16), second.substring(0, 16), "12-byte nonce prefix differs");
    }

    @Test
    void tamperedCiphertextDoesNotOpen() {
        VaultCipher cipher = cipher(randomKey());
        byte[] sealed = Base64.getDecoder().decode(cipher.seal(7, SECRET));
        sealed[sealed.length - 20] ^= 0x01;

        assertThrows(VaultException.class, () -> cipher.open(7, Base64.getEncoder().encodeToString(sealed)));
    }

    @Test
    void ciphertextCopiedToAnotherAssetDoesNotOpen() {
        VaultCipher cipher = cipher(randomKey());
        String sealed = cipher.seal(7, SECRET);

        VaultException e = assertThrows(VaultException.class, () -> cipher.open(8, sealed));
        assertTrue(e.getMessage().contains("asset 8"));
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void anotherKeyDoesNotOpen() {
        String sealed = cipher(randomKey()).seal(7, SECRET);

        assertThrows(VaultException.class, () -> cipher(randomKey()).open(7, sealed));
    }

    @Test
    void damagedStoredValueDoesNotOpen() {
        VaultCipher cipher = cipher(randomKey());

        assertThrows(VaultException.class, () -> cipher.open(7, "not base64 at all"));
        assertThrows(VaultException.class, () -> cipher.open(7, "AAAA"));
    }

    @Test
    void missingKeyInProductionRefusesAndNamesTheConfigKey() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> VaultCipher.withConfiguredKey(Optional.empty(), true));
        assertTrue(e.getMessage().contains("otbroker.vault.key"), e.getMessage());

        assertThrows(IllegalStateException.class, () -> VaultCipher.withConfiguredKey(Optional.of("  "), true));
    }

    @Test
    void missingKeyRefusesOutsideProductionToo() {
        assertThrows(IllegalStateException.class, () -> VaultCipher.withConfiguredKey(Optional.empty(), false));
    }

    @Test
    void invalidKeyIsRefusedWithoutQuotingIt() {
        String notBase64 = "secret-key-value-#";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> cipher(notBase64));
        assertTrue(e.getMessage().contains("otbroker.vault.key"));
        assertFalse(e.getMessage().contains(notBase64));
        assertFalse(e.getMessage().contains("#"));

        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalStateException tooShort = assertThrows(IllegalStateException.class, () -> cipher(sixteenBytes));
        assertTrue(tooShort.getMessage().contains("exactly 32 bytes"));
        assertFalse(tooShort.getMessage().contains(sixteenBytes));
    }

    @Test
    void textKeyIsRefusedInProductionOnly() {
        String textKey = Base64.getEncoder().encodeToString(
                "dev-only-vault-key-not-for-prod!".getBytes(StandardCharsets.US_ASCII));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> VaultCipher.withConfiguredKey(Optional.of(textKey), true));
        assertTrue(e.getMessage().contains("otbroker.vault.key"));
        VaultCipher development = VaultCipher.withConfiguredKey(Optional.of(textKey), false);
        assertEquals(SECRET, development.open(1, development.seal(1, SECRET)));
    }
}
