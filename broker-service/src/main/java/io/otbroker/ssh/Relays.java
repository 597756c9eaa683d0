package io.otbroker.ssh;

import io.otbroker.access.ActiveGrant;
import io.otbroker.access.ActiveGrants;
import io.otbroker.asset.Protocol;
import io.otbroker.audit.AuditEventType;
import io.otbroker.recording.RecordingVerification;
import io.otbroker.recording.SessionRecordings;
import io.otbroker.session.ExpiryWarnings;
import io.otbroker.session.LiveSessions;
import io.otbroker.session.SessionHistory;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes the relay commands of the front door's shell and exec requests, with what they need. */
// Created at start-up on a Quarkus thread: first created on one of MINA's I/O threads, a bean would
// read its configuration through the wrong class loader in the packaged broker.
@Startup
@ApplicationScoped
public class Relays {

    @Inject
    SessionRecordings recordings;

    @Inject
    UpstreamClient upstream;

    @Inject
    LiveSessions liveSessions;

    @Inject
    ActiveGrants grants;

    @Inject
    SshAudit audit;

    @Inject
    Clock clock;

    @Inject
    SessionHistory history;

    @Inject
    RecordingVerification verification;

    @Inject
    ExpiryWarnings expiryWarnings;

    @ConfigProperty(name = "otbroker.ssh.upstream.connect-timeout")
    Duration channelTimeout;

    @ConfigProperty(name = "otbroker.ssh.supervision-wait")
    Duration supervisionWait;

    @ConfigProperty(name = "otbroker.ssh.supervision-reminder")
    Duration supervisionReminder;

    /** A relay of an interactive shell. */
    Command shell() {
        return new RelayCommand(this, null);
    }

    /**
     * A relay of {@code command}, run on the asset, or a refusal the vendor reads (audited as
     * {@code ssh.request_refused}): file-transfer programs always (they would bypass the SFTP relay's audit),
     * any command when the grant's conduit allows shells only.
     */
    Command exec(ChannelSession channel, String command) {
        ServerSession session = channel.getServerSession();
        ExecRequest request = new ExecRequest(command);
        if (request.isFileTransfer()) {
            return refuseExec(session, request, "file transfer outside SFTP",
                    "Files are transferred through SFTP only, where each file is audited. Use sftp, or scp without -O.");
        }
        SshLogin login = session.getAttribute(SshLogin.KEY);
        // Without a login (or a connect code) RelayCommand refuses the session itself, telling the vendor why.
        if (login != null && !grants.sessionRules(login.grant().grantId(), Protocol.SSH).execAllowed()) {
            return refuseExec(session, request, "the conduit allows interactive shells only",
                    "This asset's conduit allows interactive shells only: log in without a command.");
        }
        return new RelayCommand(this, command);
    }

    /** A new relayed session of {@code session} (the connection) in {@code mode}, e.g. {@code sftp}. */
    public RelayedSession newSession(ServerSession session, String mode) {
        return new RelayedSession(this, session, mode);
    }

    /**
     * Logs in to the grant's asset as the broker; empty when that fails, audited for the operators: a host key
     * other than the pinned one as {@code host_key.mismatch}, any other step as {@code session.refused} naming it.
     */
    Optional<ClientSession> openUpstream(ServerSession session, ActiveGrant grant) {
        try {
            return Optional.of(upstream.open(grant.assetId()));
        } catch (HostKeyMismatchException e) {
            audit.record(session, AuditEventType.HOST_KEY_MISMATCH, "asset/" + grant.assetId(), Map.of(
                    "reason", e.getMessage(), "presented", String.valueOf(e.presentedFingerprint())));
        } catch (UpstreamFailure e) {
            refused(session, grant, e.getMessage());
        }
        return Optional.empty();
    }

    /** Audits that a session under {@code grant} was refused and why; the vendor is told separately. */
    void refused(ServerSession session, ActiveGrant grant, String reason) {
        audit.record(session, AuditEventType.SESSION_REFUSED, "access-request/" + grant.grantId(),
                Map.of("reason", reason, "asset", grant.assetName()));
    }

    private Command refuseExec(ServerSession session, ExecRequest request, String reason, String message) {
        audit.record(session, AuditEventType.SSH_REQUEST_REFUSED, "ssh", Map.of("request", "exec",
                "name", request.program(), "reason", reason));
        return new RefusedCommand(message);
    }
}
