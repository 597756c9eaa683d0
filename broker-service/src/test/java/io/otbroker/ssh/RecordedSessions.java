package io.otbroker.ssh;

import io.otbroker.audit.AuditEvent;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.asciicast.AsciicastEvent;
import io.otbroker.recorder.asciicast.AsciicastReader;
import io.otbroker.recorder.chain.ManifestCodec;
import io.otbroker.recorder.store.RecordingSource;
import java.io.IOException;
import java.util.Optional;

/** Reads back what the broker recorded of a session. */
public final class RecordedSessions {

    private RecordedSessions() {}

    /** The recording a {@code session.end} (or {@code session.start}) event names: its subject is {@code session/ID}. */
    public static RecordingId recordingOf(AuditEvent sessionEvent) {
        return RecordingId.parse(sessionEvent.subject.substring("session/".length()));
    }

    /** The data of every event of {@code type} in a recording, concatenated. */
    public static String text(RecordingSource source, AsciicastEvent.Type type) throws IOException {
        StringBuilder text = new StringBuilder();
        try (AsciicastReader reader = AsciicastReader.open(source, ManifestCodec.fromJson(source.manifest().orElseThrow()))) {
            for (Optional<AsciicastEvent> event = reader.next(); event.isPresent(); event = reader.next()) {
                if (event.get().type() == type) {
                    text.append(event.get().data());
                }
            }
        }
        return text.toString();
    }
}
