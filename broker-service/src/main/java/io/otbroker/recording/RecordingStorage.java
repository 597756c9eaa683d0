package io.otbroker.recording;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where the recordings store keeps its files: {@code otbroker.recordings.dir}, on any file system. */
@ApplicationScoped
public class RecordingStorage {

    @ConfigProperty(name = "otbroker.recordings.dir")
    Path directory;

    /** The store's root; its open and sealed areas live below it. */
    public Path root() {
        return directory;
    }
}
