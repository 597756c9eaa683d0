package io.otbroker.recorder;

import io.otbroker.recorder.asciicast.AsciicastWriter;
import io.otbroker.recorder.store.FileSystemRecordingStore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run in a child JVM by {@link RecoveryTest}: records a terminal session forever, announcing on stdout when
 * enough is written, until the test kills the process with SIGKILL.
 */
public final class AbandonedRecordingMain {

    static final String READY = "RECORDING";
    static final int EVENTS_BEFORE_READY = 200;

    private AbandonedRecordingMain() {
    }

    public static void main(String[] args) throws Exception {
        FileSystemRecordingStore store = new FileSystemRecordingStore(Path.of(args[0]));
        Recorder recorder = TestRecordings.recorder(store, new MutableClock(TestRecordings.START),
                TestRecordings.smallSegments());
        AsciicastWriter writer = recorder.startAsciicast(
                TestRecordings.metadata(RecordingId.random(), RecordingFormat.ASCIICAST), 80, 24, "killed",
                Map.of(), RecordingFailureListener.NONE);
        for (int i = 0; ; i++) {
            writer.output(("event " + i + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (i == EVENTS_BEFORE_READY) {
                Thread.sleep(200);
                System.out.println(READY);
                System.out.flush();
            }
            Thread.sleep(0, 200_000);
        }
    }
}
