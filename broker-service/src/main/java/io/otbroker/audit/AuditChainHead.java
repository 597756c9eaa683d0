package io.otbroker.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/**
 * The tail of the audit chain: a single row holding the last sequence number and hash.
 * Appending locks it for the rest of the transaction, so appends are serialised even across
 * several broker instances sharing one database, and the chain cannot fork.
 */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead extends PanacheEntityBase {

    private static final int THE_ONLY_ROW = 1;

    @Id
    @Column(name = "id")
    public Integer id;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    @Column(name = "last_hash", nullable = false)
    public String lastHash;

    /** Reads the head with a pessimistic write lock (SELECT ... FOR UPDATE) held until commit. */
    static AuditChainHead lockForAppend() {
        return findById(THE_ONLY_ROW, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Reads the head without locking, for verification. */
    static AuditChainHead current() {
        return findById(THE_ONLY_ROW);
    }

    void advanceTo(AuditEvent event) {
        lastSeq = event.seq;
        lastHash = event.hash;
    }
}
