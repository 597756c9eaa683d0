package io.otbroker.recorder.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.util.Base64;

/**
 * Signs manifest bytes with the broker's Ed25519 key. The signature file holds the base64 signature and a
 * line end. Why Ed25519: deterministic signatures (golden files stay stable), small keys, and in every JDK.
 */
public final class ManifestSigner {

    private final KeyPair keys;

    /** Signs with {@code keys}; the public half goes into manifests as the signing key id. */
    public ManifestSigner(KeyPair keys) {
        if (!(keys.getPrivate() instanceof EdECPrivateKey edwards)
                || !PemKeys.ALGORITHM.equalsIgnoreCase(edwards.getParams().getName())) {
            throw new IllegalArgumentException("recordings are signed with Ed25519 keys only");
        }
        this.keys = keys;
    }

    /** The id of the key that signs, as written into manifests. */
    public String keyId() {
        return PemKeys.keyId(keys.getPublic());
    }

    /** The content of the signature file for {@code manifest}. */
    public byte[] sign(byte[] manifest) {
        try {
            Signature signature = Signature.getInstance(PemKeys.ALGORITHM);
            signature.initSign(keys.getPrivate());
            signature.update(manifest);
            return (Base64.getEncoder().encodeToString(signature.sign()) + "\n").getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException broken) {
            throw new IllegalStateException("cannot sign with the configured key", broken);
        }
    }

    /** Whether {@code signatureFile} is a valid signature of {@code manifest} by {@code key}. */
    public static boolean isValid(byte[] manifest, byte[] signatureFile, PublicKey key) {
        try {
            Signature signature = Signature.getInstance(PemKeys.ALGORITHM);
            signature.initVerify(key);
            signature.update(manifest);
            byte[] raw = Base64.getDecoder().decode(new String(signatureFile, StandardCharsets.US_ASCII).strip());
            return signature.verify(raw);
        } catch (GeneralSecurityException | IllegalArgumentException invalid) {
            return false;
        }
    }
}
