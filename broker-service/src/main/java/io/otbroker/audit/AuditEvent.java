package io.otbroker.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One link of the audit chain. {@code seq} is the chain order; {@code hash} covers this event's
 * canonical form and {@code prevHash}, so editing, deleting or inserting a row is detectable.
 */
@Entity
@Table(name = "audit_event")
// Events are written once; Hibernate never issues an UPDATE for them.
@Immutable
public class AuditEvent extends PanacheEntityBase {

    @Id
    @Column(name = "seq")
    public Long seq;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "code", nullable = false)
    public String code;

    @Column(name = "event_name", nullable = false)
    public String eventName;

    @Column(name = "actor", nullable = false)
    public String actor;

    @Column(name = "subject")
    public String subject;

    /** Canonical JSON text (sorted keys); see {@link AuditCanonicalForm#detailsJson}. */
    @Column(name = "details", nullable = false)
    public String details;

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(name = "hash", nullable = false)
    public String hash;

    /** The highest seq committed so far, 0 if the log is empty. */
    static long maxSeq() {
        Long max = getEntityManager().createQuery("select max(e.seq) from AuditEvent e", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }
}
