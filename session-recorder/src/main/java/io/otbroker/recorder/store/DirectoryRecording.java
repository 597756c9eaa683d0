package io.otbroker.recorder.store;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * A recording laid out as one directory of parts (see {@link RecordingParts}). Used for sealed recordings in
 * the file-system store and by the offline verifier on a directory an auditor was handed.
 */
public class DirectoryRecording implements RecordingSource {

    private final Path directory;

    public DirectoryRecording(Path directory) {
        this.directory = directory;
    }

    protected Path part(String name) {
        return directory.resolve(name);
    }

    protected Path directory() {
        return directory;
    }

    @Override
    public List<Integer> segmentIndexes() throws IOException {
        try (Stream<Path> parts = Files.list(directory)) {
            return parts.map(path -> RecordingParts.segmentIndex(path.getFileName().toString()))
                    .filter(OptionalInt::isPresent)
                    .map(OptionalInt::getAsInt)
                    .sorted()
                    .toList();
        }
    }

    @Override
    public long segmentSize(int index) throws IOException {
        return Files.size(part(RecordingParts.segment(index)));
    }

    @Override
    public SeekableByteChannel openSegment(int index) throws IOException {
        return Files.newByteChannel(part(RecordingParts.segment(index)));
    }

    @Override
    public Optional<byte[]> manifest() throws IOException {
        return readOptional(RecordingParts.MANIFEST);
    }

    @Override
    public Optional<byte[]> signature() throws IOException {
        return readOptional(RecordingParts.SIGNATURE);
    }

    private Optional<byte[]> readOptional(String name) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(part(name)));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        }
    }
}
