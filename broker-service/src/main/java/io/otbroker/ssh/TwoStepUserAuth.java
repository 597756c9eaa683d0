package io.otbroker.ssh;

import java.io.IOException;
import org.apache.sshd.common.Service;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.auth.AbstractUserAuthServiceFactory;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.session.ServerUserAuthService;

/**
 * The front door's user authentication: the public key, and for SL3/SL4 grants the connect code after it.
 *
 * <p>Why not MINA's {@code AUTH_METHODS} chains: they are fixed per connection before the user name is known,
 * while whether a code is needed depends on the grant the key check finds. So this service answers a proven
 * key with "partial success, continue with keyboard-interactive" (RFC 4252 §5.1) when the grant needs a code,
 * and completes the login only once {@link ConnectCodePrompt} accepted one. SL1/SL2 logins complete on the key.
 */
final class TwoStepUserAuth extends ServerUserAuthService {

    private static final String CODE_METHOD = UserAuthKeyboardInteractiveFactory.NAME;

    private final LoginThrottle throttle;

    private TwoStepUserAuth(Session session, LoginThrottle throttle) throws IOException {
        super(session);
        this.throttle = throttle;
    }

    /** Creates the service for each connection that asks for {@code ssh-userauth}. */
    static AbstractUserAuthServiceFactory factory(LoginThrottle throttle) {
        return new AbstractUserAuthServiceFactory() {
            @Override
            public Service create(Session session) throws IOException {
                return new TwoStepUserAuth(session, throttle);
            }
        };
    }

    @Override
    protected void handleAuthenticationSuccess(int cmd, Buffer buffer) throws Exception {
        ServerSession session = getServerSession();
        SshLogin login = session.getAttribute(SshLogin.KEY);
        if (login == null) {
            // Fail closed: no method succeeds without the key check having found a login.
            handleAuthenticationFailure(cmd, buffer);
            return;
        }
        if (login.needsConnectCode() && session.getAttribute(SshLogin.CODE_PROVEN) == null) {
            // Only the key can have succeeded here: the code step succeeds only after it, setting CODE_PROVEN.
            session.setAttribute(SshLogin.KEY_PROVEN, Boolean.TRUE);
            askForConnectCode(session);
            return;
        }
        throttle.succeeded(session, login.grant().vendor());
        super.handleAuthenticationSuccess(cmd, buffer);
    }

    private static void askForConnectCode(ServerSession session) throws IOException {
        Buffer partial = session.createBuffer(SshConstants.SSH_MSG_USERAUTH_FAILURE, CODE_METHOD.length() + Byte.SIZE);
        partial.putString(CODE_METHOD);
        partial.putBoolean(true);
        session.writePacket(partial);
    }
}
