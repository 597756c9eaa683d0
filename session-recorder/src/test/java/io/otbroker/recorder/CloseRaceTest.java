package io.otbroker.recorder;

import io.otbroker.recorder.chain.Manifest;
import io.otbroker.recorder.chain.RecordUnit;
import io.otbroker.recorder.chain.RecordingVerifier;
import io.otbroker.recorder.chain.SegmentInputStream;
import io.otbroker.recorder.chain.SegmentPolicy;
import io.otbroker.recorder.chain.Verdict;
import io.otbroker.recorder.store.FileSystemRecordingStore;
import io.otbroker.recorder.store.RecordingSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Relay threads appending while the session closes: an append either throws {@link RecordingFailedException}
 * (the relay must not forward) or its unit is in the sealed recording. Nothing returns normally unrecorded.
 */
class CloseRaceTest {

    private static final int ROUNDS = 40;
    private static final int RELAY_THREADS = 8;

    @TempDir
    Path root;

    @Test
    void everyAcceptedUnitIsInTheSealedRecording() throws Exception {
        FileSystemRecordingStore store = new FileSystemRecordingStore(root);
        Recorder recorder = TestRecordings.recorder(store, new MutableClock(TestRecordings.START), tinyQueue());
        for (int round = 0; round < ROUNDS; round++) {
            RecordingId id = RecordingId.random();
            ActiveRecording recording = recorder.start(TestRecordings.metadata(id, RecordingFormat.ASCIICAST),
                    RecordingFailureListener.NONE);
            recording.append(line("{\"version\": 2, \"width\": 80, \"height\": 24}"));
            Set<String> accepted = appendWhileClosing(recording);

            Manifest manifest = recording.close();
            RecordingSource sealed = store.sealed(id);
            Verdict verdict = RecordingVerifier.verify(sealed, id, TestRecordings.brokerKeys().getPublic());
            assertEquals(Verdict.Outcome.VERIFIED, verdict.outcome(), verdict.describe());
            Set<String> recorded = recordedLines(sealed, manifest);
            List<String> lost = accepted.stream().filter(unit -> !recorded.contains(unit)).toList();
            assertTrue(lost.isEmpty(), "round " + round + ": append returned normally but not recorded: " + lost);
        }
    }

    /** Starts the relay threads, closes once they are all appending, and returns what they were told was taken. */
    private static Set<String> appendWhileClosing(ActiveRecording recording) throws InterruptedException {
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        CountDownLatch appending = new CountDownLatch(RELAY_THREADS);
        List<Thread> relays = new ArrayList<>();
        for (int t = 0; t < RELAY_THREADS; t++) {
            int thread = t;
            relays.add(Thread.ofPlatform().start(() -> relay(recording, thread, appending, accepted, unexpected)));
        }
        appending.await();
        recording.close();
        for (Thread relay : relays) {
            relay.join();
        }
        assertTrue(unexpected.isEmpty(), "only RecordingFailedException may stop a relay: " + unexpected);
        return new HashSet<>(accepted);
    }

    private static void relay(ActiveRecording recording, int thread, CountDownLatch appending,
                              ConcurrentLinkedQueue<String> accepted, ConcurrentLinkedQueue<Throwable> unexpected) {
        try {
            for (int n = 0; ; n++) {
                String event = "[0.0, \"o\", \"t" + thread + "-" + n + "\"]";
                recording.append(line(event));
                accepted.add(event);
                if (n == 0) {
                    appending.countDown();
                }
            }
        } catch (RecordingFailedException closed) {
            appending.countDown();
        } catch (RuntimeException other) {
            unexpected.add(other);
            appending.countDown();
        }
    }

    private static Set<String> recordedLines(RecordingSource sealed, Manifest manifest) throws IOException {
        try (InputStream in = new SegmentInputStream(sealed, manifest.chain(), 0, 0)) {
            return Set.copyOf(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
    }

    /** A queue with room for about two units, so relays often wait for room while the end marker is queued. */
    private static RecorderSettings tinyQueue() {
        return new RecorderSettings(new SegmentPolicy(4096, Duration.ofSeconds(60)), Duration.ofSeconds(5),
                2 * (UnitQueue.UNIT_OVERHEAD + 32), Duration.ofSeconds(5));
    }

    private static RecordUnit line(String json) {
        return new RecordUnit((json + "\n").getBytes(StandardCharsets.UTF_8), 0, false, 80, 24);
    }
}
