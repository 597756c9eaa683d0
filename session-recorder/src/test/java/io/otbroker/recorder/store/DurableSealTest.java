package io.otbroker.recorder.store;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.TestRecordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sealing makes the rename durable: the directories that changed are forced to disk after the move. */
class DurableSealTest {

    @TempDir
    Path root;

    @Test
    void sealForcesTheRecordingAndBothAreasAfterTheMove() throws Exception {
        List<Path> forced = new ArrayList<>();
        ChannelOpener watching = (path, options) -> {
            SeekableByteChannel channel = ChannelOpener.FILES.open(path, options);
            if (Files.isDirectory(path) && channel instanceof FileChannel) {
                forced.add(root.relativize(path));
            }
            return channel;
        };
        RecordingId id = TestRecordings.TERMINAL_ID;
        RecordingDraft draft = new FileSystemRecordingStore(root, watching, PageCacheAdvice.NONE).create(id);

        draft.seal(new byte[] {'{', '}'}, new byte[] {1});

        assertTrue(Files.isDirectory(root.resolve("sealed").resolve(id.toString())));
        assertEquals(List.of(Path.of("open", id.toString()), Path.of("sealed"), Path.of("open")), forced,
                "the recording's own entries before the move, then the new and the old parent");
    }

    @Test
    void sealingOnAFileSystemWithoutDirectoryChannelsStillWorks() throws Exception {
        try (FileSystem memory = Jimfs.newFileSystem(Configuration.unix())) {
            Path jimfsRoot = memory.getPath("/recordings");
            FileSystemRecordingStore store = new FileSystemRecordingStore(jimfsRoot);
            RecordingId id = RecordingId.random();
            store.create(id).seal(new byte[] {'{', '}'}, new byte[] {1});
            assertEquals(Optional.of(1), store.sealed(id).signature().map(signature -> signature.length));
            assertTrue(Files.notExists(jimfsRoot.resolve("open").resolve(id.toString())));
        }
    }

    @Test
    void onThePlatformFileSystemAFailureToForceADirectoryFailsTheSeal() throws Exception {
        ChannelOpener brokenDirectories = (path, options) -> {
            if (Files.isDirectory(path) && options.equals(Set.of(StandardOpenOption.READ))) {
                throw new FileSystemException(path.toString(), null, "injected");
            }
            return ChannelOpener.FILES.open(path, options);
        };
        RecordingDraft draft = new FileSystemRecordingStore(root, brokenDirectories, PageCacheAdvice.NONE)
                .create(RecordingId.random());
        assertThrows(FileSystemException.class,
                () -> draft.seal(new byte[] {'{', '}'}, new byte[] {1}));
    }
}
