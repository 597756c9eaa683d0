package io.otbroker.bench.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An ed25519 key pair made by the real {@code ssh-keygen}: the private key file and the public-key line. */
record KeyFiles(Path privateKey, String publicLine) {

    static KeyFiles generate(Path dir, String name) throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        Files.deleteIfExists(key);
        Files.deleteIfExists(Path.of(key + ".pub"));
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString())
                .redirectErrorStream(true).start();
        if (keygen.waitFor() != 0) {
            throw new IllegalStateException("ssh-keygen failed: " + new String(keygen.getInputStream().readAllBytes()));
        }
        return new KeyFiles(key, Files.readString(Path.of(key + ".pub")).strip());
    }
}
