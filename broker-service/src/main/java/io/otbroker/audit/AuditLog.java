package io.otbroker.audit;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Appends typed events to the hash-chained audit log. Called inside the caller's transaction,
 * so an action and its audit event are committed together or not at all.
 */
@ApplicationScoped
public class AuditLog {

    /** The actor of events that no authenticated user caused (scheduler, startup, anonymous calls). */
    public static final String SYSTEM_ACTOR = "system";

    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    /**
     * Records an event. The actor is the authenticated user (or {@code system} outside a request).
     * The chain head stays locked until the caller's transaction ends, so callers should record
     * as the last step of their transaction.
     *
     * @param type    what happened
     * @param subject what it happened to, e.g. {@code zone/3}
     * @param details small, secret-free facts (names, ids, reasons); never credentials
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void record(AuditEventType type, String subject, Map<String, ?> details) {
        recordAs(actor(), type, subject, details);
    }

    /**
     * Records an event for an actor known otherwise than through the request's identity: a user
     * whose login is being refused, or an SSH connection's user.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void recordAs(String actor, AuditEventType type, String subject, Map<String, ?> details) {
        // Lock first, then read the clock: seq order and time order then agree.
        AuditChainHead head = AuditChainHead.lockForAppend();
        AuditEvent event = new AuditEvent();
        event.seq = head.lastSeq + 1;
        event.occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        event.code = type.code();
        event.eventName = type.eventName();
        event.actor = actor;
        event.subject = subject;
        event.details = AuditCanonicalForm.detailsJson(details);
        event.prevHash = head.lastHash;
        event.hash = AuditCanonicalForm.hash(event);
        event.persist();
        head.advanceTo(event);
        // Details may be sensitive to the plant (asset names, reasons): never above DEBUG.
        LOG.debugf("audit %s %s seq=%d actor=%s subject=%s", event.code, event.eventName, event.seq, event.actor,
                event.subject);
    }

    private String actor() {
        // SecurityIdentity is request scoped: schedulers and startup code run without a request.
        if (!Arc.container().requestContext().isActive() || identity.isAnonymous()) {
            return SYSTEM_ACTOR;
        }
        return identity.getPrincipal().getName();
    }
}
