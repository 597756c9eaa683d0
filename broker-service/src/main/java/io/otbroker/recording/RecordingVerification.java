package io.otbroker.recording;

import io.otbroker.audit.AuditEventType;
import io.otbroker.audit.AuditLog;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.chain.RecordingVerifier;
import io.otbroker.recorder.chain.Verdict;
import io.otbroker.recorder.store.RecordingSource;
import io.otbroker.session.SessionHistory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Verifies recordings against the broker's signing key and keeps the outcome in the session history.
 *
 * <p>When: once as soon as a recording is sealed, and again whenever an auditor asks. Why not on every
 * listing: verifying re-hashes the whole recording (gigabytes for a long session), so lists show the kept
 * outcome with its time; why at seal: a recording that is broken from the start (disk, bug) shows up at
 * once instead of when evidence is needed; why again on demand: files can be changed after sealing, and an
 * auditor must be able to check now. Seal-time checks run one at a time, off the session's threads.
 */
@ApplicationScoped
public class RecordingVerification {

    /** The outcome when the store has no sealed recording of that id (lost, or still open after a crash). */
    public static final String MISSING = "MISSING";

    private static final Logger LOG = Logger.getLogger(RecordingVerification.class);

    /** The outcome of one verification. */
    public record Result(UUID id, String status, String detail) {}

    @Inject
    SessionRecordings recordings;

    @Inject
    SessionHistory history;

    @Inject
    AuditLog audit;

    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("otbroker-recording-verify").factory());

    /** Verifies a just-sealed recording soon, on a background thread. */
    public void verifySoon(UUID id) {
        background.execute(() -> {
            try {
                verifyNow(id);
            } catch (RuntimeException e) {
                LOG.warnf("verifying recording %s failed: %s", id, e.getClass().getSimpleName());
            }
        });
    }

    /** Verifies recording {@code id} now, keeps and audits the outcome (the caller is the actor). */
    public Result verifyNow(UUID id) {
        Result result = verify(id);
        history.verified(id, result.status(), result.detail());
        audit.record(result.status().equals(Verdict.Outcome.VERIFIED.name()) ? AuditEventType.RECORDING_VERIFY
                : AuditEventType.RECORDING_VERIFY_FAILED, "recording/" + id,
                Map.of("outcome", result.status(), "detail", result.detail()));
        return result;
    }

    private Result verify(UUID id) {
        RecordingId recordingId = new RecordingId(id);
        Optional<RecordingSource> sealed = recordings.findSealed(recordingId);
        if (sealed.isEmpty()) {
            return new Result(id, MISSING, "no sealed recording in the store");
        }
        try {
            Verdict verdict = RecordingVerifier.verify(sealed.get(), recordingId, recordings.publicKey());
            return new Result(id, verdict.outcome().name(), verdict.describe());
        } catch (IOException e) {
            return new Result(id, MISSING, "a part of the recording cannot be read");
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
