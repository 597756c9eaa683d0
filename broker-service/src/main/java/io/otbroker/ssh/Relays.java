package io.otbroker.ssh;

import io.otbroker.access.ActiveGrants;
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
import java.util.function.Predicate;
import org.apache.sshd.server.command.Command;
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

    /**
     * Whether a login still lacks its one-time connect code (SL3/SL4), which refuses the session. The only
     * gate for those zones; a field so that tests of what follows the code (SL4 supervision) can pass it
     * until the front door asks for codes. Production code never changes it.
     */
    Predicate<SshLogin> lacksConnectCode = SshLogin::needsConnectCode;

    /** A relay of an interactive shell. */
    Command shell() {
        return new RelayCommand(this, null);
    }

    /** A relay of {@code command}, run on the asset. */
    Command exec(String command) {
        return new RelayCommand(this, command);
    }
}
