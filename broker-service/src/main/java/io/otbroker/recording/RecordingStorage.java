package io.otbroker.recording;

import io.otbroker.recorder.store.FileSystemRecordingStore;
import io.otbroker.recorder.store.RecordingStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where recordings live: a file-system store under {@code otbroker.recordings.dir}. */
@ApplicationScoped
public class RecordingStorage {

    @ConfigProperty(name = "otbroker.recordings.dir")
    Path directory;

    /** Opens the store (creating its areas if missing); called once at start-up. */
    public RecordingStore open() throws IOException {
        return new FileSystemRecordingStore(directory);
    }
}
