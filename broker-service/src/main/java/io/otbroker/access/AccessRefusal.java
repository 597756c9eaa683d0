package io.otbroker.access;

import io.otbroker.audit.AuditEventType;
import io.otbroker.web.Problem;
import io.otbroker.web.ProblemException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused request or review that the audit log must show even though its transaction rolls back:
 * a security team wants to see who tried what and why it was refused. {@link AuditedRefusals}
 * records it in a transaction of its own.
 */
public class AccessRefusal extends ProblemException {

    private final transient AuditEventType type;
    private final String subject;
    private final transient Map<String, Object> details;

    AccessRefusal(Problem problem, AuditEventType type, String subject, Map<String, ?> details) {
        super(problem);
        this.type = type;
        this.subject = subject;
        this.details = new LinkedHashMap<>(details);
        this.details.put("status", problem.status());
        this.details.put("refusal", problem.errors() == null || problem.errors().isEmpty() ? problem.detail()
                : problem.errors().stream().map(error -> error.field() + " " + error.message()).toList());
    }

    /** A refused review (self-review, a vendor reviewing, one operator counting twice). */
    static AccessRefusal review(Response.Status status, String detail, AccessRequest request) {
        return new AccessRefusal(Problem.of(status, detail), AuditEventType.ACCESS_REVIEW_REFUSED, request.subject(),
                Map.of("assetId", request.asset.id, "vendor", request.vendor));
    }

    AuditEventType type() {
        return type;
    }

    String subject() {
        return subject;
    }

    Map<String, Object> details() {
        return details;
    }
}
