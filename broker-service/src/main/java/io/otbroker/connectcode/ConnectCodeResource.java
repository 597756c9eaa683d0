package io.otbroker.connectcode;

import io.otbroker.security.Roles;
import io.otbroker.web.Problem;
import io.otbroker.web.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Vendors ask here for the one-time code an SSH session into an SL3/SL4 zone needs, right after logging in
 * with MFA. Only the grant's own vendor gets one; every refusal is audited.
 */
@Path("/api/access-requests/{id}/connect-code")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access requests")
public class ConnectCodeResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    FreshLogin freshLogin;

    @Inject
    ConnectCodes codes;

    @POST
    @RolesAllowed(Roles.VENDOR)
    @Operation(summary = "Get a one-time SSH connect code", description = "For an active grant in an SL3/SL4 "
            + "zone: type the code at the SSH prompt 'One-time connect code:'. Valid two minutes, once; a new "
            + "code replaces the grant's unused ones. Needs a login (with MFA) of the last few minutes.")
    @APIResponse(responseCode = "200", description = "The code; it is shown only this once")
    @APIResponse(responseCode = "403", description = "The login is not fresh: log in again (type "
            + FreshLogin.PROBLEM_TYPE + ")", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown, or another vendor's request")
    @APIResponse(responseCode = "409", description = "The grant is not active now, or its zone needs no codes",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response issue(@PathParam("id") long id) {
        try {
            freshLogin.require(identity);
            IssuedConnectCode issued = codes.issue(identity.getPrincipal().getName(), id);
            // The body is a secret: no cache on the way may keep it.
            return Response.ok(issued).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        } catch (ProblemException refusal) {
            codes.auditRefusal(id, refusal);
            throw refusal;
        }
    }
}
