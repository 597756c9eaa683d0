package io.otbroker.ssh;

import io.otbroker.audit.AuditEventType;
import io.otbroker.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.SocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.sshd.common.session.Session;

/** Audit events of the SSH front door, with the connection's vendor as actor and its source address. */
@ApplicationScoped
public class SshAudit {

    /** Longest user name copied into the audit log: it is whatever the client sent. */
    private static final int MAX_USER_CHARS = 100;

    @Inject
    AuditLog audit;

    /** Records {@code type} for an authenticated connection, with its vendor as actor. */
    void record(Session session, AuditEventType type, String subject, Map<String, ?> details) {
        record(session, session.getUsername(), type, subject, details);
    }

    /**
     * Records {@code type} for a connection whose client sent {@code user}; the actor is the logged-in
     * vendor, else the (shortened) name the client sent.
     */
    void record(Session session, String user, AuditEventType type, String subject, Map<String, ?> details) {
        SshLogin login = session.getAttribute(SshLogin.KEY);
        String clientUser = shortened(user);
        Map<String, Object> all = new LinkedHashMap<>(details);
        // Why the browser's address: a browser terminal's connection comes from the broker itself, on loopback.
        TerminalTickets.of(session).ifPresentOrElse(ticket -> {
            all.put("source", ticket.browser());
            all.put("via", "browser terminal");
        }, () -> all.put("source", source(session.getRemoteAddress())));
        all.put("user", clientUser);
        audit.recordAs(login != null ? login.grant().vendor() : clientUser, type, subject, all);
    }

    private static String shortened(String user) {
        String name = user == null ? "" : user;
        return name.length() > MAX_USER_CHARS ? name.substring(0, MAX_USER_CHARS) : name;
    }

    private static String source(SocketAddress address) {
        return address == null ? "unknown" : address.toString();
    }
}
