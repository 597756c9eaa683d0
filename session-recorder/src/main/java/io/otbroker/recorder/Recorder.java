package io.otbroker.recorder;

import io.otbroker.recorder.asciicast.AsciicastHeader;
import io.otbroker.recorder.asciicast.AsciicastWriter;
import io.otbroker.recorder.chain.SegmentedRecording;
import io.otbroker.recorder.guac.GuacWriter;
import io.otbroker.recorder.sign.ManifestSigner;
import io.otbroker.recorder.store.RecordingDraft;
import io.otbroker.recorder.store.RecordingStore;

import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * Entry point for the broker: starts recordings in a store, signs them on close, and recovers the ones a
 * previous process left open.
 *
 * <p>Starting a recording throws {@link RecordingFailedException} if the store refuses (disk full, no
 * permission): the broker must then refuse the session, since it could not be recorded.
 */
public final class Recorder {

    private final RecordingStore store;
    private final Sealer sealer;
    private final InstantSource clock;
    private final RecorderSettings settings;
    private final RecordingRecovery recovery;

    public Recorder(RecordingStore store, ManifestSigner signer, InstantSource clock, RecorderSettings settings) {
        this.store = store;
        this.sealer = new Sealer(signer);
        this.clock = clock;
        this.settings = settings;
        this.recovery = new RecordingRecovery(store, sealer, settings);
    }

    /** Starts an asciicast recording of a terminal session; its header takes the start time from the clock. */
    public AsciicastWriter startAsciicast(RecordingMetadata metadata, int width, int height, String title,
                                          Map<String, String> env, RecordingFailureListener listener) {
        requireFormat(metadata, RecordingFormat.ASCIICAST);
        ActiveRecording recording = start(metadata, listener);
        Instant start = clock.instant();
        return new AsciicastWriter(recording, new AsciicastHeader(width, height, start.getEpochSecond(), title, env));
    }

    /** Starts a Guacamole recording of a remote-desktop session. */
    public GuacWriter startGuacamole(RecordingMetadata metadata, RecordingFailureListener listener) {
        requireFormat(metadata, RecordingFormat.GUACAMOLE);
        return new GuacWriter(start(metadata, listener));
    }

    /** Seals every recording left open by a previous process as {@code INCOMPLETE}; call once at start-up. */
    public List<RecordingRecovery.Result> recoverAbandoned() throws IOException {
        return recovery.recoverAbandoned();
    }

    ActiveRecording start(RecordingMetadata metadata, RecordingFailureListener listener) {
        DraftDescription description = new DraftDescription(metadata, clock.instant());
        try {
            RecordingDraft draft = store.create(metadata.id());
            draft.appendJournal(description.toJournalLine());
            SegmentedRecording segments =
                    new SegmentedRecording(draft, settings.segments(), settings.indexIntervalMicros());
            RecordingWriter writer = new RecordingWriter(metadata.id(), segments, settings, listener);
            return new ActiveRecording(draft, description, writer, sealer, recovery, clock);
        } catch (IOException refused) {
            throw new RecordingFailedException("recording " + metadata.id() + " cannot be started: " + refused, refused);
        }
    }

    private static void requireFormat(RecordingMetadata metadata, RecordingFormat expected) {
        if (metadata.format() != expected) {
            throw new IllegalArgumentException("metadata says " + metadata.format() + ", expected " + expected);
        }
    }
}
