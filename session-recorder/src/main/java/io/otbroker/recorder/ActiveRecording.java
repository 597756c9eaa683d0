package io.otbroker.recorder;

import io.otbroker.recorder.chain.ChainSummary;
import io.otbroker.recorder.chain.Manifest;
import io.otbroker.recorder.chain.RecordUnit;
import io.otbroker.recorder.store.RecordingDraft;

import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;

/**
 * One recording being written: the format writers put units in; {@link #close()} seals it.
 * Recording time is monotonic even if the injected clock steps back.
 */
public final class ActiveRecording {

    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final RecordingDraft draft;
    private final DraftDescription description;
    private final RecordingWriter writer;
    private final Sealer sealer;
    private final RecordingRecovery recovery;
    private final InstantSource clock;
    private long lastMicros;
    private Manifest sealed;

    ActiveRecording(RecordingDraft draft, DraftDescription description, RecordingWriter writer, Sealer sealer,
                    RecordingRecovery recovery, InstantSource clock) {
        this.draft = draft;
        this.description = description;
        this.writer = writer;
        this.sealer = sealer;
        this.recovery = recovery;
        this.clock = clock;
    }

    public RecordingId id() {
        return description.metadata().id();
    }

    /** Recording time: microseconds since the start, never less than the previous call returned. */
    public synchronized long elapsedMicros() {
        long now = Duration.between(description.start(), clock.instant()).toNanos() / 1000;
        lastMicros = Math.max(lastMicros, now);
        return lastMicros;
    }

    /** Queues an encoded unit; throws {@link RecordingFailedException} when the recording has failed. */
    public void append(RecordUnit unit) {
        writer.append(PendingUnit.of(unit));
    }

    /**
     * Queues a unit that the writer thread encodes, in order with every other unit; throws
     * {@link RecordingFailedException} when the recording has failed.
     */
    public void append(PendingUnit unit) {
        writer.append(unit);
    }

    public boolean hasFailed() {
        return writer.hasFailed();
    }

    /**
     * Writes what is queued and seals the recording as {@code COMPLETE}. If the recording had failed, it is
     * sealed as {@code INCOMPLETE} from what reached the disk (if the disk still allows), and the failure is
     * thrown: the caller must know that the recording is not whole. Closing again returns the same manifest.
     */
    public synchronized Manifest close() {
        if (sealed != null) {
            return sealed;
        }
        try {
            ChainSummary chain = writer.finish();
            sealed = sealer.seal(draft, description, clock.instant(), Manifest.State.COMPLETE, chain);
            return sealed;
        } catch (IOException sealFailed) {
            throw sealIncomplete(new RecordingFailedException("recording " + id() + " could not be sealed", sealFailed));
        } catch (RecordingFailedException failed) {
            throw sealIncomplete(failed);
        }
    }

    private RecordingFailedException sealIncomplete(RecordingFailedException failure) {
        if (!writer.awaitStopped(STOP_WAIT)) {
            return failure;
        }
        try {
            recovery.recover(id());
        } catch (IOException | RuntimeException stillFailing) {
            failure.addSuppressed(stillFailing);
        }
        return failure;
    }
}
