package io.otbroker.recorder.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** A draft in the open area of a {@link FileSystemRecordingStore}: one directory that is renamed on sealing. */
final class FileSystemDraft extends DirectoryRecording implements RecordingDraft {

    private static final Set<OpenOption> CREATE_NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    private static final Set<OpenOption> APPEND =
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);

    private final Path sealedDirectory;
    private final ChannelOpener channels;
    private final PageCacheAdvice pageCache;

    FileSystemDraft(Path openDirectory, Path sealedDirectory, ChannelOpener channels, PageCacheAdvice pageCache) {
        super(openDirectory);
        this.sealedDirectory = sealedDirectory;
        this.channels = channels;
        this.pageCache = pageCache;
    }

    @Override
    public SegmentSink createSegment(int index) throws IOException {
        Path segment = part(RecordingParts.segment(index));
        return new SegmentFile(new ChannelSink(channels.open(segment, CREATE_NEW)), segment, pageCache);
    }

    @Override
    public void appendJournal(String line) throws IOException {
        if (line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("journal lines are single lines");
        }
        try (ChannelSink journal = new ChannelSink(channels.open(part(RecordingParts.JOURNAL), APPEND))) {
            journal.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            journal.force();
        }
    }

    @Override
    public List<String> journal() throws IOException {
        String text;
        try {
            text = Files.readString(part(RecordingParts.JOURNAL), StandardCharsets.UTF_8);
        } catch (NoSuchFileException absent) {
            return List.of();
        }
        List<String> lines = Arrays.asList(text.split("\n", -1));
        return List.copyOf(lines.subList(0, lines.size() - 1));
    }

    @Override
    public void truncateSegment(int index, long size) throws IOException {
        try (SeekableByteChannel channel = channels.open(part(RecordingParts.segment(index)),
                Set.of(StandardOpenOption.WRITE))) {
            channel.truncate(size);
            new ChannelSink(channel).force();
        }
    }

    @Override
    public void deleteSegment(int index) throws IOException {
        Files.delete(part(RecordingParts.segment(index)));
    }

    /**
     * Writes manifest and signature, forces them, then renames the directory into the sealed area with
     * {@code ATOMIC_MOVE}. Why atomic: a reader sees either an open draft or a complete sealed recording,
     * never a half-moved one; if the rename is not possible the call fails instead of copying. Why the
     * directories are forced too: a rename is durable only once both parent directories are on disk; without
     * that, a power cut right after sealing could bring back the open draft or lose the recording's entries.
     */
    @Override
    public void seal(byte[] manifest, byte[] signature) throws IOException {
        writeDurably(RecordingParts.MANIFEST, manifest);
        writeDurably(RecordingParts.SIGNATURE, signature);
        forceDirectory(directory());
        Files.move(directory(), sealedDirectory, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(sealedDirectory.getParent());
        forceDirectory(directory().getParent());
    }

    private void forceDirectory(Path directory) throws IOException {
        try (SeekableByteChannel channel = openDirectory(directory)) {
            if (channel instanceof FileChannel file) {
                file.force(true);
            }
        }
    }

    /**
     * Opens a directory for forcing, or returns null where that cannot be done. Why a failure is tolerated
     * only off the platform's file system: there a directory is a file on disk (Linux, where the broker runs)
     * and every error must fail the seal; another provider (Jimfs in tests, in memory) refuses to open a
     * directory as a channel ({@code FileSystemException: not a regular file}) and has no disk to reach.
     */
    private SeekableByteChannel openDirectory(Path directory) throws IOException {
        try {
            return channels.open(directory, Set.of(StandardOpenOption.READ));
        } catch (FileSystemException | UnsupportedOperationException noDirectoryChannels) {
            if (directory.getFileSystem() == FileSystems.getDefault()) {
                throw noDirectoryChannels;
            }
            return null;
        }
    }

    private void writeDurably(String name, byte[] content) throws IOException {
        Set<OpenOption> replace = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try (ChannelSink sink = new ChannelSink(channels.open(part(name), replace))) {
            sink.write(ByteBuffer.wrap(content));
            sink.force();
        }
    }

    /**
     * A segment: a closed one is never written again and was forced first ({@code SegmentedRecording}), so its
     * cached pages are let go ({@link PageCacheAdvice}).
     */
    private record SegmentFile(ChannelSink sink, Path path, PageCacheAdvice pageCache) implements SegmentSink {

        @Override
        public void write(ByteBuffer bytes) throws IOException {
            sink.write(bytes);
        }

        @Override
        public void force() throws IOException {
            sink.force();
        }

        @Override
        public void close() throws IOException {
            sink.close();
            pageCache.dropCached(path);
        }
    }

    /** A segment sink over a channel; {@code force} reaches the disk when the channel is a file channel. */
    private record ChannelSink(SeekableByteChannel channel) implements SegmentSink {

        @Override
        public void write(ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }

        @Override
        public void force() throws IOException {
            if (channel instanceof FileChannel file) {
                file.force(false);
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
