package io.otbroker.recorder.sign;

import io.otbroker.recorder.chain.ChainHash;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 keys as PEM: private keys as PKCS#8 ({@code PRIVATE KEY}), public keys as X.509
 * SubjectPublicKeyInfo ({@code PUBLIC KEY}), the forms {@code openssl genpkey -algorithm ed25519} writes.
 * Only the JDK's built-in {@code Ed25519} is used; no provider is added.
 */
public final class PemKeys {

    static final String ALGORITHM = "Ed25519";
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

    private PemKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("the JDK lacks Ed25519", missing);
        }
    }

    public static String privateKeyPem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    public static String publicKeyPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** Reads a PKCS#8 Ed25519 private key; anything else is refused. */
    public static PrivateKey readPrivateKey(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(decode(pem, "PRIVATE KEY")));
    }

    /** Reads an X.509 SubjectPublicKeyInfo Ed25519 public key; anything else is refused. */
    public static PublicKey readPublicKey(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decode(pem, "PUBLIC KEY")));
    }

    /** The key id written into manifests: SHA-256 of the public key's X.509 encoding, hex. */
    public static String keyId(PublicKey key) {
        return ChainHash.sha256Hex(key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] decode(String pem, String type) throws GeneralSecurityException {
        Matcher matcher = PEM.matcher(pem);
        if (!matcher.find() || !matcher.group(1).equals(type)) {
            throw new GeneralSecurityException("expected a PEM " + type);
        }
        try {
            return Base64.getMimeDecoder().decode(matcher.group(2));
        } catch (IllegalArgumentException badBase64) {
            throw new GeneralSecurityException("PEM body is not base64", badBase64);
        }
    }
}
