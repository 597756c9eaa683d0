package io.otbroker.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One operator's approval of an access request. The table holds at most one per operator and
 * request, so an operator counts once towards the approvals a security level needs.
 */
@Entity
@Table(name = "access_approval")
public class AccessApproval extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "request_id", nullable = false)
    public AccessRequest request;

    /** The approving operator's user name. */
    @Column(nullable = false)
    public String operator;

    @Column(name = "approved_at", nullable = false)
    public Instant approvedAt;

    public String comment;

    /** The end this operator shortened the grant to, or null. */
    @Column(name = "shortened_end")
    public Instant shortenedEnd;
}
