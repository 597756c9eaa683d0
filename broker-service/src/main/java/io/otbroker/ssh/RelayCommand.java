package io.otbroker.ssh;

import io.otbroker.access.ActiveGrant;
import io.otbroker.audit.AuditEventType;
import io.otbroker.recorder.RecordingFailedException;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.asciicast.AsciicastWriter;
import io.otbroker.policy.SecurityLevel;
import io.otbroker.session.LiveSession;
import io.otbroker.session.SessionTraffic;
import io.otbroker.session.SupervisionGate;
import io.otbroker.session.Watchers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.client.channel.PtyCapableChannelSession;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.PtyChannelConfiguration;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSession;

/**
 * One relayed session: the vendor's shell or exec request, recorded, to the same request on the asset.
 * Fail closed: no recording (or no history row), no session; a recording that fails, a grant that ends or
 * an operator cuts it. Operators may watch it ({@link Watchers}, fed next to the recording).
 *
 * <p>Supervised zones (SL4): the session waits, telling the vendor, until an operator watches, and only
 * then connects to the asset. When the last operator stops watching, what the vendor types is held (not
 * lost, not forwarded) and the vendor told, until an operator watches again; if none does within
 * {@code otbroker.ssh.supervision-wait}, the session is cut. Why hold rather than cut at once: a watcher's
 * browser reloading must not kill the vendor's work, and nothing reaches the asset unsupervised meanwhile.
 */
final class RelayCommand implements Command {

    /** Exit status the vendor sees when the broker refuses or cuts the session. */
    private static final int REFUSED = 255;

    /** What the vendor reads when the recording fails mid-session. */
    private static final String UNRECORDABLE = "The session can no longer be recorded.";

    /** How long a cut waits for the vendor to take its last message. */
    private static final Duration NOTICE_TIMEOUT = Duration.ofSeconds(2);

    private final Relays relays;
    private final String command;
    private final UUID id = UUID.randomUUID();
    private final AtomicBoolean ended = new AtomicBoolean();
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private ServerSession session;
    private SshLogin login;
    private boolean pty;
    private volatile AsciicastWriter recording;
    private volatile ClientSession upstream;
    private volatile PtyCapableChannelSession channel;
    private volatile LiveSession live;
    private volatile boolean inHistory;
    private volatile boolean registered;
    private volatile boolean started;
    private VendorInput input;

    RelayCommand(Relays relays, String command) {
        this.relays = relays;
        this.command = command;
    }

    @Override
    public void start(ChannelSession vendorChannel, Environment env) throws IOException {
        input = VendorInput.takeOver(vendorChannel, in, id.toString());
        session = vendorChannel.getServerSession();
        login = session.getAttribute(SshLogin.KEY);
        // Only a pty-req sets COLUMNS: the client's env requests are limited to TERM and LANG (BastionChannel).
        pty = env.getEnv().containsKey(Environment.ENV_COLUMNS);
        FailClosed.open("otbroker-ssh-relay-" + id, () -> open(env), () -> end(REFUSED, FailClosed.FAILED_TO_OPEN));
    }

    private void open(Environment env) {
        if (login == null) {
            end(REFUSED, "Session refused.");
            return;
        }
        ActiveGrant grant = login.grant();
        if (!relays.grants.isActive(grant.grantId(), relays.clock.instant())) {
            end(REFUSED, "The grant is no longer active.");
            return;
        }
        if (startRecording(grant, env) && awaitSupervisor() && connect(grant, env) && goLive()) {
            // Why again: a revocation while the asset was being reached found no live session to cut.
            if (!relays.grants.isActive(grant.grantId(), relays.clock.instant())) {
                cut("The grant is no longer active.");
                return;
            }
            relays.audit.record(session, AuditEventType.SESSION_START, "session/" + id, Map.of("grant",
                    grant.grantId(), "asset", grant.assetName(), "recording", id.toString(),
                    "mode", command == null ? "shell" : "exec"));
            notice("Connected to " + grant.assetName() + " through otbroker. The grant ends at " + grant.end()
                    + ". This session is recorded.");
            env.addSignalListener((vendorChannel, signal) -> resize(env), Signal.WINCH);
            input.connect(recording, live, channel);
            channel.addCloseFutureListener(closed -> assetClosed());
        }
    }

