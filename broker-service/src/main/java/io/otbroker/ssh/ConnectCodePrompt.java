package io.otbroker.ssh;

import io.otbroker.audit.AuditEventType;
import io.otbroker.connectcode.ConnectCodes;
import io.otbroker.connectcode.Redemption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.auth.keyboard.KeyboardInteractiveAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.jboss.logging.Logger;

/**
 * The second login step into SL3/SL4 zones: keyboard-interactive asks for the one-time connect code. It is
 * only ever a second step: without a proven key first, it asks nothing and fails, so it is no way in on its
 * own and no password prompt. Wrong, expired and used codes fail alike for the client; the audit log says which.
 */
@ApplicationScoped
public class ConnectCodePrompt implements KeyboardInteractiveAuthenticator {

    static final String PROMPT = "One-time connect code: ";

    private static final Logger LOG = Logger.getLogger(ConnectCodePrompt.class);

    @Inject
    ConnectCodes codes;

    @Inject
    LoginThrottle throttle;

    @Inject
    SshAudit audit;

    @Override
    public InteractiveChallenge generateChallenge(ServerSession session, String username, String lang,
            String subMethods) {
        return awaitingCode(session).map(login -> {
            InteractiveChallenge challenge = new InteractiveChallenge();
            challenge.setInteractionName("otbroker");
            challenge.setInteractionInstruction("Sessions into " + login.grant().assetName() + " need a one-time "
                    + "connect code: POST /api/access-requests/" + login.grant().grantId() + "/connect-code");
            challenge.setLanguageTag("");
            challenge.addPrompt(PROMPT, false);
            return challenge;
        }).orElse(null);
    }

    @Override
    public boolean authenticate(ServerSession session, String username, List<String> responses) {
        Optional<SshLogin> login = awaitingCode(session);
        if (login.isEmpty() || responses.size() != 1) {
            return false;
        }
        session.setAttribute(SshLogin.CODE_TRIED, Boolean.TRUE);
        try {
            return redeem(session, login.get(), responses.getFirst());
        } catch (RuntimeException e) {
            // Fail closed: a database outage or any other error never lets anyone in.
            LOG.warnf("SSH connect code refused: the check failed (%s)", e.getClass().getSimpleName());
            return false;
        }
    }

    private boolean redeem(ServerSession session, SshLogin login, String typed) {
        String vendor = login.grant().vendor();
        String subject = "access-request/" + login.grant().grantId();
        Optional<String> locked = throttle.refusal(session, vendor);
        if (locked.isPresent()) {
            audit.record(session, AuditEventType.SSH_LOGIN_FAILED, subject, Map.of("reason", locked.get()));
            return false;
        }
        Redemption outcome = codes.redeem(login.grant().grantId(), vendor, typed);
        if (outcome != Redemption.ACCEPTED) {
            audit.record(session, AuditEventType.SSH_LOGIN_FAILED, subject, Map.of("reason", outcome.reason()));
            throttle.codeRefused(session, vendor);
            return false;
        }
        session.setAttribute(SshLogin.CODE_PROVEN, Boolean.TRUE);
        audit.record(session, AuditEventType.CONNECT_CODE_USE, subject, Map.of("asset", login.grant().assetName()));
        return true;
    }

    /** The login waiting for its code: key proven, code needed and not yet given. */
    private static Optional<SshLogin> awaitingCode(ServerSession session) {
        SshLogin login = session.getAttribute(SshLogin.KEY);
        boolean keyProven = session.getAttribute(SshLogin.KEY_PROVEN) != null;
        boolean codeProven = session.getAttribute(SshLogin.CODE_PROVEN) != null;
        return login != null && keyProven && !codeProven && login.needsConnectCode() ? Optional.of(login)
                : Optional.empty();
    }
}
