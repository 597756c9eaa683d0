package io.otbroker.access;

import io.otbroker.asset.Asset;
import io.otbroker.asset.Protocol;
import io.otbroker.web.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A vendor's request for access to one asset over a set of protocols for one time window; once
 * approved it is the grant. The stored {@link #state} is the last one a transition wrote; what
 * holds now is {@link #effectiveState(Instant)}, derived from the stored times and the clock, so a
 * lagging scheduler or a restarted broker never shows a grant as active after its end.
 */
@Entity
@Table(name = "access_request")
public class AccessRequest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The vendor's user name. */
    @Column(nullable = false)
    public String vendor;

    /** The vendor organisation through which a conduit admitted the request. */
    @Column(name = "vendor_organisation", nullable = false)
    public String vendorOrganisation;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "asset_id", nullable = false)
    public Asset asset;

    /**
     * The conduit that admitted the request, by its name at that moment: a name, not a reference, so that a
     * conduit renamed or removed later does not rewrite what the reviewers were shown. Null for older rows.
     */
    @Column(name = "conduit_name")
    public String conduitName;

    @ElementCollection
    @CollectionTable(name = "access_request_protocol", joinColumns = @JoinColumn(name = "request_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "protocol", nullable = false)
    public Set<Protocol> protocols = new HashSet<>();

    @Column(name = "requested_start", nullable = false)
    public Instant requestedStart;

    @Column(name = "requested_end", nullable = false)
    public Instant requestedEnd;

    @Column(nullable = false)
    public String reason;

    @Column(name = "work_order")
    public String workOrder;

    /** Distinct approvals the zone's security level asked for when the request was made. */
    @Column(name = "approvals_needed", nullable = false)
    public int approvalsNeeded;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AccessState state;

    /** Why the request is in its state: the deny or revoke reason, or what the clock did. */
    @Column(name = "state_reason")
    public String stateReason;

    @Column(name = "state_changed_by", nullable = false)
    public String stateChangedBy;

    @Column(name = "state_changed_at", nullable = false)
    public Instant stateChangedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A request still pending at this instant expires unreviewed. */
    @Column(name = "pending_until", nullable = false)
    public Instant pendingUntil;

    /** Set by the final approval: when the grant starts and ends. */
    @Column(name = "grant_start")
    public Instant grantStart;

    @Column(name = "grant_end")
    public Instant grantEnd;

    @OneToMany(mappedBy = "request")
    @OrderBy("approvedAt, id")
    public List<AccessApproval> approvals = new ArrayList<>();

    /**
     * The request with this id, its row locked until the transaction ends ({@code SELECT ... FOR UPDATE}).
     * Why: every review, cancel, revoke and time-driven change locks first, so concurrent callers on any
     * broker see each other's result and exactly one of them makes a given transition.
     */
    static AccessRequest lock(long id) {
        AccessRequest request = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            throw ProblemException.notFound("access request");
        }
        return request;
    }

    /** What holds at {@code now}: the stored state moved on by the times it carries. */
    public AccessState effectiveState(Instant now) {
        return switch (state) {
            case PENDING -> now.isBefore(pendingUntil) ? AccessState.PENDING : AccessState.EXPIRED;
            case APPROVED, ACTIVE -> grantStateAt(now);
            default -> state;
        };
    }

    private AccessState grantStateAt(Instant now) {
        if (!now.isBefore(grantEnd)) {
            return AccessState.EXPIRED;
        }
        return now.isBefore(grantStart) ? AccessState.APPROVED : AccessState.ACTIVE;
    }

    /** Why the clock moved (or moves) this request from its stored state into {@code due}. */
    String clockReason(AccessState due) {
        if (state == AccessState.PENDING) {
            return "Not reviewed before " + pendingUntil + ".";
        }
        return due == AccessState.ACTIVE ? "The grant started at " + grantStart + "."
                : "The grant ended at " + grantEnd + ".";
    }

    /** When the clock moved (or moves) this request from its stored state into {@code due}. */
    Instant clockMovedAt(AccessState due) {
        if (state == AccessState.PENDING) {
            return pendingUntil;
        }
        return due == AccessState.ACTIVE ? grantStart : grantEnd;
    }

    public Duration requestedDuration() {
        return Duration.between(requestedStart, requestedEnd);
    }

    /** Start of the window access applies to: the grant's once approved, the requested one before. */
    public Instant windowStart() {
        return grantStart != null ? grantStart : requestedStart;
    }

    public Instant windowEnd() {
        return grantEnd != null ? grantEnd : requestedEnd;
    }

    /** Whether this request's window and {@code [start, end)} share an instant. */
    public boolean overlaps(Instant start, Instant end) {
        return windowStart().isBefore(end) && start.isBefore(windowEnd());
    }

    public Optional<AccessApproval> approvalBy(String operator) {
        return approvals.stream().filter(approval -> approval.operator.equals(operator)).findFirst();
    }

    /** The earliest end any approving operator shortened the grant to, if one did. */
    public Optional<Instant> shortenedEnd() {
        return approvals.stream().map(approval -> approval.shortenedEnd).filter(Objects::nonNull)
                .min(Instant::compareTo);
    }

    /** How audit events name this request. */
    public String subject() {
        return "access-request/" + id;
    }
}
