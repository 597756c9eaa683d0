package io.otbroker.ssh.sftp;

import io.otbroker.access.ActiveGrant;
import io.otbroker.access.ActiveGrants;
import io.otbroker.asset.Protocol;
import io.otbroker.audit.AuditEventType;
import io.otbroker.policy.SecurityLevel;
import io.otbroker.policy.SessionRules;
import io.otbroker.ssh.RefusedCommand;
import io.otbroker.ssh.RelayedSession;
import io.otbroker.ssh.Relays;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.subsystem.SubsystemFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The front door's one subsystem, {@code sftp} (also what OpenSSH's {@code scp} speaks by default): a relay
 * of the vendor's SFTP to the asset's under the conduit's file-transfer rules, or, when the conduit allows
 * no transfer in either direction, a refusal the vendor reads (audited as {@code ssh.request_refused}).
 */
// Created at start-up on a Quarkus thread: first created on one of MINA's I/O threads, a bean would
// read its configuration through the wrong class loader in the packaged broker.
@Startup
@ApplicationScoped
public class SftpRelays implements SubsystemFactory {

    @Inject
    Relays relays;

    @Inject
    ActiveGrants grants;

    @ConfigProperty(name = "otbroker.recordings.dir")
    Path recordingsDir;

    private KeptFiles kept;

    @PostConstruct
    void init() {
        kept = new KeptFiles(recordingsDir.resolve("transfers"));
    }

    @Override
    public String getName() {
        return "sftp";
    }

    @Override
    public Command createSubsystem(ChannelSession channel) throws IOException {
        RelayedSession session = relays.newSession(channel.getServerSession(), "sftp");
        ActiveGrant grant = session.grant();
        // Without a login the relay refuses the session itself; no conduit rule applies then.
        SessionRules rules = grant == null ? SessionRules.SHELL_ONLY : grants.sessionRules(grant.grantId(), Protocol.SSH);
        // Supervised zones (SL4) never transfer files, whatever a conduit says: an SFTP session has nothing an
        // operator could watch. Checked here too, not only through the conduit rules, as a second line.
        boolean supervised = grant != null && grant.level().supervision() == SecurityLevel.Supervision.REQUIRED;
        if (grant != null && (supervised || !rules.fileTransferAllowed())) {
            session.audit(AuditEventType.SSH_REQUEST_REFUSED, "ssh", Map.of("request", "subsystem", "name", "sftp",
                    "reason", "the conduit allows no file transfer"));
            return new RefusedCommand("This asset's conduit allows no file transfer.");
        }
        return new SftpRelay(session, rules, kept, channel);
    }
}
