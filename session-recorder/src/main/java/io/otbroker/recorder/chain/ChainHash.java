package io.otbroker.recorder.chain;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The segment hash chain: {@code hash_i = SHA-256(hash_{i-1} || segmentBytes_i)}, starting from 32 zero bytes.
 * The one place that says how; the writer, crash recovery and the verifier all hash through it.
 *
 * <p>Why chained: each hash commits to every earlier segment, so reordering, deleting or replacing a segment
 * changes every later hash, and the final hash in the signed manifest commits to the whole recording.
 */
public final class ChainHash {

    /** The "previous hash" of the first segment. */
    public static final String GENESIS = HexFormat.of().formatHex(new byte[32]);

    private final MessageDigest digest;

    private ChainHash(String previousHash) {
        digest = sha256();
        digest.update(HexFormat.of().parseHex(previousHash));
    }

    /** The hash of the segment after the one that hashed to {@code previousHash}; feed it the segment's bytes. */
    public static ChainHash after(String previousHash) {
        return new ChainHash(previousHash);
    }

    /** The chained hash of a whole segment held in memory. */
    public static String of(String previousHash, byte[] segment) {
        ChainHash hash = after(previousHash);
        hash.update(segment, 0, segment.length);
        return hash.hex();
    }

    /** What the next segment chains to: the hash of the last of {@code segments}, or genesis for none. */
    public static String previous(List<SegmentEntry> segments) {
        return segments.isEmpty() ? GENESIS : segments.getLast().hash();
    }

    public void update(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
    }

    public void update(ByteBuffer bytes) {
        digest.update(bytes);
    }

    /** The segment hash as lower-case hex; call once, after the last bytes. */
    public String hex() {
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
