package io.otbroker.ssh;

import io.otbroker.access.ActiveGrant;
import io.otbroker.audit.AuditEventType;
import io.otbroker.recorder.RecordingFailedException;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.asciicast.AsciicastWriter;
import io.otbroker.session.LiveSession;
import io.otbroker.session.SessionTraffic;
import io.otbroker.session.SupervisionGate;
import io.otbroker.session.Watchers;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.server.session.ServerSession;

/**
 * The lifecycle every relayed session of the front door goes through, whatever it relays: admitted under
 * the connection's grant while it is active, recorded, connected to the asset, registered as live (so that
 * revocation, expiry and operators cut it) and audited at start and, exactly once, at its end.
 * Fail closed at each step: no recording or no safe upstream, no session.
 */
public final class RelayedSession {

    private final Relays relays;
    private final ServerSession session;
    private final SshLogin login;
    private final String mode;
    private final UUID id = UUID.randomUUID();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile LiveSession liveSession;
    private volatile AsciicastWriter recording;
    private volatile ClientSession upstream;

    RelayedSession(Relays relays, ServerSession session, String mode) {
        this.relays = relays;
        this.session = session;
        this.login = session.getAttribute(SshLogin.KEY);
        this.mode = mode;
    }

    /** The session's id, also its recording's id. */
    public UUID id() {
        return id;
    }

    /** The grant the connection logged in with; null only for a connection that never logged in. */
    public ActiveGrant grant() {
        return login == null ? null : login.grant();
    }

    /** The recording, once {@link #startRecording started}. */
    public AsciicastWriter recording() {
        return recording;
    }

    /**
     * Empty when the session may open now, else what to tell the vendor. Why checked again although the
     * login checked the grant: a connection outlives the moment of login, the grant may have ended since.
     */
    public Optional<String> refusal() {
        // SL3/SL4 connect codes were asked at login (TwoStepUserAuth): no channel opens before they are proven.
        if (login == null) {
            return Optional.of("Session refused.");
        }
        if (!relays.grants.isActive(login.grant().grantId(), relays.clock.instant())) {
            return Optional.of("The grant is no longer active.");
        }
        return Optional.empty();
    }

    /**
     * Starts the recording; false (the refusal audited) when it cannot be started. {@code onFailure} is told
     * when a started recording fails later: the owner must then cut the session.
     */
    public boolean startRecording(int columns, int rows, Map<String, String> env, LiveSession.Cutter onFailure) {
        ActiveGrant grant = login.grant();
        try {
            recording = relays.recordings.startTerminal(new RecordingId(id), grant.grantId(), grant.vendor(),
                    grant.assetName(), columns, rows, env,
                    (failedId, failure) -> onFailure.cut("The session can no longer be recorded."));
            return true;
        } catch (RecordingFailedException e) {
            refused("recording cannot be started");
            return false;
        }
    }

    /** Logs in to the asset as the broker; empty when it cannot be reached safely (audited: {@link Relays#openUpstream}). */
    public Optional<ClientSession> connect() {
        upstream = relays.openUpstream(session, login.grant()).orElse(null);
        return Optional.ofNullable(upstream);
    }

    /**
     * Registers the session as live and audits its start, unless it ended while connecting (the vendor left,
     * or it was cut): then the asset's side and the recording, opened meanwhile, are closed and false returned.
     */
    public boolean goLive(LiveSession.Cutter cutter) {
        ActiveGrant grant = login.grant();
        Instant now = relays.clock.instant();
        LiveSession session = new LiveSession(id, grant.grantId(), grant.vendor(), grant.assetName(), "SSH", now,
                grant.end(), cutter, new SessionTraffic(), new Watchers(now, relays.clock, 80, 24,
                        grant.vendor() + " on " + grant.assetName() + " (" + mode + ")", Map.of(),
                        new SupervisionGate(false, relays.clock)));
        try {
            relays.history.opened(session);
        } catch (RuntimeException e) {
            // Fail closed: a session the history cannot list is not started (the database is down).
            refused("the session history cannot be written");
            closeUpstream();
            closeRecording();
            return false;
        }
        synchronized (this) {
            if (!ended.get()) {
                liveSession = session;
                relays.liveSessions.add(session);
            }
        }
        if (liveSession == null) {
            relays.history.ended(session, -1, "ended while connecting", closeRecording());
            closeUpstream();
            return false;
        }
        audit(AuditEventType.SESSION_START, "session/" + id, Map.of("grant", grant.grantId(), "asset",
                grant.assetName(), "recording", id.toString(), "mode", mode));
        return true;
    }

    /**
     * Ends the session once: {@code beforeClosing} runs first (to tell the vendor), then the asset's side is
     * closed, the recording sealed and, if it went live, the session forgotten and {@code session.end} audited.
     *
     * @return false when it had already ended (nothing done)
     */
    public boolean end(int exitStatus, String reason, Runnable beforeClosing) {
        synchronized (this) {
            if (ended.getAndSet(true)) {
                return false;
            }
        }
        try {
            beforeClosing.run();
        } finally {
            closeUpstream();
            String recordingState = closeRecording();
            if (liveSession != null) {
                relays.liveSessions.remove(id);
                audit(AuditEventType.SESSION_END, "session/" + id, Map.of("grant", login.grant().grantId(),
                        "recording", id.toString(), "recordingState", recordingState, "exitStatus", exitStatus,
                        "reason", reason));
                relays.history.ended(liveSession, exitStatus, reason, recordingState);
                relays.verification.verifySoon(id);
            }
        }
        return true;
    }

    /** Records {@code type} with the connection's vendor as actor and its source address. */
    public void audit(AuditEventType type, String subject, Map<String, ?> details) {
        relays.audit.record(session, type, subject, details);
    }

    /** Audits that the session was refused and why; the vendor is told separately. */
    public void refused(String reason) {
        relays.refused(session, login.grant(), reason);
    }

    /** Closes the broker's connection to the asset at once (again at the end: closing twice is harmless). */
    public void closeUpstream() {
        if (upstream != null) {
            upstream.close(true);
        }
    }

    private String closeRecording() {
        if (recording == null) {
            return "NONE";
        }
        try {
            return recording.close().state().name();
        } catch (RecordingFailedException e) {
            return "FAILED";
        }
    }
}
