package io.otbroker.access;

import io.otbroker.security.Caller;
import io.otbroker.security.Roles;
import io.otbroker.web.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators' reviews of access requests: approve (optionally shortening), deny, revoke. Separation of
 * duties holds even for a user who has both roles: nobody reviews their own request, no vendor
 * reviews any; such refusals are audited.
 */
@Path("/api/access-requests/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access requests")
public class ReviewResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    Reviews reviews;

    @Inject
    AuditedRefusals refusals;

    @POST
    @Path("approve")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Approve a pending request", description = "SL1/SL2 zones need one approval, SL3/SL4 two "
            + "by different operators; the last one needed makes the grant. The grant starts at that approval or "
            + "at the requested start, whichever is later, and keeps the full requested duration unless an "
            + "approval shortened it.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "shortened",
            value = AccessExamples.APPROVAL)))
    @APIResponse(responseCode = "200", description = "Approval recorded; APPROVED (or ACTIVE) once enough are given")
    @APIResponse(responseCode = "403", description = "Own request, or the reviewer is also a vendor")
    @APIResponse(responseCode = "409", description = "Not pending, or already approved by this operator",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AccessRequestView approve(@PathParam("id") long id, @Valid ReviewBodies.Approval body) {
        Caller operator = Caller.of(identity);
        return refusals.recording(() -> reviews.approve(operator, id, body));
    }

    @POST
    @Path("deny")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Deny a pending request", description = "Any single denial ends the request.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reason", value = AccessExamples.REASON)))
    @APIResponse(responseCode = "200", description = "DENIED")
    @APIResponse(responseCode = "409", description = "Not pending", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AccessRequestView deny(@PathParam("id") long id, @Valid @NotNull ReviewBodies.Reason body) {
        Caller operator = Caller.of(identity);
        return refusals.recording(() -> reviews.deny(operator, id, body.reason()));
    }

    @POST
    @Path("revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Revoke an approved or active grant", description = "Takes effect at once.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "reason", value = AccessExamples.REASON)))
    @APIResponse(responseCode = "200", description = "REVOKED")
    @APIResponse(responseCode = "409", description = "Not approved or active",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AccessRequestView revoke(@PathParam("id") long id, @Valid @NotNull ReviewBodies.Reason body) {
        return reviews.revoke(Caller.of(identity), id, body.reason());
    }
}