    /**
     * Marks the session live (registering it unless it waited for supervision) and arms its expiry warning,
     * unless it ended while connecting (the vendor left, or it was cut): then the asset's side and the
     * recording, opened meanwhile, are closed again (closing twice is harmless).
     */
    private boolean goLive() {
        synchronized (this) {
            if (!ended.get()) {
                started = true;
                relays.expiryWarnings.watch(id, live.grantEnd(), this::notice);
                return registered || register();
            }
        }
        upstream.close(true);
        closeRecording();
        return false;
    }

    /** Lists the session as live, so it is watched, cut on grant end and terminated; not once it has ended. */
    private synchronized boolean register() {
        if (ended.get()) {
            return false;
        }
        relays.liveSessions.add(live);
        registered = true;
        return true;
    }

    /** Starts the recording and the session's history row; refuses the session if either cannot be. */
    private boolean startRecording(ActiveGrant grant, Environment env) {
        int columns = dimension(env, Environment.ENV_COLUMNS, 80);
        int rows = dimension(env, Environment.ENV_LINES, 24);
        Map<String, String> term = Map.of("TERM", env.getEnv().getOrDefault(Environment.ENV_TERM, ""));
        try {
            recording = relays.recordings.startTerminal(new RecordingId(id), grant.grantId(), grant.vendor(),
                    grant.assetName(), columns, rows, term, (failedId, failure) -> cut(UNRECORDABLE));
        } catch (RecordingFailedException e) {
            refused("recording cannot be started");
            end(REFUSED, "Session refused: it cannot be recorded.");
            return false;
        }
        Instant now = relays.clock.instant();
        SupervisionGate gate = new SupervisionGate(grant.level().supervision() == SecurityLevel.Supervision.REQUIRED,
                relays.clock);
        live = new LiveSession(id, grant.grantId(), grant.vendor(), grant.assetName(), "SSH", now, grant.end(),
                this::cut, new SessionTraffic(), new Watchers(now, relays.clock, columns, rows,
                        grant.vendor() + " on " + grant.assetName(), term, gate));
        try {
            relays.history.opened(live);
            inHistory = true;
            return true;
        } catch (RuntimeException e) {
            // Fail closed: a session the history cannot list is not started (the database is down).
            refused("the session history cannot be written");
            end(REFUSED, "Session refused: the broker cannot record it now. The operators have been told.");
            return false;
        }
    }

    /** In a supervised zone: listed as live and waiting until an operator watches; true once one does. */
    private boolean awaitSupervisor() {
        SupervisionGate gate = live.watchers().gate();
        if (!gate.required()) {
            return true;
        }
        if (!register()) {
            return false;
        }
        relays.audit.record(session, AuditEventType.SESSION_SUPERVISION_WAIT, "session/" + id, Map.of("grant",
                live.grantId(), "asset", live.asset(), "longest", relays.supervisionWait.toString()));
        return new RelaySupervision(relays, gate, this::notice, this::cut).awaitFirstOperator();
    }

    private boolean connect(ActiveGrant grant, Environment env) {
        Optional<ClientSession> opened = relays.openUpstream(session, grant);
        if (opened.isPresent()) {
            upstream = opened.get();
            try {
                channel = createChannel(env);
                channel.setOut(new RecordedOutput(out, recording, live));
                channel.setErr(new RecordedOutput(err, recording, live));
                channel.open().verify(relays.channelTimeout);
                return true;
            } catch (IOException | RuntimeException e) {
                refused("the asset refused the session channel");
            }
        }
        end(REFUSED, "Session refused: the asset cannot be reached safely. The operators have been told.");
        return false;
    }

    private PtyCapableChannelSession createChannel(Environment env) throws IOException {
        PtyChannelConfiguration ptyConfig = new PtyChannelConfiguration();
        if (pty) {
            ptyConfig.setPtyType(env.getEnv().getOrDefault(Environment.ENV_TERM, "xterm"));
            ptyConfig.setPtyColumns(dimension(env, Environment.ENV_COLUMNS, 80));
            ptyConfig.setPtyLines(dimension(env, Environment.ENV_LINES, 24));
            ptyConfig.setPtyModes(env.getPtyModes());
        }
        Map<String, String> lang = env.getEnv().containsKey("LANG") ? Map.of("LANG", env.getEnv().get("LANG")) : Map.of();
        PtyCapableChannelSession created = command == null ? upstream.createShellChannel(ptyConfig, lang)
                : upstream.createExecChannel(command, ptyConfig, lang);
        created.setUsePty(pty);
        return created;
    }

