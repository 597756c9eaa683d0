package io.otbroker.access;

import io.otbroker.audit.AuditEventType;
import io.otbroker.audit.AuditLog;
import io.otbroker.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where access requests change: checks every transition against
 * {@link AccessState#canBecome}, writes it, publishes it through {@link AccessSignals} and audits it,
 * all in the caller's transaction. Callers lock the request row first ({@link #lockCurrent}).
 */
@ApplicationScoped
public class AccessTransitions {

    @Inject
    Clock clock;

    @Inject
    AccessSignals signals;

    @Inject
    AuditLog audit;

    @Inject
    BrokerInstance broker;

    /** The broker's time, at the precision the database stores. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Locks the request's row and applies the time-driven transition that is due, if any, so the
     * caller acts on the state that holds now. 404 problem if there is no such request.
     */
    public AccessRequest lockCurrent(long id) {
        AccessRequest request = AccessRequest.lock(id);
        catchUp(request);
        return request;
    }

    /** Applies the time-driven transition due now (activation, expiry), as the {@code system} actor. */
    void catchUp(AccessRequest request) {
        Instant now = now();
        AccessState due = request.effectiveState(now);
        if (due == request.state) {
            return;
        }
        boolean unreviewed = request.state == AccessState.PENDING;
        AuditEventType type = unreviewed ? AuditEventType.ACCESS_REQUEST_EXPIRE
                : due == AccessState.ACTIVE ? AuditEventType.GRANT_ACTIVATE : AuditEventType.GRANT_EXPIRE;
        move(request, due, AuditLog.SYSTEM_ACTOR, type, request.clockReason(due), Map.of());
    }

    /** 409 problem unless the request may change from its current state into {@code next}. */
    public void requireAllowed(AccessRequest request, AccessState next) {
        if (!request.state.canBecome(next)) {
            throw ProblemException.conflict("An access request that is " + request.state
                    + " cannot become " + next + ".");
        }
    }

    /**
     * Changes the state of a locked request, publishes the change and audits it.
     *
     * @param actor  user name, or {@code system} for time-driven changes
     * @param reason why, shown with the request (null if none was given)
     * @param extra  further audit details
     */
    public void move(AccessRequest request, AccessState next, String actor, AuditEventType type, String reason,
            Map<String, ?> extra) {
        requireAllowed(request, next);
        Instant now = now();
        AccessState previous = request.state;
        request.state = next;
        request.stateReason = reason;
        request.stateChangedBy = actor;
        request.stateChangedAt = now;
        announce(request, previous, type, actor, now, reason, extra);
    }

    /** Publishes and audits a request just persisted in state {@code PENDING} by its vendor. */
    public void created(AccessRequest request, Map<String, ?> extra) {
        announce(request, null, AuditEventType.ACCESS_REQUEST, request.vendor, request.createdAt, null, extra);
    }

    /**
     * Publishes and audits an approval that is not yet the last one needed: the request stays
     * {@code PENDING} ({@code previous == current} in the published change) but its reviewers changed.
     */
    public void approvalRecorded(AccessRequest request, String operator, Map<String, ?> extra) {
        announce(request, request.state, AuditEventType.ACCESS_APPROVE, operator, now(), null, extra);
    }

    private void announce(AccessRequest request, AccessState previous, AuditEventType type, String actor,
            Instant at, String reason, Map<String, ?> extra) {
        signals.publish(new AccessChange(request.id, request.asset.id, request.vendor, previous, request.state, at,
                actor, broker.id()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("assetId", request.asset.id);
        details.put("assetName", request.asset.name);
        details.put("vendor", request.vendor);
        details.put("from", previous == null ? "none" : previous.name());
        details.put("to", request.state.name());
        if (reason != null) {
            details.put("reason", reason);
        }
        details.putAll(extra);
        // Last step of the transaction: the audit chain head stays locked until the commit.
        audit.recordAs(actor, type, request.subject(), details);
    }
}
