package io.otbroker.ssh;

import io.otbroker.access.ActiveGrants;
import io.otbroker.recording.SessionRecordings;
import io.otbroker.session.LiveSessions;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
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

    @ConfigProperty(name = "otbroker.ssh.upstream.connect-timeout")
    Duration channelTimeout;

    /** A relay of an interactive shell. */
    Command shell() {
        return new RelayCommand(this, null);
    }

    /** A relay of {@code command}, run on the asset. */
    Command exec(String command) {
        return new RelayCommand(this, command);
    }
}