    private void resize(Environment env) {
        int columns = dimension(env, Environment.ENV_COLUMNS, 80);
        int rows = dimension(env, Environment.ENV_LINES, 24);
        try {
            recording.resize(columns, rows);
            live.watchers().resize(columns, rows);
            channel.sendWindowChange(columns, rows);
        } catch (IOException | RecordingFailedException e) {
            // A failed recording is cut by its listener; a failed window change ends with the channel.
        }
    }

    private void assetClosed() {
        if (recording.hasFailed()) {
            // The relay stops passing output once the recording fails, which may close the asset's channel
            // before the failure listener's cut arrives: the vendor is told why all the same.
            cut(UNRECORDABLE);
            return;
        }
        Integer status = channel.getExitStatus();
        // Without an exit status the asset went away (or never says): the vendor is told, not left guessing.
        end(status == null ? REFUSED : status, status == null ? "The asset ended the session." : null,
                "the asset ended the session");
    }

    /** Ends the session from outside (grant ended, operator, failed recording), telling the vendor why. */
    void cut(String message) {
        end(REFUSED, message);
    }

    private void end(int status, String message) {
        end(status, message, message);
    }

    /** Ends once: tells the vendor {@code message} (if any), closes the asset's side, seals and audits. */
    private void end(int status, String message, String reason) {
        synchronized (this) {
            if (ended.getAndSet(true)) {
                return;
            }
        }
        if (input != null) {
            input.end();
        }
        if (message != null) {
            tellWithin(NOTICE_TIMEOUT, recordNotice(message));
        }
        if (upstream != null) {
            upstream.close(true);
        }
        relays.expiryWarnings.forget(id);
        if (live != null) {
            live.watchers().close("the session ended");
        }
        String recordingState = closeRecording();
        try {
            if (registered) {
                relays.liveSessions.remove(id);
            }
            recordEnd(status, reason, recordingState);
        } finally {
            // Whatever the audit log says, the vendor's channel closes.
            exit.onExit(status, message == null ? "" : message);
        }
    }

    /** Audits the end (a session that never reached the asset: as refused) and completes its history row. */
    private void recordEnd(int status, String reason, String recordingState) {
        if (started) {
            relays.audit.record(session, AuditEventType.SESSION_END, "session/" + id, Map.of("grant",
                    login.grant().grantId(), "recording", id.toString(), "recordingState", recordingState,
                    "exitStatus", status, "reason", reason));
        } else if (registered) {
            refused(reason == null ? "the session ended before it reached the asset" : reason);
        }
        if (inHistory) {
            relays.history.ended(live, status, reason, recordingState);
            relays.verification.verifySoon(id);
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

    /** Tells the vendor {@code text}; recorded and shown to watchers like everything the vendor sees. */
    private void notice(String text) {
        tellVendor(recordNotice(text));
    }

    /** Records {@code text} as the vendor will see it and shows it to watchers; returns the line to send. */
    private byte[] recordNotice(String text) {
        byte[] line = ("otbroker: " + text + (pty ? "\r\n" : "\n")).getBytes(StandardCharsets.UTF_8);
        try {
            if (recording != null) {
                recording.output(line);
            }
        } catch (RecordingFailedException e) {
            // A failed recording is cut by its listener; the vendor is told all the same.
        }
        if (live != null) {
            live.watchers().notice("otbroker: " + text + "\r\n");
        }
        return line;
    }

    /**
     * Tells the vendor before the asset leg closes (closing it closes the vendor's streams), but waits at most
     * {@code timeout}: a vendor who does not read must not hold the asset or an unsealed recording open.
     */
    private void tellWithin(Duration timeout, byte[] line) {
        Thread teller = Thread.ofVirtual().name("otbroker-ssh-notice-" + id).start(() -> tellVendor(line));
        try {
            teller.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tellVendor(byte[] line) {
        try {
            err.write(line);
            err.flush();
        } catch (IOException e) {
            // The vendor is gone; nothing to tell.
        }
    }

    private void refused(String reason) {
        relays.refused(session, login.grant(), reason);
    }

    /** A terminal dimension the client sent; clients without a terminal send 0, which no recording can show. */
    private static int dimension(Environment env, String name, int fallback) {
        try {
            int value = Integer.parseInt(env.getEnv().getOrDefault(name, String.valueOf(fallback)));
            return value > 0 ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public void destroy(ChannelSession vendorChannel) {
        end(REFUSED, null, "the vendor closed the session");
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }
}
