package io.otbroker.ssh;

import io.otbroker.audit.AuditEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

/**
 * Audits each completed SSH login once (the key check itself runs twice per key: query, then signature).
 * A login into an SL3/SL4 zone is audited as refused: its sessions will not open without a connect code.
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
        String subject = "access-request/" + login.grant().grantId();
        if (login.needsConnectCode()) {
            audit.record(session, AuditEventType.SSH_LOGIN_FAILED, subject, Map.of("reason",
                    "security level " + login.grant().level() + " needs a connect code", "asset",
                    login.grant().assetName()));
            return;
        }
        audit.record(session, AuditEventType.SSH_LOGIN, subject, Map.of("asset", login.grant().assetName(),
                "key", login.keyFingerprint(), "grantEnd", login.grant().end().toString()));
    }
}
