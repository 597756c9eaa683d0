package io.otbroker.ssh.sftp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The bytes of one file moving in one direction through an SFTP handle: counted, hashed (SHA-256) in the
 * order they passed and, when the conduit says so, kept. {@code sequential} tells whether they were one
 * run from offset 0 (the whole transfer a client such as {@code sftp put}/{@code get} makes): then hash
 * and kept copy are those of the file; otherwise (resumed or random access) of exactly the bytes that moved.
 */
final class Transfer {

    /** Which way the bytes go, seen from the vendor. */
    enum Direction {
        /** From the vendor to the asset. */
        UPLOAD,
        /** From the asset to the vendor. */
        DOWNLOAD
    }

    /** What the audit log says of a finished transfer. */
    record Summary(Direction direction, String path, long size, String sha256, boolean sequential, String keptAs,
            boolean complete) {}

    private final Direction direction;
    private final String path;
    private final MessageDigest sha256;
    private final KeptFiles.Copy copy;
    private long size;
    private long nextOffset;
    private boolean sequential = true;
    private boolean broken;
    private boolean keepFailed;

    /** {@code copy} keeps the content, or is null when the conduit does not ask for it. */
    Transfer(Direction direction, String path, KeptFiles.Copy copy) {
        this.direction = direction;
        this.path = path;
        this.copy = copy;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    Direction direction() {
        return direction;
    }

    /**
     * Takes note of {@code data} (left unconsumed) passing at {@code offset}. Why the copy is written first:
     * fail closed, a byte that cannot be kept does not pass (the caller relays only after this returns).
     */
    void passing(long offset, ByteBuffer data) throws IOException {
        byte[] chunk = new byte[data.remaining()];
        data.duplicate().get(chunk);
        if (copy != null) {
            try {
                copy.write(chunk);
            } catch (IOException e) {
                broken = true;
                keepFailed = true;
                throw new IOException("the transferred content cannot be kept", e);
            }
        }
        sha256.update(chunk);
        sequential &= offset == nextOffset;
        nextOffset = offset + chunk.length;
        size += chunk.length;
    }

    /** The file never opened on the asset: nothing moved, nothing is kept. */
    void abandon() {
        if (copy != null) {
            copy.discard();
        }
    }

    /** The relay to the asset failed part-way: the transfer is incomplete. */
    void broken() {
        broken = true;
    }

    /**
     * Seals the transfer and hands its summary to {@code whenDone} (to be audited, whatever happened). A
     * kept copy that cannot be sealed makes the transfer incomplete and is then reported by the exception.
     */
    void finish(Consumer<Summary> whenDone) throws IOException {
        String hash = HexFormat.of().formatHex(sha256.digest());
        String keptAs = null;
        IOException keepFailure = null;
        if (copy != null && keepFailed) {
            copy.discard();
        } else if (copy != null) {
            try {
                keptAs = copy.seal(hash);
            } catch (IOException e) {
                copy.discard();
                keepFailure = new IOException("the transferred content cannot be kept", e);
            }
        }
        whenDone.accept(new Summary(direction, path, size, hash, sequential, keptAs, !broken && keepFailure == null));
        if (keepFailure != null) {
            throw keepFailure;
        }
    }
}
