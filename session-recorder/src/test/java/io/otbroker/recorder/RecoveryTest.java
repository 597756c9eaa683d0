package io.otbroker.recorder;

import io.otbroker.recorder.asciicast.AsciicastEvent;
import io.otbroker.recorder.chain.Manifest;
import io.otbroker.recorder.chain.RecordUnit;
import io.otbroker.recorder.chain.RecordingVerifier;
import io.otbroker.recorder.chain.SegmentedRecording;
import io.otbroker.recorder.chain.Verdict;
import io.otbroker.recorder.store.FileSystemRecordingStore;
import io.otbroker.recorder.store.RecordingDraft;
import io.otbroker.recorder.store.RecordingParts;
import io.otbroker.recorder.store.RecordingSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recordings left open by a dead broker are sealed as INCOMPLETE with everything flushed intact. */
class RecoveryTest {

    @TempDir
    Path root;

    @Test
    void abandonedDraftWithTornTailIsTruncatedAndSealedIncomplete() throws Exception {
        FileSystemRecordingStore store = new FileSystemRecordingStore(root);
        RecordingId id = TestRecordings.TERMINAL_ID;
        RecordingDraft draft = store.create(id);
        draft.appendJournal(new DraftDescription(TestRecordings.metadata(id, RecordingFormat.ASCIICAST),
                TestRecordings.START).toJournalLine());
        SegmentedRecording segments = new SegmentedRecording(draft, TestRecordings.smallSegments().segments(), 5_000_000);
        segments.append(unit("{\"version\": 2, \"width\": 80, \"height\": 24}\n", 0, false));
        for (int i = 0; i < 40; i++) {
            segments.append(unit(new AsciicastEvent(i * 1_000_000L, AsciicastEvent.Type.OUTPUT, "event " + i)
                    .toJsonLine() + "\n", i * 1_000_000L, true));
        }
        segments.flush();
        int tail = store.resume(id).segmentIndexes().getLast();
        Files.writeString(root.resolve("open").resolve(id.toString()).resolve(RecordingParts.segment(tail)),
                "[40.000000, \"o\", \"torn wri", StandardOpenOption.APPEND);

        List<RecordingRecovery.Result> results = recorder(store).recoverAbandoned();

        Manifest manifest = results.getFirst().manifest().orElseThrow();
        assertEquals(Manifest.State.INCOMPLETE, manifest.state());
        assertEquals(TestRecordings.START.plusSeconds(39), manifest.end(), "ends at the last whole event");
        RecordingSource sealed = store.sealed(id);
        Verdict verdict = RecordingVerifier.verify(sealed, id, TestRecordings.brokerKeys().getPublic());
        assertEquals(Verdict.Outcome.INCOMPLETE, verdict.outcome(), verdict.describe());
        List<AsciicastEvent> events = RecordingRoundTripTest.readAll(sealed, manifest);
        assertEquals(40, events.size(), "every whole event kept, the torn one removed");
        assertEquals(8, manifest.chain().index().size(), "index rebuilt: a seek point every 5 s");
        assertTrue(store.abandoned().isEmpty());
    }

    @Test
    void unjournalledTailIsReadNoFurtherThanOneSegment() throws Exception {
        FileSystemRecordingStore store = new FileSystemRecordingStore(root);
        RecordingId id = TestRecordings.TERMINAL_ID;
        store.create(id).appendJournal(new DraftDescription(TestRecordings.metadata(id, RecordingFormat.ASCIICAST),
                TestRecordings.START).toJournalLine());
        StringBuilder oversized = new StringBuilder("{\"version\": 2, \"width\": 80, \"height\": 24}\n");
        for (int i = 0; oversized.length() < 64 * 1024; i++) {
            oversized.append(new AsciicastEvent(i * 1_000L, AsciicastEvent.Type.OUTPUT, "event " + i).toJsonLine()).append('\n');
        }
        Files.writeString(root.resolve("open").resolve(id.toString()).resolve(RecordingParts.segment(0)), oversized);

        Manifest manifest = recorder(store).recoverAbandoned().getFirst().manifest().orElseThrow();

        long limit = TestRecordings.smallSegments().segments().maxBytes();
        long kept = manifest.chain().totalSize();
        assertTrue(kept > 0 && kept <= limit, "kept " + kept + " of a tail longer than a segment (" + limit + ")");
        assertEquals(kept, store.sealed(id).segmentSize(0), "the rest is cut off as torn tail");
        assertEquals(Verdict.Outcome.INCOMPLETE,
                RecordingVerifier.verify(store.sealed(id), id, TestRecordings.brokerKeys().getPublic()).outcome());
    }

    @Test
    void brokerKilledMidRecordingIsRecoveredAtRestart() throws Exception {
        Process child = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                AbandonedRecordingMain.class.getName(), root.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals(AbandonedRecordingMain.READY, out.readLine());
        }
        Thread.sleep(300);
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed with SIGKILL, no shutdown hooks ran");

        FileSystemRecordingStore store = new FileSystemRecordingStore(root);
        RecordingRecovery.Result result = recorder(store).recoverAbandoned().getFirst();

        Manifest manifest = result.manifest().orElseThrow(() -> new AssertionError(result.problem()));
        RecordingSource sealed = store.sealed(result.id());
        assertEquals(Verdict.Outcome.INCOMPLETE,
                RecordingVerifier.verify(sealed, result.id(), TestRecordings.brokerKeys().getPublic()).outcome());
        List<AsciicastEvent> events = RecordingRoundTripTest.readAll(sealed, manifest);
        assertTrue(events.size() >= AbandonedRecordingMain.EVENTS_BEFORE_READY, "got " + events.size());
        for (int i = 0; i < events.size(); i++) {
            assertEquals("event " + i + "\r\n", events.get(i).data(), "no event lost or mangled before the kill");
        }
    }

    private static Recorder recorder(FileSystemRecordingStore store) {
        return TestRecordings.recorder(store, new MutableClock(TestRecordings.START.plus(Duration.ofHours(1))),
                TestRecordings.smallSegments());
    }

    private static RecordUnit unit(String line, long micros, boolean seekPoint) {
        return new RecordUnit(line.getBytes(StandardCharsets.UTF_8), micros, seekPoint, 80, 24);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
