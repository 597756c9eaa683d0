package io.otbroker.ssh;

import io.otbroker.audit.AuditEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

/**
 * Audits each completed SSH login once (the key check itself runs twice per key: query, then signature),
 * and a connection that proved its key but left without even trying the connect code its SL3/SL4 grant
 * needs (a code that was tried is audited by {@link ConnectCodePrompt}).
 */
@ApplicationScoped
public class LoginAudit implements SessionListener {

    @Inject
    SshAudit audit;

    @Override
    public void sessionEvent(Session session, Event event) {
        SshLogin login = session.getAttribute(SshLogin.KEY);
        if (event != Event.Authenticated || login == null) {
            return;
        }
        audit.record(session, AuditEventType.SSH_LOGIN, subject(login), Map.of("asset", login.grant().assetName(),
                "key", login.keyFingerprint(), "grantEnd", login.grant().end().toString(),
                "connectCode", login.needsConnectCode()));
    }

    @Override
    public void sessionClosed(Session session) {
        SshLogin login = session.getAttribute(SshLogin.KEY);
        if (login != null && !session.isAuthenticated() && session.getAttribute(SshLogin.KEY_PROVEN) != null
                && session.getAttribute(SshLogin.CODE_TRIED) == null) {
            audit.record(session, AuditEventType.SSH_LOGIN_FAILED, subject(login), Map.of("reason",
                    "no valid connect code given", "asset", login.grant().assetName()));
        }
    }

    private static String subject(SshLogin login) {
        return "access-request/" + login.grant().grantId();
    }
}
