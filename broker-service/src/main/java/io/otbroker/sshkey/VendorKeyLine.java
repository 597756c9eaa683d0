package io.otbroker.sshkey;

import io.otbroker.asset.SshHostKey;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Set;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * A vendor's public key as registered: type, the OpenSSH line without comment, its comment and its
 * SHA-256 fingerprint. Only ed25519, ECDSA and RSA of at least 3072 bits are accepted.
 */
public record VendorKeyLine(String type, String line, String comment, String fingerprint) {

    /** Why: these are the key types current guidance (and OpenSSH's defaults) still trust for logins. */
    private static final Set<String> ACCEPTED_TYPES = Set.of("ssh-ed25519", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa");
    /** Why 3072: RSA below it falls short of 128-bit security (NIST SP 800-57). */
    static final int MIN_RSA_BITS = 3072;

    /**
     * Parses and checks an OpenSSH public-key line ({@code type base64 [comment]}).
     *
     * @throws IllegalArgumentException with a message fit for the API caller
     */
    public static VendorKeyLine parse(String text) {
        SshHostKey key = SshHostKey.parse(text);
        if (!ACCEPTED_TYPES.contains(key.type())) {
            throw new IllegalArgumentException("must be an ssh-ed25519, ecdsa-sha2-nistp256/384/521 or ssh-rsa key");
        }
        if (key.type().equals("ssh-rsa") && rsaBits(key.toOpenSshLine()) < MIN_RSA_BITS) {
            throw new IllegalArgumentException("an RSA key must have at least " + MIN_RSA_BITS + " bits");
        }
        String[] parts = text.strip().split("\\s+", 3);
        String comment = parts.length == 3 ? parts[2] : null;
        return new VendorKeyLine(key.type(), key.toOpenSshLine(), comment, key.fingerprint());
    }

    /** The fingerprint of a key presented in an SSH login, in the form registered keys carry. */
    public static String fingerprintOf(PublicKey key) {
        return SshHostKey.parse(PublicKeyEntry.toString(key)).fingerprint();
    }

    private static int rsaBits(String line) {
        try {
            PublicKey key = PublicKeyEntry.parsePublicKeyEntry(line)
                    .resolvePublicKey(null, null, PublicKeyEntryResolver.FAILING);
            return ((RSAPublicKey) key).getModulus().bitLength();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("the RSA key does not decode", e);
        }
    }
}
