package io.otbroker.recording;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.store.FileSystemRecordingStore;
import io.otbroker.recorder.store.RecordingDraft;
import io.otbroker.recorder.store.RecordingSource;
import io.otbroker.recorder.store.RecordingStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The broker's recordings in tests: on the configured directory as in production, except the recordings a
 * test sends to a small in-memory disk (Jimfs with a size limit) that it can fill up, a real "no space left"
 * for the recorder. Replaces the production storage for every test in the JVM; tests that do not ask for
 * the small disk see no difference.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class SmallDiskRecordingStorage extends RecordingStorage {

    private static final long SMALL_DISK_SIZE = 64L * 1024 * 1024;

    private final FileSystem smallDisk = Jimfs.newFileSystem(Configuration.unix().toBuilder()
            .setMaxSize(SMALL_DISK_SIZE).build());
    private volatile boolean nextOnSmallDisk;

    @Override
    public RecordingStore open() throws IOException {
        return new Routing(super.open(), new FileSystemRecordingStore(smallDisk.getPath("/recordings")));
    }

    /** The next recording started goes to the small disk. */
    public void recordNextOnSmallDisk() {
        nextOnSmallDisk = true;
    }

    /** Takes every free byte of the small disk. */
    public void fillSmallDisk() throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream filler = Files.newOutputStream(filler())) {
            while (true) {
                filler.write(block);
            }
        } catch (IOException full) {
            // no space left, as intended
        }
    }

    /** Gives the space back. */
    public void freeSmallDisk() throws IOException {
        Files.deleteIfExists(filler());
    }

    private Path filler() {
        return smallDisk.getPath("/filler");
    }

    /** Sends each recording to one of two stores and finds it there again. */
    private final class Routing implements RecordingStore {
        private final RecordingStore usual;
        private final RecordingStore small;
        private final Set<RecordingId> onSmallDisk = ConcurrentHashMap.newKeySet();

        Routing(RecordingStore usual, RecordingStore small) {
            this.usual = usual;
            this.small = small;
        }

        @Override
        public RecordingDraft create(RecordingId id) throws IOException {
            if (!nextOnSmallDisk) {
                return usual.create(id);
            }
            nextOnSmallDisk = false;
            onSmallDisk.add(id);
            return small.create(id);
        }

        @Override
        public List<RecordingId> abandoned() throws IOException {
            return Stream.concat(usual.abandoned().stream(), small.abandoned().stream()).toList();
        }

        @Override
        public RecordingDraft resume(RecordingId id) throws IOException {
            return storeOf(id).resume(id);
        }

        @Override
        public RecordingSource sealed(RecordingId id) throws IOException {
            return storeOf(id).sealed(id);
        }

        private RecordingStore storeOf(RecordingId id) {
            return onSmallDisk.contains(id) ? small : usual;
        }
    }
}
