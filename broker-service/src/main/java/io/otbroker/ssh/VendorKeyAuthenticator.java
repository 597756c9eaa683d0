package io.otbroker.ssh;

import io.otbroker.access.ActiveGrant;
import io.otbroker.access.ActiveGrants;
import io.otbroker.asset.Protocol;
import io.otbroker.audit.AuditEventType;
import io.otbroker.sshkey.VendorSshKey;
import io.otbroker.sshkey.VendorSshKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.jboss.logging.Logger;

/**
 * Public-key login at the SSH front door: the key must be a registered, unexpired, unrevoked key of the
 * vendor named in {@code vendor:asset}, AND the vendor must hold a grant for that asset and SSH now.
 * The client only ever hears SSH's generic "permission denied"; the reason goes to the audit log.
 */
@ApplicationScoped
public class VendorKeyAuthenticator implements PublickeyAuthenticator {

    private static final Logger LOG = Logger.getLogger(VendorKeyAuthenticator.class);

    @Inject
    VendorSshKeys keys;

    @Inject
    ActiveGrants grants;

    @Inject
    SshAudit audit;

    @Inject
    Clock clock;

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        try {
            Optional<String> refusal = admit(username, key, session);
            refusal.ifPresent(reason -> audit.record(session, username, AuditEventType.SSH_LOGIN_FAILED, "ssh",
                    Map.of("reason", reason)));
            return refusal.isEmpty();
        } catch (RuntimeException e) {
            // Fail closed: a database outage or any other error never lets anyone in.
            LOG.warnf("SSH login refused: the check failed (%s)", e.getClass().getSimpleName());
            return false;
        }
    }

    /** Sets the connection's login and returns empty, or returns why the login is refused. */
    private Optional<String> admit(String username, PublicKey key, ServerSession session) {
        Optional<SshTarget> target = SshTarget.parse(username);
        if (target.isEmpty()) {
            return Optional.of("user name is not of the form vendor:asset");
        }
        Instant now = clock.instant();
        Optional<VendorSshKey> registered = keys.usableKey(target.get().vendor(), key, now);
        if (registered.isEmpty()) {
            return Optional.of("key not registered for the vendor, revoked or expired");
        }
        Optional<ActiveGrant> grant = grants.find(target.get().vendor(), target.get().assetName(), Protocol.SSH, now);
        if (grant.isEmpty()) {
            return Optional.of("no active SSH grant for the asset");
        }
        session.setAttribute(SshLogin.KEY, new SshLogin(grant.get(), registered.get().fingerprint));
        return Optional.empty();
    }
}
