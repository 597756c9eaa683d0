package io.otbroker.policy;

import io.otbroker.audit.AuditEventType;
import io.otbroker.audit.AuditLog;
import io.otbroker.security.Roles;
import io.otbroker.web.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API for conduits. Every write is checked against the zone's security level. */
@Path("/api/admin/conduits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Conduits", description = "Allowed paths into a zone: protocols, maintenance windows, longest grant, "
        + "file transfer, commands without a shell")
public class ConduitResource {

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "List conduits by name, optionally of one zone")
    public List<ConduitResponse> list(@QueryParam("zoneId") Long zoneId) {
        List<Conduit> conduits = zoneId == null
                ? Conduit.listAll(Sort.by("name"))
                : Conduit.list("zone.id", Sort.by("name"), zoneId);
        return conduits.stream().map(ConduitResponse::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Get one conduit")
    public ConduitResponse get(@PathParam("id") long id) {
        return ConduitResponse.of(Conduit.require(id));
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a conduit", description = "Longest grant, file transfer and keeping transferred "
            + "files default to the zone's security level and may only be tighter than it; execAllowed (commands "
            + "without a shell) defaults to false and is never allowed in SL4 zones; SL3/SL4 always keep files.")
    public Response create(@Valid @NotNull ConduitRequest body, @Context UriInfo uri) {
        requireNameFree(body.name(), null);
        Conduit conduit = new Conduit();
        body.applyTo(conduit);
        conduit.persist();
        audit.record(AuditEventType.CONDUIT_CREATE, conduit.subject(), auditDetails(conduit));
        return Response.created(uri.getAbsolutePathBuilder().path(conduit.id.toString()).build())
                .entity(ConduitResponse.of(conduit)).build();
    }

    @PUT
    @Path("{id}")
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a conduit")
    public ConduitResponse update(@PathParam("id") long id, @Valid @NotNull ConduitRequest body) {
        Conduit conduit = Conduit.require(id);
        requireNameFree(body.name(), conduit);
        body.applyTo(conduit);
        audit.record(AuditEventType.CONDUIT_UPDATE, conduit.subject(), auditDetails(conduit));
        return ConduitResponse.of(conduit);
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a conduit")
    public void delete(@PathParam("id") long id) {
        Conduit conduit = Conduit.require(id);
        conduit.delete();
        audit.record(AuditEventType.CONDUIT_DELETE, conduit.subject(), Map.of("name", conduit.name));
    }

    private static void requireNameFree(String name, Conduit self) {
        Conduit.findByName(name.strip()).filter(other -> other != self).ifPresent(other -> {
            throw ProblemException.conflict("A conduit named '" + other.name + "' already exists.");
        });
    }

    /** What a security team asks about a conduit change: its path, hours count, grant length, transfer, exec. */
    private static Map<String, Object> auditDetails(Conduit conduit) {
        return Map.of("name", conduit.name, "zoneId", conduit.zone.id,
                "allowedProtocols", conduit.allowedProtocols.stream().sorted().toList(),
                "longestGrant", conduit.longestGrant().toString(),
                "uploadAllowed", conduit.uploadAllowed, "downloadAllowed", conduit.downloadAllowed,
                "execAllowed", conduit.execAllowed, "keepTransferredFiles", conduit.keepTransferredFiles,
                "maintenanceWindows", conduit.maintenanceWindows.size(),
                "vendorOrganisations", conduit.vendorOrganisations.stream().sorted().toList());
    }
}
