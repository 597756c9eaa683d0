package io.otbroker.session;

import java.time.Instant;
import java.util.UUID;

/**
 * A session as the history shows it; {@code id} is also its recording's id.
 *
 * @param ended          null while it is live
 * @param endReason      why it ended, as audited
 * @param recordingState OPEN, COMPLETE, INCOMPLETE or FAILED
 * @param verification   the recording's last verification: status, what was found, when
 */
public record SessionHistoryView(UUID id, long grantId, String vendor, String asset, String protocol, Instant started,
        Instant ended, Integer exitStatus, String endReason, long bytesToAsset, long bytesFromAsset,
        String recordingState, Verification verification) {

    /** The outcome of the last verification of the recording against the broker's signing key. */
    public record Verification(String status, String detail, Instant verifiedAt) {}

    static SessionHistoryView of(SessionRecord row) {
        return new SessionHistoryView(row.id, row.grantId, row.vendor, row.asset, row.protocol, row.startedAt,
                row.endedAt, row.exitStatus, row.endReason, row.bytesToAsset, row.bytesFromAsset, row.recordingState,
                new Verification(row.verification, row.verificationDetail, row.verifiedAt));
    }
}
