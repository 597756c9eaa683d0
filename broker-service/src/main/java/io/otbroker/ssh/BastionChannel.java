package io.otbroker.ssh;

import io.otbroker.audit.AuditEventType;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * A session channel of the front door that accepts only {@code TERM} and {@code LANG} from the client's
 * environment, with plain values, and no subsystem but SFTP; every refusal is audited. Why:
 * environment variables reach the asset's shell (LD_PRELOAD, PATH ...), so only the two a terminal needs pass.
 */
final class BastionChannel extends ChannelSession {

    private static final Set<String> ACCEPTED_ENV = Set.of("TERM", "LANG");
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final SshAudit audit;
    private final DeniedForwarding forwarding;

    private BastionChannel(SshAudit audit, DeniedForwarding forwarding) {
        this.audit = audit;
        this.forwarding = forwarding;
    }

    /** Creates these channels for the {@code session} channel type. */
    static ChannelFactory factory(SshAudit audit, DeniedForwarding forwarding) {
        return new ChannelFactory() {
            @Override
            public String getName() {
                return "session";
            }

            @Override
            public Channel createChannel(Session session) {
                return new BastionChannel(audit, forwarding);
            }
        };
    }

    /**
     * Agent forwarding requests go to the refusing filter (which audits them). Why here: without an agent
     * factory MINA refuses them before asking the filter, so nobody would hear of the attempt.
     */
    @Override
    protected RequestHandler.Result handleInternalRequest(String type, boolean wantReply, Buffer buffer)
            throws IOException {
        if (type.startsWith("auth-agent-req")) {
            forwarding.canForwardAgent(getSession(), type);
            return RequestHandler.Result.ReplyFailure;
        }
        return super.handleInternalRequest(type, wantReply, buffer);
    }

    @Override
    protected RequestHandler.Result handleEnvParsed(String name, String value) throws IOException {
        if (ACCEPTED_ENV.contains(name) && PLAIN_VALUE.matcher(value).matches()) {
            return super.handleEnvParsed(name, value);
        }
        refused("env", name);
        return RequestHandler.Result.ReplyFailure;
    }

    /** Why only SFTP: it is the one subsystem the broker relays itself, enforcing and auditing each file. */
    @Override
    protected RequestHandler.Result handleSubsystemParsed(String request, String name) throws IOException {
        if ("sftp".equals(name)) {
            return super.handleSubsystemParsed(request, name);
        }
        refused("subsystem", name);
        return RequestHandler.Result.ReplyFailure;
    }

    private void refused(String request, String name) {
        audit.record(getSession(), AuditEventType.SSH_REQUEST_REFUSED, "ssh", Map.of("request", request,
                "name", name.length() > 64 ? name.substring(0, 64) : name));
    }
}
