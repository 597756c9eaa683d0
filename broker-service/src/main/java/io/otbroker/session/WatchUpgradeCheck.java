package io.otbroker.session;

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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides an upgrade to the watch stream once the role check has passed: refused (and audited) when it rides
 * on the browser session from another site, when the caller is also a vendor, or when there is no such live
 * session on this broker.
 */
@ApplicationScoped
public class WatchUpgradeCheck implements HttpUpgradeCheck {

    @Inject
    LiveSessions sessions;

    @Inject
    AuditLog audit;

    @Override
    public boolean appliesTo(String endpointId) {
        return SessionWatchSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        boolean crossSite = CrossSiteUpgrade.from(context.httpRequest());
        String id = context.pathParam("id");
        // Audit events go to the database: off the event loop.
        return context.securityIdentity().chain(identity -> Uni.createFrom().item(() -> decide(identity, id, crossSite))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    private CheckResult decide(SecurityIdentity identity, String id, boolean crossSite) {
        Caller caller = Caller.of(identity);
        if (crossSite) {
            // Why: a page of another site can open a WebSocket with the operator's cookie (cross-site
            // WebSocket hijacking); browsers always send the page's Origin with the upgrade.
            return refuse(caller, id, "cross-site upgrade with the browser session", 403);
        }
        if (!caller.actsAsStaff()) {
            // Why: a vendor never watches sessions, not even with a staff role as well (separation of duties).
            return refuse(caller, id, "the caller is a vendor", 403);
        }
        if (sessionId(id).flatMap(sessions::find).isEmpty()) {
            return refuse(caller, id, "no such live session on this broker", 404);
        }
        return CheckResult.permitUpgradeSync();
    }

    private CheckResult refuse(Caller caller, String id, String reason, int status) {
        audit.recordAs(caller.name(), AuditEventType.SESSION_WATCH_REFUSED, "session/" + sessionId(id)
                .map(UUID::toString).orElse("unknown"), Map.of("reason", reason));
        return CheckResult.rejectUpgradeSync(status);
    }

    /** The session id in the path, if it is one. */
    static Optional<UUID> sessionId(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
