package io.otbroker.recorder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The committed golden recordings are exactly what the recorder writes today for a fixed session, key and
 * clock. A format change shows up here as a diff. To accept an intended change, run once with
 * {@code -Dgolden.update=true} and review the diff of {@code src/test/resources/golden}.
 */
class GoldenFilesTest {

    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @TempDir
    Path root;

    @Test
    void terminalRecordingMatchesGoldenFiles() throws Exception {
        TestRecordings.recordTerminal(root);
        compareWithGolden(sealed(TestRecordings.TERMINAL_ID), GOLDEN.resolve("terminal"));
    }

    @Test
    void desktopRecordingMatchesGoldenFiles() throws Exception {
        TestRecordings.recordDesktop(root);
        compareWithGolden(sealed(TestRecordings.DESKTOP_ID), GOLDEN.resolve("desktop"));
    }

    private Path sealed(RecordingId id) {
        return root.resolve("sealed").resolve(id.toString());
    }

    private static void compareWithGolden(Path actual, Path golden) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden);
            for (Path part : names(actual)) {
                Files.copy(actual.resolve(part), golden.resolve(part), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        assertEquals(names(golden), names(actual));
        for (Path part : names(golden)) {
            assertArrayEquals(Files.readAllBytes(golden.resolve(part)), Files.readAllBytes(actual.resolve(part)),
                    part + " differs from the golden file");
        }
    }

    private static List<Path> names(Path directory) throws IOException {
        try (Stream<Path> parts = Files.list(directory)) {
            return parts.map(Path::getFileName).sorted().toList();
        }
    }
}
