package io.otbroker.access;

import io.otbroker.asset.Asset;
import io.otbroker.audit.AuditEventType;
import io.otbroker.policy.AccessAsk;
import io.otbroker.policy.AccessDecision;
import io.otbroker.policy.AccessPolicy;
import io.otbroker.security.Caller;
import io.otbroker.web.Problem;
import io.otbroker.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Vendors' side of access: making a request and cancelling it. */
@ApplicationScoped
public class AccessRequests {

    @Inject
    AccessPolicy policy;

    @Inject
    AccessTransitions transitions;

    @Inject
    OpenAccess openAccess;

    @ConfigProperty(name = "otbroker.access.pending-timeout", defaultValue = "PT24H")
    Duration pendingTimeout;

    /**
     * Creates a {@code PENDING} request if the policy allows it. Refusals are {@link AccessRefusal}s:
     * 404 if the vendor may not see the asset, 400 naming the fields the policy refuses, 409 if the
     * vendor already has an open request for the asset in an overlapping window.
     */
    @Transactional
    public AccessRequestView create(Caller vendor, AccessRequestBody body) {
        Instant now = transitions.now();
        AccessRequestBody.Window window = body.window(now);
        // Why lock the asset: two simultaneous requests of one vendor must not both pass the overlap check.
        Asset asset = body.findAsset().map(found -> Asset.<Asset>findById(found.id, LockModeType.PESSIMISTIC_WRITE))
                .orElse(null);
        AccessAsk ask = new AccessAsk(vendor.vendorOrganisations(), asset, body.protocols(), window.start(),
                window.end(), window.lengthField(), body.reason(), body.workOrder());
        AccessDecision decision = policy.decide(ask);
        if (!decision.allowed()) {
            throw refusal(decision, body, asset);
        }
        requireNoOverlap(vendor.name(), asset, window, now, body);
        AccessRequest request = newRequest(vendor, asset, ask, decision, now);
        request.persist();
        transitions.created(request, creationDetails(request, decision));
        return AccessRequestView.of(request, now);
    }

    /** Cancels the vendor's own request while it is pending or approved but not yet active. */
    @Transactional
    public AccessRequestView cancel(Caller vendor, long id) {
        AccessRequest request = transitions.lockCurrent(id);
        if (!request.vendor.equals(vendor.name())) {
            // Why: someone else's request must look exactly like one that does not exist.
            throw ProblemException.notFound("access request");
        }
        transitions.move(request, AccessState.CANCELLED, vendor.name(), AuditEventType.ACCESS_CANCEL,
                "Cancelled by the vendor.", Map.of());
        return AccessRequestView.of(request, transitions.now());
    }

    private AccessRequest newRequest(Caller vendor, Asset asset, AccessAsk ask, AccessDecision decision, Instant now) {
        AccessRequest request = new AccessRequest();
        request.vendor = vendor.name();
        request.vendorOrganisation = decision.organisation();
        request.asset = asset;
        request.conduitName = decision.conduit().name;
        request.protocols.addAll(ask.protocols());
        request.requestedStart = ask.start();
        request.requestedEnd = ask.end();
        request.reason = ask.reason();
        request.workOrder = ask.workOrder() == null || ask.workOrder().isBlank() ? null : ask.workOrder().strip();
        request.approvalsNeeded = asset.zone.securityLevel.approvalsNeeded();
        request.state = AccessState.PENDING;
        request.stateChangedBy = vendor.name();
        request.stateChangedAt = now;
        request.createdAt = now;
        request.pendingUntil = now.plus(pendingTimeout);
        return request;
    }

    /** What a security team asks about a new request: what, when, through which conduit, why. */
    private static Map<String, Object> creationDetails(AccessRequest request, AccessDecision decision) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("protocols", request.protocols.stream().sorted().toList());
        details.put("requestedStart", request.requestedStart.toString());
        details.put("requestedEnd", request.requestedEnd.toString());
        details.put("conduit", decision.conduit().name);
        details.put("vendorOrganisation", request.vendorOrganisation);
        if (request.workOrder != null) {
            details.put("workOrder", request.workOrder);
        }
        details.put("reason", request.reason);
        return details;
    }

    private void requireNoOverlap(String vendor, Asset asset, AccessRequestBody.Window window, Instant now,
            AccessRequestBody body) {
        openAccess.openFor(asset, now).stream()
                .filter(open -> open.vendor.equals(vendor) && open.overlaps(window.start(), window.end()))
                .findFirst()
                .ifPresent(open -> {
                    throw new AccessRefusal(Problem.of(Response.Status.CONFLICT, "You already have access request "
                            + open.id + " for this asset in an overlapping window (" + open.windowStart() + " to "
                            + open.windowEnd() + ")."), AuditEventType.ACCESS_REFUSE, asset.subject(), asked(body));
                });
    }

    private static AccessRefusal refusal(AccessDecision decision, AccessRequestBody body, Asset asset) {
        Problem problem = decision.outcome() == AccessDecision.Outcome.NOT_FOUND
                ? ProblemException.notFound("asset").problem()
                : Problem.invalid(decision.refusals());
        return new AccessRefusal(problem, AuditEventType.ACCESS_REFUSE, asset == null ? "asset/unknown"
                : asset.subject(), asked(body));
    }

    /** What the vendor asked for, for the audit event of a refusal. */
    private static Map<String, Object> asked(AccessRequestBody body) {
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("assetName", String.valueOf(body.assetName()));
        asked.put("assetId", String.valueOf(body.assetId()));
        asked.put("protocols", body.protocols().stream().sorted().toList());
        return asked;
    }
}
