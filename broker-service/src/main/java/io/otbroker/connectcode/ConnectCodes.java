package io.otbroker.connectcode;

import io.otbroker.access.AccessRequest;
import io.otbroker.access.AccessState;
import io.otbroker.access.AccessTransitions;
import io.otbroker.audit.AuditEventType;
import io.otbroker.audit.AuditLog;
import io.otbroker.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One-time connect codes: a vendor asks for one per SSH session into an SL3/SL4 zone (after a fresh MFA
 * login), the SSH door takes it once. Issue and use are audited, the code itself never.
 */
@ApplicationScoped
public class ConnectCodes {

    @Inject
    AccessTransitions transitions;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @ConfigProperty(name = "otbroker.ssh.connect-code.validity")
    Duration validity;

    /**
     * A new code for the vendor's grant {@code grantId}, valid for {@link #validity}; the grant's older unused
     * codes stop working. 404 problem for another vendor's or an unknown request, 409 unless the grant is
     * active now in a zone whose sessions need codes.
     */
    @Transactional
    public IssuedConnectCode issue(String vendor, long grantId) {
        return issue(vendor, grantId, true);
    }

    /**
     * A new code for the broker's own browser terminal, which answers the prompt with it at once. Unlike
     * {@link #issue(String, long)} the grant's other unused codes stay valid: a terminal opened in a second tab,
     * or next to an OpenSSH login waiting for its code, must not make that login fail (and count towards lockout).
     */
    @Transactional
    public IssuedConnectCode issueForBrowserTerminal(String vendor, long grantId) {
        return issue(vendor, grantId, false);
    }

    private IssuedConnectCode issue(String vendor, long grantId, boolean replaceUnused) {
        // Why lock the request: two codes issued at once for one grant must not both stay valid.
        AccessRequest grant = transitions.lockCurrent(grantId);
        if (!grant.vendor.equals(vendor)) {
            // Why: someone else's request must look exactly like one that does not exist.
            throw ProblemException.notFound("access request");
        }
        Instant now = transitions.now();
        if (grant.effectiveState(now) != AccessState.ACTIVE) {
            throw ProblemException.conflict("The grant is not active now.");
        }
        if (!grant.asset.zone.securityLevel.perSessionMfa()) {
            throw ProblemException.conflict("Sessions into this zone need no connect code.");
        }
        long replaced = replaceUnused ? ConnectCode.delete("grantId = ?1 and usedAt is null", grantId) : 0;
        String code = ConnectCodeSecret.generate();
        ConnectCode stored = new ConnectCode();
        stored.grantId = grantId;
        stored.vendor = vendor;
        stored.codeHash = ConnectCodeSecret.hash(grantId, ConnectCodeSecret.normalise(code));
        stored.createdAt = now;
        stored.expiresAt = now.plus(validity);
        stored.persist();
        audit.record(AuditEventType.CONNECT_CODE_ISSUE, grant.subject(), Map.of("expiresAt",
                stored.expiresAt.toString(), "replacedUnused", replaced));
        return new IssuedConnectCode(grantId, code, stored.expiresAt);
    }

    /**
     * Uses {@code typed} for the grant and vendor if it is a valid code now. Why one conditional UPDATE: it
     * marks the code used only while unused and unexpired, so of two logins racing for one code exactly one
     * wins, on every database, without a read-then-write window.
     */
    @Transactional
    public Redemption redeem(long grantId, String vendor, String typed) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = ConnectCodeSecret.hash(grantId, ConnectCodeSecret.normalise(typed));
        int used = ConnectCode.update("usedAt = ?1 where grantId = ?2 and vendor = ?3 and codeHash = ?4 "
                + "and usedAt is null and expiresAt > ?1", now, grantId, vendor, hash);
        if (used == 1) {
            return Redemption.ACCEPTED;
        }
        return ConnectCode.<ConnectCode>find("grantId = ?1 and vendor = ?2 and codeHash = ?3", grantId, vendor, hash)
                .firstResultOptional().map(code -> code.usedAt != null ? Redemption.USED : Redemption.EXPIRED)
                .orElse(Redemption.WRONG);
    }

    /** Audits a refused issue in a transaction of its own: the refused one was rolled back. */
    public void auditRefusal(long grantId, ProblemException refusal) {
        QuarkusTransaction.requiringNew().run(() -> audit.record(AuditEventType.CONNECT_CODE_REFUSED,
                "access-request/" + grantId, Map.of("status", refusal.problem().status(),
                        "reason", refusal.problem().detail())));
    }
}
