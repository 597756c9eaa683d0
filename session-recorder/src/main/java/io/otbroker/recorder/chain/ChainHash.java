package io.otbroker.recorder.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The segment hash chain: {@code hash_i = SHA-256(hash_{i-1} || segmentBytes_i)}, starting from 32 zero bytes.
 *
 * <p>Why chained: each hash commits to every earlier segment, so reordering, deleting or replacing a segment
 * changes every later hash, and the final hash in the signed manifest commits to the whole recording.
 */
public final class ChainHash {

    /** The "previous hash" of the first segment. */
    public static final String GENESIS = HexFormat.of().formatHex(new byte[32]);

    private ChainHash() {
    }

    /** A digest primed with the previous segment's hash; feed it the segment bytes, then {@link #finish}. */
    public static MessageDigest startSegment(String previousHash) {
        MessageDigest digest = sha256();
        digest.update(HexFormat.of().parseHex(previousHash));
        return digest;
    }

    /** The segment hash as lower-case hex. */
    public static String finish(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of {@code bytes} as lower-case hex. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException mandatory) {
            throw new IllegalStateException("every JDK provides SHA-256", mandatory);
        }
    }
}
