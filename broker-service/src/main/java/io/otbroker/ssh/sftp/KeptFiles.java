package io.otbroker.ssh.sftp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * Where the broker keeps the content of transferred files when the conduit says so:
 * {@code <recordings dir>/transfers/<session id>/<sha256>}, next to the session's recording and named by the
 * SHA-256 the {@code file.transfer} audit event carries (so the hash-chained audit log vouches for each kept
 * file). Owner-readable only: the content may be anything a plant holds dear.
 */
final class KeptFiles {

    private final Path root;

    KeptFiles(Path root) {
        this.root = root;
    }

    /** A new copy being written for session {@code sessionId}. */
    Copy open(UUID sessionId) throws IOException {
        Path directory = root.resolve(sessionId.toString());
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, "partial-", ".tmp");
        ownerOnly(partial);
        return new Copy(root, partial, FileChannel.open(partial, Set.of(StandardOpenOption.WRITE)));
    }

    private static void ownerOnly(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** One file's content as it passes, in the order it passed. */
    static final class Copy {

        private final Path root;
        private final Path partial;
        private final FileChannel out;

        private Copy(Path root, Path partial, FileChannel out) {
            this.root = root;
            this.partial = partial;
            this.out = out;
        }

        void write(byte[] bytes) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
        }

        /**
         * Makes the copy durable under its hash; returns its path relative to the recordings directory.
         * The same content kept twice in a session is one file.
         */
        String seal(String sha256) throws IOException {
            out.force(true);
            out.close();
            Path kept = partial.resolveSibling(sha256);
            try {
                Files.move(partial, kept, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.delete(partial);
            }
            return root.getFileName().resolve(root.relativize(kept)).toString();
        }

        /** Drops an unfinished copy. */
        void discard() {
            try {
                out.close();
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // A leftover partial file names no hash and is never taken for a kept file.
            }
        }
    }
}
