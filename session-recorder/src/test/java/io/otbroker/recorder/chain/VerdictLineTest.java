package io.otbroker.recorder.chain;

import io.otbroker.recorder.MutableClock;
import io.otbroker.recorder.RecordingFailureListener;
import io.otbroker.recorder.RecordingFormat;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.RecordingMetadata;
import io.otbroker.recorder.TestRecordings;
import io.otbroker.recorder.store.FileSystemRecordingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The verdict line names what was verified, and names from outside cannot steer the auditor's terminal. */
class VerdictLineTest {

    @TempDir
    Path root;

    @Test
    void controlAndBidiCharactersInNamesAreEscaped() throws Exception {
        RecordingId id = RecordingId.random();
        FileSystemRecordingStore store = new FileSystemRecordingStore(root);
        RecordingMetadata metadata = new RecordingMetadata(id, "g\"1", "eve\u001b[2J\u009b", "hmi\u202e1\\",
                RecordingFormat.ASCIICAST);
        TestRecordings.recorder(store, new MutableClock(TestRecordings.START), TestRecordings.smallSegments())
                .startAsciicast(metadata, 80, 24, "t", Map.of(), RecordingFailureListener.NONE).close();

        Verdict verdict = RecordingVerifier.verify(store.sealed(id), id, TestRecordings.brokerKeys().getPublic());

        assertEquals("VERIFIED: session " + id + ", grant \"g\\\"1\", vendor \"eve\\u001b[2J\\u009b\", "
                + "asset \"hmi\\u202e1\\\\\", 2026-01-02T03:04:05Z to 2026-01-02T03:04:05Z", verdict.describe());
    }
}
