package io.otbroker.ssh;

import io.otbroker.testsupport.Poll;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What a running ssh process prints on one stream, collected as it comes (so tests can wait for a line). */
final class VendorOutput {

    private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
    private final Thread reader;

    private VendorOutput(InputStream stream) {
        reader = Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[65536];
            try {
                for (int read = stream.read(buffer); read >= 0; read = stream.read(buffer)) {
                    synchronized (collected) {
                        collected.write(buffer, 0, read);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
    }

    static VendorOutput stderrOf(Process ssh) {
        return new VendorOutput(ssh.getErrorStream());
    }

    static VendorOutput stdoutOf(Process ssh) {
        return new VendorOutput(ssh.getInputStream());
    }

    String text() {
        synchronized (collected) {
            return collected.toString(StandardCharsets.UTF_8);
        }
    }

    int size() {
        synchronized (collected) {
            return collected.size();
        }
    }

    /** Waits until {@code expected} has been printed. */
    void awaitText(String expected) {
        Poll.until(() -> text().contains(expected) ? Optional.of(true) : Optional.empty(), "'" + expected + "' from ssh");
    }

    /** Waits until the stream has ended (the process closed it). */
    VendorOutput awaitEnd() throws InterruptedException {
        reader.join();
        return this;
    }
}
