package io.otbroker.recorder.store;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.otbroker.recorder.MutableClock;
import io.otbroker.recorder.RecorderSettings;
import io.otbroker.recorder.RecordingFailedException;
import io.otbroker.recorder.RecordingFailureListener;
import io.otbroker.recorder.RecordingFormat;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.TestRecordings;
import io.otbroker.recorder.asciicast.AsciicastWriter;
import io.otbroker.recorder.chain.RecordingVerifier;
import io.otbroker.recorder.chain.SegmentPolicy;
import io.otbroker.recorder.chain.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A recording that cannot be written fails at once and loudly; the broker is told so it can cut the session. */
class FailClosedTest {

    private static final byte[] KILOBYTE_OF_OUTPUT = "x".repeat(1023).concat("\n").getBytes();
    private static final int ENOUGH_TO_FILL_ANY_TEST_DISK = 100_000;

    @TempDir
    Path temp;

    private final CompletableFuture<RecordingFailedException> reported = new CompletableFuture<>();
    private final RecordingFailureListener listener = (id, failure) -> reported.complete(failure);

    @Test
    void diskRunningFullMidRecordingFailsTheRecording() throws Exception {
        try (FileSystem disk = Jimfs.newFileSystem(Configuration.unix().toBuilder().setMaxSize(256 * 1024).build())) {
            RecordingStore store = new FileSystemRecordingStore(disk.getPath("/recordings"));
            AsciicastWriter writer = start(store, settings(16 * 1024, 64 * 1024, Duration.ofSeconds(5)));

            RecordingFailedException thrown = writeUntilFailure(writer);

            assertSame(reported(), thrown, "the failure listener is told the failure the relay sees");
            assertInstanceOf(IOException.class, thrown.getCause());
            assertThrows(RecordingFailedException.class, () -> writer.output(KILOBYTE_OF_OUTPUT), "stays failed");
            assertThrows(RecordingFailedException.class, writer::close, "closing reports the failure too");
            assertThrows(RecordingFailedException.class, () -> start(store, settings(1024, 64 * 1024, Duration.ofSeconds(5))),
                    "a full disk refuses new recordings");
        }
    }

    @Test
    void injectedIoErrorFailsTheRecording() throws Exception {
        RecordingStore store = storeOver(FailingChannel.failingAfter(50_000));
        AsciicastWriter writer = start(store, settings(4096, 64 * 1024, Duration.ofSeconds(5)));

        RecordingFailedException thrown = writeUntilFailure(writer);

        assertEquals("injected I/O error", thrown.getCause().getMessage());
        assertSame(reported(), thrown);
        assertTrue(writer.hasFailed());
    }

    @Test
    void failureToStartRefusesTheSession() throws Exception {
        RecordingStore store = storeOver(FailingChannel.failingAfter(0));
        assertThrows(RecordingFailedException.class, () -> start(store, settings(4096, 64 * 1024, Duration.ofSeconds(5))));
    }

    @Test
    void stalledDiskFailsTheRecordingAfterTheConfiguredWait() throws Exception {
        CountDownLatch diskStalled = new CountDownLatch(1);
        ChannelOpener stalling = (path, options) -> {
            if (path.getFileName().toString().startsWith("segment-")) {
                awaitQuietly(diskStalled);
            }
            return ChannelOpener.FILES.open(path, options);
        };
        RecordingStore store = storeOver(stalling);
        AsciicastWriter writer = start(store, settings(4096, 4 * 1024, Duration.ofMillis(100)));
        try {
            RecordingFailedException thrown = writeUntilFailure(writer);
            assertTrue(thrown.getMessage().contains("queue full for 100 ms"), thrown.getMessage());
            assertSame(reported(), thrown);
        } finally {
            diskStalled.countDown();
        }
        assertThrows(RecordingFailedException.class, writer::close, "closing still reports the failure");
        Verdict sealed = RecordingVerifier.verify(store.sealed(writer.id()), writer.id(),
                TestRecordings.brokerKeys().getPublic());
        assertEquals(Verdict.Outcome.INCOMPLETE, sealed.outcome(), "what reached the disk is sealed as incomplete");
    }

    @Test
    void writtenDataIsIntactWhenTheRecordingFailsLater() throws Exception {
        RecordingStore store = storeOver(FailingChannel.failingAfter(20_000));
        AsciicastWriter writer = start(store, settings(4096, 64 * 1024, Duration.ofSeconds(5)));
        writeUntilFailure(writer);
        assertThrows(RecordingFailedException.class, writer::close);

        Path open = temp.resolve("open").resolve(writer.id().toString());
        assertTrue(Files.isDirectory(open), "left for start-up recovery, not deleted");
    }

    /** The failure the listener was told; it may be told a moment after the relay saw the exception. */
    private RecordingFailedException reported() throws Exception {
        return reported.get(5, TimeUnit.SECONDS);
    }

    private RecordingFailedException writeUntilFailure(AsciicastWriter writer) {
        for (int i = 0; i < ENOUGH_TO_FILL_ANY_TEST_DISK; i++) {
            try {
                writer.output(KILOBYTE_OF_OUTPUT);
            } catch (RecordingFailedException failed) {
                return failed;
            }
        }
        throw new AssertionError("the recording never failed");
    }

    private AsciicastWriter start(RecordingStore store, RecorderSettings settings) {
        MutableClock clock = new MutableClock(TestRecordings.START);
        return TestRecordings.recorder(store, clock, settings).startAsciicast(
                TestRecordings.metadata(RecordingId.random(), RecordingFormat.ASCIICAST), 80, 24, "t", Map.of(), listener);
    }

    private static RecorderSettings settings(long segmentBytes, long queueBytes, Duration maxWait) {
        return new RecorderSettings(new SegmentPolicy(segmentBytes, Duration.ofMinutes(1)), Duration.ofSeconds(5),
                queueBytes, maxWait);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A store in {@code temp} whose channels come from {@code channels}. */
    private RecordingStore storeOver(ChannelOpener channels) throws IOException {
        return new FileSystemRecordingStore(temp, channels, PageCacheAdvice.NONE);
    }
}
