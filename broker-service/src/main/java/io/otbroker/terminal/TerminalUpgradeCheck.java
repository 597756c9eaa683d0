package io.otbroker.terminal;

import io.otbroker.audit.AuditEventType;
import io.otbroker.audit.AuditLog;
import io.otbroker.security.Caller;
import io.otbroker.web.CrossSiteUpgrade;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Decides an upgrade to the browser terminal once the role check has passed: refused (and audited) when it
 * rides on the browser session from another site, when the request is not the caller's own (404, as for one
 * that does not exist), or when its grant does not allow SSH now (409).
 */
@ApplicationScoped
public class TerminalUpgradeCheck implements HttpUpgradeCheck {

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Override
    public boolean appliesTo(String endpointId) {
        return TerminalSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        boolean crossSite = CrossSiteUpgrade.from(context.httpRequest());
        String id = context.pathParam(TerminalSocket.ID);
        String source = context.httpRequest().remoteAddress().hostAddress();
        // The grant is read from the database and refusals are audited: off the event loop.
        return context.securityIdentity().chain(identity -> Uni.createFrom()
                .item(() -> decide(identity, id, crossSite, source))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    private CheckResult decide(SecurityIdentity identity, String id, boolean crossSite, String source) {
        Caller caller = Caller.of(identity);
        if (crossSite) {
            // Why: a page of another site could otherwise type into the vendor's session with their cookie.
            return refuse(caller, id, source, "cross-site upgrade with the browser session", 403);
        }
        Optional<TerminalGrant> grant = TerminalGrant.own(caller.name(), id, clock.instant());
        if (grant.isEmpty()) {
            return refuse(caller, id, source, "no such access request of the vendor", 404);
        }
        if (!grant.get().sshNow()) {
            return refuse(caller, id, source, "the grant does not allow SSH now", 409);
        }
        return CheckResult.permitUpgradeSync();
    }

    private CheckResult refuse(Caller caller, String id, String source, String reason, int status) {
        String subject = "access-request/" + (id != null && id.matches("\\d{1,18}") ? id : "unknown");
        audit.recordAs(caller.name(), AuditEventType.TERMINAL_REFUSED, subject, Map.of("reason", reason,
                "source", source));
        return CheckResult.rejectUpgradeSync(status);
    }
}
