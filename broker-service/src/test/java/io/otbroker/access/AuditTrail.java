package io.otbroker.access;

import io.otbroker.audit.AuditEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;

/** Reads the audit events of one subject, as an auditor would find them. */
public final class AuditTrail {

    /** One audit event, reduced to what the tests check. */
    public record Entry(String code, String eventName, String actor, String details) {}

    private AuditTrail() {}

    public static List<Entry> of(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.<AuditEvent>list("subject = ?1 order by seq",
                subject).stream().map(e -> new Entry(e.code, e.eventName, e.actor, e.details)).toList());
    }

    public static List<Entry> of(String subject, String eventName) {
        return of(subject).stream().filter(entry -> entry.eventName().equals(eventName)).toList();
    }

    public static String request(long id) {
        return "access-request/" + id;
    }
}
