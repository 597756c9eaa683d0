package io.otbroker.session;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One relayed session, live or past, as the history keeps it (table {@code session_history}). */
@Entity
@Table(name = "session_history")
public class SessionRecord extends PanacheEntityBase {

    /** The recording of a session still being written. */
    public static final String RECORDING_OPEN = "OPEN";
    /** Not verified yet (the session is live, or its verification still runs). */
    public static final String NOT_VERIFIED = "PENDING";

    /** The session's id, which is also its recording's id. */
    @Id
    public UUID id;

    @Column(name = "grant_id", nullable = false)
    public long grantId;

    @Column(nullable = false)
    public String vendor;

    @Column(nullable = false)
    public String asset;

    @Column(nullable = false)
    public String protocol;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "exit_status")
    public Integer exitStatus;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "bytes_to_asset", nullable = false)
    public long bytesToAsset;

    @Column(name = "bytes_from_asset", nullable = false)
    public long bytesFromAsset;

    /** OPEN while recorded, then the sealed state (COMPLETE, INCOMPLETE) or FAILED. */
    @Column(name = "recording_state", nullable = false)
    public String recordingState;

    /** PENDING, or the last verification's outcome: VERIFIED, TAMPERED, INCOMPLETE, BAD_SIGNATURE, MISSING. */
    @Column(nullable = false)
    public String verification;

    @Column(name = "verification_detail")
    public String verificationDetail;

    @Column(name = "verified_at")
    public Instant verifiedAt;
}
