package io.otbroker.recorder.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar runs alone ({@code java -jar}) with no class path: no dependencies are needed. */
class VerifierJarIT {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @TempDir
    Path temp;

    @Test
    void jarVerifiesTheGoldenRecordingAndReportsTampering() throws Exception {
        Path key = Path.of("src", "test", "resources", "keys", "test-broker.pub.pem");
        Path recording = VerifierCliTest.copy(GOLDEN.resolve("terminal"), temp.resolve("terminal"));

        assertEquals(new Result(0, VerifierCliTest.VERIFIED_TERMINAL), runJar("verify", recording.toString(), "--public-key", key.toString()));

        Path segment = recording.resolve("segment-000004.seg");
        byte[] bytes = Files.readAllBytes(segment);
        bytes[0] ^= 1;
        Files.write(segment, bytes);
        Result tampered = runJar("verify", recording.toString(), "--public-key", key.toString());
        assertEquals(1, tampered.exitCode());
        assertTrue(tampered.firstLine().startsWith("TAMPERED at segment 4 (offset 871)"), tampered.firstLine());
        assertEquals(64, runJar("help").exitCode());
    }

    private record Result(int exitCode, String firstLine) {
    }

    private Result runJar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Result(process.exitValue(), output.lines().findFirst().orElse(""));
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(path -> path.getFileName().toString().matches("session-recorder-.*\\d\\.jar|session-recorder-.*SNAPSHOT\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("package the jar first"));
        }
    }
}
