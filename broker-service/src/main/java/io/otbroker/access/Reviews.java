package io.otbroker.access;

import io.otbroker.audit.AuditEventType;
import io.otbroker.policy.AccessPolicy;
import io.otbroker.policy.Conduit;
import io.otbroker.security.Caller;
import io.otbroker.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operators' side of access: approving (optionally shortening), denying, revoking. Every call locks
 * the request's row first, so however many operators click at once, each sees the others' result
 * and a request becomes a grant exactly once.
 */
@ApplicationScoped
public class Reviews {

    @Inject
    AccessTransitions transitions;

    @Inject
    AccessPolicy policy;

    /** Distinct approvals a request needs: what its zone's level asked for then, or asks now if stricter. */
    static int approvalsNeeded(AccessRequest request) {
        return Math.max(request.approvalsNeeded, request.asset.zone.securityLevel.approvalsNeeded());
    }

    /** Records the operator's approval; the last one needed turns the request into a grant. */
    @Transactional
    public AccessRequestView approve(Caller operator, long id, ReviewBodies.Approval body) {
        AccessRequest request = transitions.lockCurrent(id);
        requireMayReview(operator, request);
        transitions.requireAllowed(request, AccessState.APPROVED);
        if (request.approvalBy(operator.name()).isPresent()) {
            // Why: the two-person rule of SL3/SL4 needs two people; a second click must not count.
            throw AccessRefusal.review(Response.Status.CONFLICT, "You have already approved this request; "
                    + "one operator counts once.", request);
        }
        Instant now = transitions.now();
        AccessApproval approval = new AccessApproval();
        approval.request = request;
        approval.operator = operator.name();
        approval.approvedAt = now;
        approval.comment = body == null ? null : body.comment();
        approval.shortenedEnd = body == null || body.end() == null ? null
                : shortenedEnd(request, body.end().truncatedTo(ChronoUnit.MICROS), now);
        approval.persistAndFlush();
        request.approvals.add(approval);
        if (request.approvals.size() < approvalsNeeded(request)) {
            transitions.approvalRecorded(request, operator.name(), approvalDetails(request, approval));
        } else {
            grant(request, approval, now);
        }
        return AccessRequestView.of(request, transitions.now());
    }

    /** Denies a pending request; any single denial ends it. */
    @Transactional
    public AccessRequestView deny(Caller operator, long id, String reason) {
        AccessRequest request = transitions.lockCurrent(id);
        requireMayReview(operator, request);
        transitions.move(request, AccessState.DENIED, operator.name(), AuditEventType.ACCESS_DENY, reason, Map.of());
        return AccessRequestView.of(request, transitions.now());
    }

    /** Revokes an approved or active grant at once. */
    @Transactional
    public AccessRequestView revoke(Caller operator, long id, String reason) {
        AccessRequest request = transitions.lockCurrent(id);
        requireMayReview(operator, request);
        transitions.move(request, AccessState.REVOKED, operator.name(), AuditEventType.ACCESS_REVOKE, reason,
                Map.of("grantStart", String.valueOf(request.grantStart), "grantEnd", String.valueOf(request.grantEnd)));
        return AccessRequestView.of(request, transitions.now());
    }

    /** The final approval: fixes the grant window, approves, and activates at once if the window has begun. */
    private void grant(AccessRequest request, AccessApproval approval, Instant now) {
        GrantWindow window = grantIfApprovedAt(request, now);
        requireStillAdmitted(request, window);
        request.grantStart = window.start();
        request.grantEnd = window.end();
        Map<String, Object> details = approvalDetails(request, approval);
        details.put("approvedBy", request.approvals.stream().map(a -> a.operator).toList());
        details.put("grantStart", window.start().toString());
        details.put("grantEnd", window.end().toString());
        transitions.move(request, AccessState.APPROVED, approval.operator, AuditEventType.ACCESS_APPROVE, null, details);
        transitions.catchUp(request);
    }

    /**
     * Why: a grant must stand on the conduits as they are now and for the window it really gets. The
     * plant may have closed the path while the request waited (vendor organisation or protocol
     * removed, longest grant shortened), and a late approval moves the window, which must still lie
     * inside a maintenance window: the operator then approves with an earlier end, or denies.
     */
    private void requireStillAdmitted(AccessRequest request, GrantWindow window) {
        List<Conduit> admitting = policy.conduitsAdmitting(request.asset, List.of(request.vendorOrganisation)).stream()
                .filter(conduit -> conduit.allowedProtocols.containsAll(request.protocols))
                .toList();
        if (admitting.isEmpty()) {
            throw AccessRefusal.review(Response.Status.CONFLICT, "No conduit admits this request any more "
                    + "(vendor organisation or protocol removed); deny it.", request);
        }
        Duration length = Duration.between(window.start(), window.end());
        Duration levelLimit = request.asset.zone.securityLevel.longestGrant();
        boolean fits = admitting.stream().anyMatch(conduit -> length.compareTo(conduit.longestGrant()) <= 0
                && length.compareTo(levelLimit) <= 0
                && conduit.schedule().isOpenThroughout(window.start(), window.end()));
        if (!fits) {
            throw AccessRefusal.review(Response.Status.CONFLICT, "The grant would run from " + window.start() + " to "
                    + window.end() + ", outside the conduit's maintenance windows or longer than its longest grant; "
                    + "approve with an earlier end, or deny.", request);
        }
    }

    /**
     * Separation of duties. Why: nobody reviews their own request, and a vendor never reviews any,
     * even when a misconfigured realm gives one user both roles.
     */
    private static void requireMayReview(Caller operator, AccessRequest request) {
        if (operator.name().equals(request.vendor)) {
            throw AccessRefusal.review(Response.Status.FORBIDDEN, "Nobody reviews their own access request.", request);
        }
        if (operator.isVendor()) {
            throw AccessRefusal.review(Response.Status.FORBIDDEN, "A vendor never reviews access requests "
                    + "(separation of duties), even with the operator role.", request);
        }
    }

    /**
     * The end an approval shortens the grant to, validated: after the grant's start and not after the
     * end it would otherwise get. Why: an approval may only narrow what was asked, never widen it.
     */
    private static Instant shortenedEnd(AccessRequest request, Instant end, Instant now) {
        GrantWindow unshortened = grantIfApprovedAt(request, now);
        if (!end.isAfter(unshortened.start())) {
            throw ProblemException.invalid("end", "must be after the grant's start, " + unshortened.start());
        }
        if (end.isAfter(unshortened.end())) {
            throw ProblemException.invalid("end", "must not be after " + unshortened.end()
                    + ": an approval may shorten a grant, never extend it");
        }
        return end;
    }

    /** The grant the request would get if its last approval came at {@code now}; 409 if none is left. */
    private static GrantWindow grantIfApprovedAt(AccessRequest request, Instant now) {
        return GrantWindow.afterApproval(now, request.requestedStart, request.requestedEnd, request.shortenedEnd())
                .orElseThrow(() -> ProblemException.conflict("An approval shortened this grant to an end that has "
                        + "passed; deny the request instead."));
    }

    private static Map<String, Object> approvalDetails(AccessRequest request, AccessApproval approval) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("approvalsGiven", request.approvals.size());
        details.put("approvalsNeeded", approvalsNeeded(request));
        Optional.ofNullable(approval.comment).ifPresent(comment -> details.put("comment", comment));
        Optional.ofNullable(approval.shortenedEnd).ifPresent(end -> details.put("shortenedEnd", end.toString()));
        return details;
    }
}
