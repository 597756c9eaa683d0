package io.otbroker.connectcode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The text of connect codes: made with {@link SecureRandom}, typed by people, stored as a hash.
 *
 * <p>Why ten characters of a 31-letter alphabet: about 49 bits, far beyond guessing a code that lives two
 * minutes, is used once and sits behind the SSH door's lockout; letters and digits that look alike
 * (0/O, 1/I/L) are left out so that a code read off a screen is typed right the first time.
 */
final class ConnectCodeSecret {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 10;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ConnectCodeSecret() {}

    /** A new code, shown in two groups of five: {@code ABCDE-FGH23}. */
    static String generate() {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What was typed, without group separators and blanks, in upper case: {@code abcde fgh23} is the code above. */
    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /**
     * The stored form. The grant id is hashed in, so a code's hash matches only under the grant it was
     * issued for. A plain hash suffices: the code is random, short-lived and single use.
     */
    static String hash(long grantId, String normalisedCode) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((grantId + ":" + normalisedCode).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
