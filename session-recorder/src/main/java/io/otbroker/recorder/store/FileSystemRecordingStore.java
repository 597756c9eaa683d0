package io.otbroker.recorder.store;

import io.otbroker.recorder.RecordingId;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A {@link RecordingStore} on a file system: {@code ROOT/open/ID/} for drafts, {@code ROOT/sealed/ID/}
 * for sealed recordings, each a directory of {@link RecordingParts}.
 *
 * <p>Why both areas share one root: sealing is a rename, which is only atomic within one file system.
 */
public final class FileSystemRecordingStore implements RecordingStore {

    private final Path openArea;
    private final Path sealedArea;
    private final ChannelOpener channels;
    private final PageCacheAdvice pageCache;

    /** A store under {@code root} (any {@link java.nio.file.FileSystem}); creates its areas if missing. */
    public FileSystemRecordingStore(Path root) throws IOException {
        this(root, ChannelOpener.FILES, PageCacheAdvice.forThisPlatform());
    }

    FileSystemRecordingStore(Path root, ChannelOpener channels, PageCacheAdvice pageCache) throws IOException {
        this.openArea = Files.createDirectories(root.resolve("open"));
        this.sealedArea = Files.createDirectories(root.resolve("sealed"));
        this.channels = channels;
        this.pageCache = pageCache;
    }

    @Override
    public RecordingDraft create(RecordingId id) throws IOException {
        if (Files.exists(sealedDirectory(id))) {
            throw new FileAlreadyExistsException("recording " + id + " is sealed already");
        }
        Files.createDirectory(openDirectory(id));
        return draft(id);
    }

    @Override
    public List<RecordingId> abandoned() throws IOException {
        try (Stream<Path> drafts = Files.list(openArea)) {
            return drafts.map(path -> path.getFileName().toString())
                    .filter(RecordingId::isValid)
                    .sorted()
                    .map(RecordingId::parse)
                    .toList();
        }
    }

    @Override
    public RecordingDraft resume(RecordingId id) throws IOException {
        if (!Files.isDirectory(openDirectory(id))) {
            throw new NoSuchFileException("no open recording " + id);
        }
        return draft(id);
    }

    @Override
    public RecordingSource sealed(RecordingId id) throws IOException {
        if (!Files.isDirectory(sealedDirectory(id))) {
            throw new NoSuchFileException("no sealed recording " + id);
        }
        return new DirectoryRecording(sealedDirectory(id));
    }

    private RecordingDraft draft(RecordingId id) {
        return new FileSystemDraft(openDirectory(id), sealedDirectory(id), channels, pageCache);
    }

    /** Why resolving is safe: {@link RecordingId#toString()} is a canonical UUID, never a path. */
    private Path openDirectory(RecordingId id) {
        return openArea.resolve(id.toString());
    }

    private Path sealedDirectory(RecordingId id) {
        return sealedArea.resolve(id.toString());
    }
}
