package io.otbroker.session;

import io.otbroker.audit.AuditEventType;
import io.otbroker.audit.AuditLog;
import io.otbroker.security.Caller;
import io.otbroker.security.Roles;
import io.otbroker.web.Paging;
import io.otbroker.web.ProblemException;
import io.otbroker.web.QueryParams;
import io.otbroker.web.TimeRange;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Sessions: operators and auditors list this broker's live ones and the history of all, operators end live
 * ones. Watching a live session is {@link SessionWatchSocket}; recordings are under {@code /api/recordings}.
 */
@Path("/api/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Live relayed sessions")
public class SessionResource {

    @Inject
    LiveSessions sessions;

    @Inject
    AuditLog audit;

    @Inject
    SessionHistory history;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Live sessions on this broker", description = "Oldest first.")
    public List<LiveSessionView> list() {
        return sessions.list().stream().map(LiveSessionView::of)
                .sorted(Comparator.comparing(LiveSessionView::started)).toList();
    }

    @GET
    @Path("history")
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Sessions past and present, across brokers", description = "Newest first, one page at a "
            + "time, each with its recording's state and last verification (see POST /api/recordings/{id}/verify).")
    public SessionHistoryPage history(
            @Parameter(description = "Vendor user name") @RestQuery String vendor,
            @Parameter(description = "Asset name") @RestQuery String asset,
            @Parameter(description = "Started at or after, ISO-8601 instant") @RestQuery String from,
            @Parameter(description = "Started before, ISO-8601 instant") @RestQuery String to,
            @Parameter(description = "0-based page index, default 0") @RestQuery String page,
            @Parameter(description = "Page size, 1 to 500, default 50") @RestQuery String size) {
        if (!Caller.of(identity).actsAsStaff()) {
            // Why: the history names every vendor's sessions; a vendor never reads it, whatever else the token says.
            throw new ForbiddenException();
        }
        return history.page(QueryParams.blankToNull(vendor), QueryParams.blankToNull(asset), TimeRange.parse(from, to),
                Paging.parse(page, size));
    }

    @POST
    @Path("{id}/terminate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "End a live session", description = "The vendor sees the reason; the recording is sealed.")
    @APIResponse(responseCode = "200", description = "The session, now being closed")
    @APIResponse(responseCode = "404", description = "No such live session on this broker")
    public LiveSessionView terminate(@PathParam("id") UUID id, @Valid @NotNull TerminateBody body) {
        LiveSession session = sessions.find(id).orElseThrow(() -> ProblemException.notFound("live session"));
        audit.record(AuditEventType.SESSION_TERMINATE, "session/" + id, Map.of("grant", session.grantId(),
                "vendor", session.vendor(), "reason", body.reason()));
        // Why after the audit event: the session must not end without the record of who ended it and why.
        LiveSessions.cutLater(session, "An operator ended the session: " + body.reason());
        return LiveSessionView.of(session);
    }
}
