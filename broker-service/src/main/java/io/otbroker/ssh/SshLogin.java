package io.otbroker.ssh;

import io.otbroker.access.ActiveGrant;
import org.apache.sshd.common.AttributeRepository.AttributeKey;

/**
 * Who logs in on an SSH connection and under which grant; kept as a session attribute from the key check
 * until the connection ends. The key check sets it already when the client only asks whether a key would do
 * (before any signature), so it proves nothing on its own: {@link #KEY_PROVEN} and {@link #CODE_PROVEN} do.
 *
 * @param grant          the grant that let the vendor in
 * @param keyFingerprint the vendor key that authenticated
 */
record SshLogin(ActiveGrant grant, String keyFingerprint) {

    static final AttributeKey<SshLogin> KEY = new AttributeKey<>();

    /** Set once the key's signature verified and the login still needs its connect code. */
    static final AttributeKey<Boolean> KEY_PROVEN = new AttributeKey<>();

    /** Set once a code was typed after the key, valid or not (each wrong one is audited on its own). */
    static final AttributeKey<Boolean> CODE_TRIED = new AttributeKey<>();

    /** Set once a valid connect code was typed after the key. */
    static final AttributeKey<Boolean> CODE_PROVEN = new AttributeKey<>();

    /**
     * Whether the key alone is not enough: zones whose level asks for MFA per session (SL3/SL4) also need a
     * one-time connect code, which the vendor gets from the API after a fresh MFA login.
     */
    boolean needsConnectCode() {
        return grant.level().perSessionMfa();
    }
}
