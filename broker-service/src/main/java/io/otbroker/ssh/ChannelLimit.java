package io.otbroker.ssh;

import io.otbroker.audit.AuditEventType;
import java.io.IOException;
import java.util.Map;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.helpers.AbstractConnectionService;

/**
 * At most {@code max} channels on one connection: each session channel is a relayed, recorded session to an
 * asset, and multiplexing (OpenSSH ControlMaster) must not multiply them without bound. The one too many is
 * refused on its own (the client hears "open failed") and audited; the connection and its other sessions go on.
 */
final class ChannelLimit implements ChannelFactory {

    private final ChannelFactory sessions;
    private final int max;
    private final SshAudit audit;

    private ChannelLimit(ChannelFactory sessions, int max, SshAudit audit) {
        this.sessions = sessions;
        this.max = max;
        this.audit = audit;
    }

    /** {@code sessions}, refusing channels beyond {@code max} per connection. */
    static ChannelFactory of(ChannelFactory sessions, int max, SshAudit audit) {
        return new ChannelLimit(sessions, max, audit);
    }

    @Override
    public String getName() {
        return sessions.getName();
    }

    @Override
    public Channel createChannel(Session session) throws IOException {
        AbstractConnectionService connection = session.getService(AbstractConnectionService.class);
        int open = connection == null ? 0 : connection.getChannels().size();
        if (open >= max) {
            audit.record(session, AuditEventType.SSH_CHANNEL_REFUSED, "ssh", Map.of("reason",
                    "channel limit reached: " + open + " of " + max + " per connection"));
            // MINA answers a factory's null with a channel open failure.
            return null;
        }
        return sessions.createChannel(session);
    }
}
