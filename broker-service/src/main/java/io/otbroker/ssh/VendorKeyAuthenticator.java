package io.otbroker.ssh;

import io.otbroker.access.ActiveGrant;
import io.otbroker.access.ActiveGrants;
import io.otbroker.asset.Protocol;
import io.otbroker.audit.AuditEventType;
import io.otbroker.sshkey.VendorSshKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.session.helpers.AbstractSession;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Public-key login at the SSH front door: the key must be a registered, unexpired, unrevoked key of the
 * vendor named in {@code vendor:asset} (or that vendor's browser-terminal ticket, {@link TerminalTickets}), AND the vendor must hold a grant for that asset and SSH now, AND
 * neither the vendor nor the source address may be locked out, AND the vendor may not exceed the sessions
 * allowed per vendor. The client only ever hears SSH's generic "permission denied"; the reason goes to the
 * audit log. SL3/SL4 grants need a connect code after the key ({@link TwoStepUserAuth}).
 */
@ApplicationScoped
public class VendorKeyAuthenticator implements PublickeyAuthenticator {

    private static final Logger LOG = Logger.getLogger(VendorKeyAuthenticator.class);

    /** Why a login is refused, and whether that counts towards a lockout (locks and limits do not). */
    private record Refusal(String reason, boolean countsAsFailure) {}

    @Inject
    VendorSshKeys keys;

    @Inject
    ActiveGrants grants;

    @Inject
    TerminalTickets tickets;

    @Inject
    LoginThrottle throttle;

    @Inject
    SshAudit audit;

    @Inject
    Clock clock;

    @ConfigProperty(name = "otbroker.ssh.max-sessions-per-vendor")
    int maxSessionsPerVendor;

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        try {
            Optional<SshTarget> target = SshTarget.parse(username);
            String vendor = target.map(SshTarget::vendor).orElse(null);
            // Claimed first: a browser terminal's connection is throttled and audited by the browser's address.
            Optional<TerminalTickets.Ticket> ticket = tickets.claim(key, session);
            Optional<Refusal> refusal = throttle.refusal(session, vendor).map(reason -> new Refusal(reason, false))
                    .or(() -> admit(target, key, ticket, session));
            refusal.ifPresent(refused -> refuse(session, username, vendor, refused));
            return refusal.isEmpty();
        } catch (RuntimeException e) {
            // Fail closed: a database outage or any other error never lets anyone in.
            LOG.warnf("SSH login refused: the check failed (%s)", e.getClass().getSimpleName());
            return false;
        }
    }

    /** Sets the connection's login and returns empty, or returns why the login is refused. */
    private Optional<Refusal> admit(Optional<SshTarget> target, PublicKey key, Optional<TerminalTickets.Ticket> ticket,
            ServerSession session) {
        if (target.isEmpty()) {
            return failure("user name is not of the form vendor:asset");
        }
        String vendor = target.get().vendor();
        Instant now = clock.instant();
        // A browser terminal's ticket stands in for a registered key of its own vendor, for its own grant only.
        Optional<TerminalTickets.Ticket> vendorsTicket = ticket.filter(t -> t.vendor().equals(vendor));
        Optional<String> keyName = vendorsTicket.isPresent()
                ? Optional.of("browser terminal " + KeyUtils.getFingerPrint(key))
                : keys.usableKey(vendor, key, now).map(registered -> registered.fingerprint);
        if (keyName.isEmpty()) {
            return failure("key not registered for the vendor, revoked or expired");
        }
        // A ticket names its grant: of a vendor's overlapping grants for the asset, that one, and no other.
        Optional<ActiveGrant> grant = vendorsTicket.isPresent()
                ? grants.find(vendorsTicket.get().grantId(), vendor, target.get().assetName(), Protocol.SSH, now)
                : grants.find(vendor, target.get().assetName(), Protocol.SSH, now);
        if (grant.isEmpty()) {
            return failure(vendorsTicket.isPresent()
                    ? "the browser terminal's ticket is for another grant, or its grant is not active for SSH now"
                    : "no active SSH grant for the asset");
        }
        // Why: one vendor must not tie up the broker or the plant's assets with ever more connections.
        long open = loggedInConnections(session, vendor);
        if (open >= maxSessionsPerVendor) {
            return Optional.of(new Refusal("session limit reached: " + open + " of " + maxSessionsPerVendor
                    + " per vendor", false));
        }
        // Why: once a key is proven (SL3/SL4, waiting for the code) a later key query must not rename the login.
        if (session.getAttribute(SshLogin.KEY_PROVEN) == null) {
            session.setAttribute(SshLogin.KEY, new SshLogin(grant.get(), keyName.get()));
        }
        return Optional.empty();
    }

    private void refuse(ServerSession session, String username, String vendor, Refusal refusal) {
        audit.record(session, username, AuditEventType.SSH_LOGIN_FAILED, "ssh", Map.of("reason", refusal.reason()));
        if (refusal.countsAsFailure()) {
            throttle.keyRefused(session, username, vendor);
        }
    }

    private static Optional<Refusal> failure(String reason) {
        return Optional.of(new Refusal(reason, true));
    }

    /** The vendor's other connections to this broker that completed their login. */
    private static long loggedInConnections(ServerSession session, String vendor) {
        return session.getIoSession().getService().getManagedSessions().values().stream()
                .map(io -> AbstractSession.getSession(io, true))
                .filter(other -> other != null && other != session && other.isAuthenticated())
                .map(other -> other.getAttribute(SshLogin.KEY))
                .filter(login -> login != null && login.grant().vendor().equals(vendor))
                .count();
    }
}
