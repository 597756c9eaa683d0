package io.otbroker.recorder.store;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.otbroker.recorder.RecordingId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Closed segments are let go of the page cache, on Linux for real; the bytes stay as written. */
class PageCacheAdviceTest {

    private static final int MIB = 1024 * 1024;

    @TempDir
    Path root;

    @Test
    void eachSegmentIsAdvisedOnceClosedAndNothingElseIs() throws Exception {
        List<Path> advised = new ArrayList<>();
        PageCacheAdvice recording = file -> advised.add(root.relativize(file));
        RecordingId id = RecordingId.random();
        RecordingDraft draft = new FileSystemRecordingStore(root, ChannelOpener.FILES, recording).create(id);

        SegmentSink segment = draft.createSegment(0);
        segment.write(ByteBuffer.wrap("first".getBytes()));
        segment.force();
        assertEquals(List.of(), advised, "an open segment is still being written");
        segment.close();
        draft.appendJournal("{}");
        draft.seal(new byte[] {'{', '}'}, new byte[] {1});

        assertEquals(List.of(Path.of("open", id.toString(), RecordingParts.segment(0))), advised,
                "the closed segment only: journal, manifest and signature are small and read at once");
        assertEquals("first", Files.readString(root.resolve("sealed").resolve(id.toString())
                .resolve(RecordingParts.segment(0))), "the segment reads back as written");
    }

    @Test
    void onLinuxWithJava22TheCachedPagesOfAFileAreDroppedAndItsBytesKept() throws Exception {
        PageCacheAdvice platform = PageCacheAdvice.forThisPlatform();
        if (!"Linux".equals(System.getProperty("os.name")) || Runtime.version().feature() < 22) {
            assertSame(PageCacheAdvice.NONE, platform, "no advice without Linux and the foreign-function API");
            return;
        }
        assertNotSame(PageCacheAdvice.NONE, platform,
                "Linux and Java 22+: the native advice must load (is the module built by a JDK 22 or newer?)");
        Path file = root.resolve("segment");
        byte[] block = new byte[MIB];
        Arrays.fill(block, (byte) 'x');
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int i = 0; i < 64; i++) {
                block[0] = (byte) i;
                written.update(block);
                channel.write(ByteBuffer.wrap(block));
            }
            channel.force(false);
        }
        long cachedBefore = cachedKiB();

        assertTrue(platform.dropCached(file), "posix_fadvise accepted the advice");

        long dropped = cachedBefore - cachedKiB();
        assertTrue(dropped >= 32 * 1024,
                "the page cache shrank by most of the 64 MiB file, not by " + dropped + " KiB");
        assertArrayEquals(written.digest(), MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)),
                "the file reads back as written");
    }

    @Test
    void aMissingFileOrAnotherFileSystemIsNotAdvised() throws IOException {
        PageCacheAdvice platform = PageCacheAdvice.forThisPlatform();
        assertFalse(platform.dropCached(root.resolve("absent")));
        try (FileSystem memory = Jimfs.newFileSystem(Configuration.unix())) {
            Path inMemory = Files.writeString(memory.getPath("/segment"), "kept");
            assertFalse(platform.dropCached(inMemory));
            assertEquals("kept", Files.readString(inMemory));
        }
    }

    /** The page cache's size now, from /proc/meminfo ("Cached:", in KiB). */
    private static long cachedKiB() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("Cached:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst().orElseThrow();
    }
}
