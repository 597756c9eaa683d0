package io.otbroker.access;

import io.otbroker.security.Caller;
import io.otbroker.security.Roles;
import io.otbroker.web.Paging;
import io.otbroker.web.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Access requests as vendors make them and everyone reads them: vendors request and cancel and see
 * their own; operators and auditors see all. Reviews are in {@link ReviewResource}.
 */
@Path("/api/access-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access requests", description = "Just-in-time access: requests and the grants they become")
public class AccessRequestResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    AccessRequests requests;

    @Inject
    AccessRequestReads reads;

    @Inject
    AuditedRefusals refusals;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENDOR)
    @Operation(summary = "Request access to an asset", description = "Refused (and audited) when the asset is not "
            + "visible to the vendor (404), the policy refuses a field (400), or the vendor already has an open "
            + "request for the asset in an overlapping window (409).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two hours of RDP", value = AccessExamples.REQUEST)))
    @APIResponse(responseCode = "201", description = "Created, PENDING; the body is the request as GET shows it")
    @APIResponse(responseCode = "400", description = "Refused by the policy",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "too long",
                    value = AccessExamples.REFUSED)))
    @APIResponse(responseCode = "404", description = "No asset of that name or id visible to the vendor")
    @APIResponse(responseCode = "409", description = "An overlapping open request exists")
    public Response create(@Valid @NotNull AccessRequestBody body, @Context UriInfo uri) {
        Caller vendor = Caller.of(identity);
        AccessRequestView created = refusals.recording(() -> requests.create(vendor, body));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.VENDOR, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "List access requests", description = "Newest first. Vendors see only their own.")
    public AccessRequestPage list(@BeanParam AccessRequestQuery query,
            @Parameter(description = "0-based page index, default 0") @RestQuery String page,
            @Parameter(description = "Page size, 1 to 500, default 50") @RestQuery String size) {
        return reads.page(Caller.of(identity), query.toFilter(), Paging.parse(page, size));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VENDOR, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Get one access request", description = "A vendor asking for someone else's gets 404.")
    @APIResponse(responseCode = "200", description = "The request in the state that holds now",
            content = @Content(examples = @ExampleObject(name = "approved", value = AccessExamples.REQUEST_VIEW)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "not found",
                    value = AccessExamples.NOT_FOUND)))
    public AccessRequestView get(@PathParam("id") long id) {
        return reads.get(Caller.of(identity), id);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Roles.VENDOR)
    @Operation(summary = "Cancel an own request", description = "While it is pending, or approved and not yet active.")
    @APIResponse(responseCode = "200", description = "CANCELLED")
    @APIResponse(responseCode = "409", description = "Not cancellable in its state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "active",
                    value = AccessExamples.CONFLICT)))
    public AccessRequestView cancel(@PathParam("id") long id) {
        return requests.cancel(Caller.of(identity), id);
    }
}
