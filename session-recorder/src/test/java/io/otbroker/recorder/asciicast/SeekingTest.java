package io.otbroker.recorder.asciicast;

import io.otbroker.recorder.MutableClock;
import io.otbroker.recorder.RecorderSettings;
import io.otbroker.recorder.TestRecordings;
import io.otbroker.recorder.chain.Manifest;
import io.otbroker.recorder.store.DelegatingChannel;
import io.otbroker.recorder.store.FileSystemRecordingStore;
import io.otbroker.recorder.store.RecordingSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A player starts anywhere in a one-hour recording while reading only a small part of it. */
class SeekingTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration EVENT_EVERY = Duration.ofMillis(100);

    @TempDir
    static Path root;
    private static RecordingSource recording;
    private static Manifest manifest;

    @BeforeAll
    static void recordOneHour() throws Exception {
        FileSystemRecordingStore store = new FileSystemRecordingStore(root);
        MutableClock clock = new MutableClock(TestRecordings.START);
        AsciicastWriter writer = TestRecordings.startTerminal(
                TestRecordings.recorder(store, clock, RecorderSettings.defaults()), TestRecordings.TERMINAL_ID);
        for (long i = 1; i <= HOUR.dividedBy(EVENT_EVERY); i++) {
            clock.advance(EVENT_EVERY);
            if (i == 18_000) {
                writer.resize(132, 43);
            }
            writer.output(("tick " + i + " of the plant's alarm log, all values nominal\r\n").getBytes(StandardCharsets.UTF_8));
        }
        manifest = writer.close();
        recording = store.sealed(TestRecordings.TERMINAL_ID);
    }

    @Test
    void seekingToTheMiddleReadsAFewKilobytesOfMegabytes() throws Exception {
        CountingRecording counting = new CountingRecording(recording);
        List<AsciicastEvent> tenSeconds = readFrom(counting, Duration.ofMinutes(45), Duration.ofSeconds(10));

        assertTrue(manifest.chain().totalSize() > 2_500_000, "a big recording: " + manifest.chain().totalSize());
        assertTrue(counting.bytesRead.get() < 32 * 1024, "read only " + counting.bytesRead.get() + " bytes");
        AsciicastEvent first = tenSeconds.getFirst();
        assertTrue(first.timeMicros() <= Duration.ofMinutes(45).toNanos() / 1000, "starts at or before the offset");
        assertTrue(first.timeMicros() > Duration.ofMinutes(45).minusSeconds(5).toNanos() / 1000,
                "at most one index interval early");
        assertEquals("tick 26951 of the plant's alarm log, all values nominal\r\n", first.data());
    }

    @Test
    void seekingGivesTheTerminalSizeInForceThere() throws Exception {
        try (AsciicastReader early = AsciicastReader.from(recording, manifest, Duration.ofMinutes(10));
             AsciicastReader late = AsciicastReader.from(recording, manifest, Duration.ofMinutes(50))) {
            assertEquals(80, early.header().width());
            assertEquals(132, late.header().width());
            assertEquals(43, late.header().height());
        }
    }

    @Test
    void seekingBeforeTheFirstEventStartsAtTheBeginning() throws Exception {
        List<AsciicastEvent> events = readFrom(recording, Duration.ZERO, Duration.ofSeconds(1));
        assertEquals("tick 1 of the plant's alarm log, all values nominal\r\n", events.getFirst().data());
    }

    private static List<AsciicastEvent> readFrom(RecordingSource source, Duration offset, Duration span)
            throws IOException {
        long until = offset.plus(span).toNanos() / 1000;
        try (AsciicastReader reader = AsciicastReader.from(source, manifest, offset)) {
            List<AsciicastEvent> events = new ArrayList<>();
            Optional<AsciicastEvent> next;
            while ((next = reader.next()).isPresent() && next.get().timeMicros() <= until) {
                events.add(next.get());
            }
            return events;
        }
    }

    /** Counts every byte a reader pulls from the segments. */
    private record CountingRecording(RecordingSource delegate, AtomicLong bytesRead) implements RecordingSource {

        CountingRecording(RecordingSource delegate) {
            this(delegate, new AtomicLong());
        }

        @Override
        public List<Integer> segmentIndexes() throws IOException {
            return delegate.segmentIndexes();
        }

        @Override
        public long segmentSize(int index) throws IOException {
            return delegate.segmentSize(index);
        }

        @Override
        public SeekableByteChannel openSegment(int index) throws IOException {
            SeekableByteChannel channel = delegate.openSegment(index);
            return new CountingChannel(channel, bytesRead);
        }

        @Override
        public Optional<byte[]> manifest() throws IOException {
            return delegate.manifest();
        }

        @Override
        public Optional<byte[]> signature() throws IOException {
            return delegate.signature();
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingChannel extends DelegatingChannel {

        private final AtomicLong bytesRead;

        CountingChannel(SeekableByteChannel delegate, AtomicLong bytesRead) {
            super(delegate);
            this.bytesRead = bytesRead;
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            int read = super.read(target);
            bytesRead.addAndGet(Math.max(read, 0));
            return read;
        }
    }
}
