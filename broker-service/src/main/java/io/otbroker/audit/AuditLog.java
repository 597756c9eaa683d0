package io.otbroker.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Appends typed events to the hash-chained audit log. Called inside the caller's transaction,
 * so an action and its audit event are committed together or not at all.
 */
@ApplicationScoped
public class AuditLog {

    /**
     * Records an event. The actor is the authenticated user (or {@code system} outside a request).
     *
     * @param type    what happened
     * @param subject what it happened to, e.g. {@code zone/3}
     * @param details small, secret-free facts (names, ids, reasons); never credentials
     */
    public void record(AuditEventType type, String subject, Map<String, ?> details) {
        // placeholder until the audit chain lands (replaced by the audit package's implementation)
    }
}
