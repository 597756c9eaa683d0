package io.otbroker.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The front door's ed25519 host key, generated once and kept (owner-readable only) under the data
 * directory, so vendors' {@code known_hosts} stay valid across restarts.
 */
final class BastionHostKey {

    private BastionHostKey() {}

    /** Loads the key at {@code file}, generating it first if it does not exist. */
    static KeyPair loadOrCreate(Path file) throws IOException, GeneralSecurityException {
        if (!Files.exists(file)) {
            write(file, KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256));
        }
        try (InputStream in = Files.newInputStream(file)) {
            Iterator<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()),
                    in, null).iterator();
            if (!keys.hasNext()) {
                throw new GeneralSecurityException("no key in the SSH host key file");
            }
            return keys.next();
        }
    }

    private static void write(Path file, KeyPair keys) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".new");
        try (OutputStream out = Files.newOutputStream(partial)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keys, "otbroker", null, out);
        }
        if (Files.getFileStore(partial).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        }
        Files.move(partial, file);
    }
}
