package io.otbroker.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Key pairs made by the real {@code ssh-keygen}, as a vendor would make them. */
public final class SshKeygen {

    /** A private key file and its public line. */
    public record KeyPairFiles(Path privateKey, String publicLine) {}

    private SshKeygen() {}

    /** A new key of {@code type} ({@code ed25519}, {@code rsa}, {@code ecdsa}) with {@code bits} (0: default). */
    public static KeyPairFiles generate(Path directory, String type, int bits) {
        try {
            Path key = Files.createTempFile(directory, "id_" + type, "");
            Files.delete(key);
            List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C",
                    "test@" + type, "-f", key.toString()));
            if (bits > 0) {
                command.addAll(List.of("-b", String.valueOf(bits)));
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("ssh-keygen failed: " + new String(process.getInputStream().readAllBytes()));
            }
            return new KeyPairFiles(key, Files.readString(Path.of(key + ".pub")).strip());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
