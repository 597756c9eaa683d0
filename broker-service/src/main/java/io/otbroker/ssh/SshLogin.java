package io.otbroker.ssh;

import io.otbroker.access.ActiveGrant;
import org.apache.sshd.common.AttributeRepository.AttributeKey;

/**
 * Who logged in on an SSH connection and under which grant; kept as a session attribute from
 * authentication until the connection ends.
 *
 * @param grant          the grant that let the vendor in
 * @param keyFingerprint the vendor key that authenticated
 */
record SshLogin(ActiveGrant grant, String keyFingerprint) {

    static final AttributeKey<SshLogin> KEY = new AttributeKey<>();

    /**
     * Why SL3/SL4 zones are refused for now: they need a one-time connect code from a fresh MFA login per
     * session (keyboard-interactive), which the front door does not ask yet; a key alone is not enough.
     */
    boolean needsConnectCode() {
        return grant.level().perSessionMfa();
    }
}
