package io.otbroker.access;

import io.otbroker.asset.Protocol;
import io.otbroker.audit.AuditLog;
import io.otbroker.policy.SecurityLevel;
import java.time.Instant;
import java.util.List;

/**
 * An access request as the API shows it, in the state that holds now (the clock decides ACTIVE and
 * EXPIRED even before the scheduler has written them).
 *
 * @param conduitName the conduit that admitted the request (null for requests older than this field)
 */
public record AccessRequestView(long id, String vendor, String vendorOrganisation, long assetId, String assetName,
        long zoneId, String zoneName, String conduitName, SecurityLevel securityLevel, List<Protocol> protocols, Instant requestedStart,
        Instant requestedEnd, String requestedDuration, String reason, String workOrder, AccessState state,
        String stateReason, String stateChangedBy, Instant stateChangedAt, Instant createdAt, Instant pendingUntil,
        int approvalsNeeded, List<Approval> approvals, Instant grantStart, Instant grantEnd) {

    /** One operator's approval. */
    public record Approval(String operator, Instant approvedAt, String comment, Instant shortenedEnd) {

        static Approval of(AccessApproval approval) {
            return new Approval(approval.operator, approval.approvedAt, approval.comment, approval.shortenedEnd);
        }
    }

    static AccessRequestView of(AccessRequest request, Instant now) {
        AccessState state = request.effectiveState(now);
        boolean clockMoved = state != request.state;
        var zone = request.asset.zone;
        return new AccessRequestView(request.id, request.vendor, request.vendorOrganisation, request.asset.id,
                request.asset.name, zone.id, zone.name, request.conduitName, zone.securityLevel,
                request.protocols.stream().sorted().toList(), request.requestedStart, request.requestedEnd,
                request.requestedDuration().toString(), request.reason, request.workOrder, state,
                clockMoved ? request.clockReason(state) : request.stateReason,
                clockMoved ? AuditLog.SYSTEM_ACTOR : request.stateChangedBy,
                clockMoved ? request.clockMovedAt(state) : request.stateChangedAt,
                request.createdAt, request.pendingUntil, Reviews.approvalsNeeded(request),
                request.approvals.stream().map(Approval::of).toList(), request.grantStart, request.grantEnd);
    }
}
