package io.otbroker.ssh;

import io.otbroker.audit.AuditEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.jboss.logging.Logger;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;

/**
 * Refuses every kind of forwarding (local, remote, dynamic, agent, X11) like MINA's
 * {@link RejectAllForwardingFilter}, and audits each attempt. Why: the broker is the only path into the
 * zone (IEC 62443 conduit); a forwarded port or agent would open a second path nobody records.
 */
@ApplicationScoped
public class DeniedForwarding implements ForwardingFilter {

    private static final Logger LOG = Logger.getLogger(DeniedForwarding.class);

    @Inject
    SshAudit audit;

    @Override
    public boolean canForwardAgent(Session session, String requestType) {
        return refuse(session, "agent", Map.of("request", requestType));
    }

    @Override
    public boolean canForwardX11(Session session, String requestType) {
        return refuse(session, "x11", Map.of("request", requestType));
    }

    @Override
    public boolean canListen(SshdSocketAddress address, Session session) {
        return refuse(session, "remote", Map.of("address", String.valueOf(address)));
    }

    @Override
    public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
        return refuse(session, type.getName(), Map.of("address", String.valueOf(address)));
    }

    /** Always false; the audit event is best effort, the refusal is not. */
    private boolean refuse(Session session, String kind, Map<String, String> details) {
        Map<String, String> all = new HashMap<>(details);
        all.put("kind", kind);
        try {
            audit.record(session, AuditEventType.SSH_FORWARD_REFUSED, "ssh", all);
        } catch (RuntimeException e) {
            LOG.warnf("could not audit a refused %s forwarding", kind);
        }
        return false;
    }
}
