package io.otbroker.session;

import io.otbroker.audit.AuditEventType;
import io.otbroker.audit.AuditLog;
import io.otbroker.security.Roles;
import io.otbroker.web.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** This broker's live sessions: operators and auditors list them, operators end them. */
@Path("/api/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Live relayed sessions")
public class SessionResource {

    @Inject
    LiveSessions sessions;

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Live sessions on this broker", description = "Oldest first.")
    public List<LiveSessionView> list() {
        return sessions.list().stream().map(LiveSessionView::of)
                .sorted(Comparator.comparing(LiveSessionView::started)).toList();
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
        LiveSession session = sessions.list().stream().filter(live -> live.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("live session"));
        audit.record(AuditEventType.SESSION_TERMINATE, "session/" + id, Map.of("grant", session.grantId(),
                "vendor", session.vendor(), "reason", body.reason()));
        // Why after the audit event: the session must not end without the record of who ended it and why.
        LiveSessions.cutLater(session, "An operator ended the session: " + body.reason());
        return LiveSessionView.of(session);
    }
}
