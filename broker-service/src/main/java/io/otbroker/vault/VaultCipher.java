package io.otbroker.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals asset secrets with AES-256-GCM. Each value gets a fresh random 12-byte nonce, and the asset id
 * is authenticated as associated data, so a ciphertext copied onto another asset's row does not open.
 * Sealed form: base64 of nonce followed by ciphertext and 16-byte tag.
 */
final class VaultCipher {

    /** Configuration key of the vault key; also settable as the environment variable OTBROKER_VAULT_KEY. */
    static final String KEY_PROPERTY = "otbroker.vault.key";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random;

    VaultCipher(SecretKey key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    /**
     * A cipher under the configured key. Error messages name the configuration key, never its value:
     * they end up in logs.
     *
     * @param production whether the broker runs packaged (not in tests), where a key that reads as text is
     *                   refused: the development keys are text on purpose, so a copied one is caught
     * @throws IllegalStateException when the key is missing, not the base64 of 32 bytes, or text in production
     */
    static VaultCipher withConfiguredKey(Optional<String> base64Key, boolean production) {
        String configured = base64Key.filter(value -> !value.isBlank()).orElseThrow(() -> new IllegalStateException(
                KEY_PROPERTY + " is not set. The credential vault needs the base64 of 32 random bytes "
                        + "(e.g. from 'openssl rand -base64 32'), also settable as OTBROKER_VAULT_KEY; "
                        + "the broker does not start without it."));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character; do not pass it on.
            throw new IllegalStateException(KEY_PROPERTY
                    + " is not valid base64; it must be the base64 of 32 random bytes.");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(KEY_PROPERTY + " must decode to exactly 32 bytes (AES-256).");
        }
        if (production && isPrintableText(bytes)) {
            throw new IllegalStateException(KEY_PROPERTY + " decodes to text, not random bytes: a development key "
                    + "or a password. Generate a production key with 'openssl rand -base64 32'.");
        }
        return new VaultCipher(new SecretKeySpec(bytes, "AES"), new SecureRandom());
    }

    /** 32 random bytes are all printable ASCII with a chance of about 1 in 10^13. */
    private static boolean isPrintableText(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** Seals {@code plaintext} for the asset with this id. */
    String seal(long assetId, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] ciphertext = run(Cipher.ENCRYPT_MODE, assetId, nonce, plaintext.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + ciphertext.length)
                .put(nonce).put(ciphertext).array());
    }

    /**
     * Opens a value sealed for the asset with this id.
     *
     * @throws VaultException when the value was altered, sealed for another asset or under another key
     */
    String open(long assetId, String sealed) {
        ByteBuffer in = ByteBuffer.wrap(decodeSealed(assetId, sealed));
        byte[] nonce = new byte[NONCE_BYTES];
        in.get(nonce);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        return new String(run(Cipher.DECRYPT_MODE, assetId, nonce, ciphertext), StandardCharsets.UTF_8);
    }

    private static byte[] decodeSealed(long assetId, String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            if (bytes.length >= NONCE_BYTES + TAG_BITS / Byte.SIZE) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // falls through: a damaged value is reported like any other that does not open
        }
        throw new VaultException(assetId);
    }

    private byte[] run(int mode, long assetId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(assetId));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new VaultException(assetId);
        }
    }

    /** Binds a sealed value to its asset row; versioned so the binding can evolve. */
    private static byte[] associatedData(long assetId) {
        return ("otbroker/asset-credential/v1/" + assetId).getBytes(StandardCharsets.UTF_8);
    }
}
