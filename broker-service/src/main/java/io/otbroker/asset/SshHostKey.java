package io.otbroker.asset;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;

/**
 * A pinned SSH host key in OpenSSH public-key form ({@code ssh-ed25519 AAAA... [comment]}). The broker
 * connects upstream over SSH only to an asset whose presented key equals the pinned one, so a key that
 * does not parse is refused when it is configured, not when a vendor is waiting.
 */
public final class SshHostKey {

    private static final Set<String> TYPES = Set.of("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com");
    private static final int ED25519_KEY_BYTES = 32;

    private final String type;
    private final byte[] blob;

    private SshHostKey(String type, byte[] blob) {
        this.type = type;
        this.blob = blob;
    }

    /**
     * Parses an OpenSSH public-key line; the comment is dropped.
     *
     * @throws IllegalArgumentException with a message fit for the API caller
     */
    public static SshHostKey parse(String line) {
        String[] parts = line.strip().split("\\s+");
        if (parts.length < 2 || !TYPES.contains(parts[0])) {
            throw new IllegalArgumentException("must be an OpenSSH public key line such as 'ssh-ed25519 AAAA...'; "
                    + "supported types: " + String.join(", ", TYPES.stream().sorted().toList()));
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key after the type must be base64", e);
        }
        requireWellFormed(parts[0], blob);
        return new SshHostKey(parts[0], blob);
    }

    /** Key type, e.g. {@code ssh-ed25519}. */
    public String type() {
        return type;
    }

    /** The key as one OpenSSH line without comment, the form it is stored in. */
    public String toOpenSshLine() {
        return type + " " + Base64.getEncoder().encodeToString(blob);
    }

    /** Fingerprint as {@code ssh-keygen -l} prints it: {@code SHA256:} and unpadded base64. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * The SSH wire form is a sequence of length-prefixed fields starting with the type name; all key
     * types consist of such fields only, so the blob must be used up exactly.
     */
    private static void requireWellFormed(String type, byte[] blob) {
        ByteBuffer in = ByteBuffer.wrap(blob);
        byte[] embeddedType = readField(in);
        if (!type.equals(new String(embeddedType, StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("the encoded key is not of type " + type);
        }
        byte[] first = readField(in);
        while (in.hasRemaining()) {
            readField(in);
        }
        if (type.equals("ssh-ed25519") && first.length != ED25519_KEY_BYTES) {
            throw new IllegalArgumentException("an ssh-ed25519 key must hold 32 bytes");
        }
    }

    private static byte[] readField(ByteBuffer in) {
        if (in.remaining() < Integer.BYTES) {
            throw new IllegalArgumentException("the encoded key is truncated");
        }
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("the encoded key is truncated");
        }
        byte[] field = new byte[length];
        in.get(field);
        return field;
    }
}
