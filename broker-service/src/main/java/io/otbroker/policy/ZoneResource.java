package io.otbroker.policy;

import io.otbroker.asset.Asset;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin API for zones. Reads are open to the plant's staff roles; only admins change the plant model. */
@Path("/api/admin/zones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Zones", description = "IEC 62443 zones and their target security level")
public class ZoneResource {

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "List zones by name")
    public List<ZoneResponse> list() {
        return Zone.<Zone>listAll(Sort.by("name")).stream().map(ZoneResponse::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Get one zone")
    public ZoneResponse get(@PathParam("id") long id) {
        return ZoneResponse.of(Zone.require(id));
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a zone")
    public Response create(@Valid @NotNull ZoneRequest body, @Context UriInfo uri) {
        requireNameFree(body.name(), null);
        Zone zone = new Zone();
        body.applyTo(zone);
        zone.persist();
        audit.record(AuditEventType.ZONE_CREATE, zone.subject(),
                Map.of("name", zone.name, "securityLevel", zone.securityLevel));
        return Response.created(uri.getAbsolutePathBuilder().path(zone.id.toString()).build())
                .entity(ZoneResponse.of(zone)).build();
    }

    @PUT
    @Path("{id}")
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace a zone", description = "Raising the security level is refused while a conduit "
            + "of the zone allows more than the new level permits.")
    public ZoneResponse update(@PathParam("id") long id, @Valid @NotNull ZoneRequest body) {
        Zone zone = Zone.require(id);
        requireNameFree(body.name(), zone);
        requireConduitsWithin(zone, body.securityLevel());
        String previousName = zone.name;
        SecurityLevel previousLevel = zone.securityLevel;
        body.applyTo(zone);
        audit.record(AuditEventType.ZONE_UPDATE, zone.subject(), Map.of(
                "name", zone.name, "securityLevel", zone.securityLevel,
                "previousName", previousName, "previousSecurityLevel", previousLevel));
        return ZoneResponse.of(zone);
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete an empty zone", description = "Refused while assets or conduits are in the zone.")
    public void delete(@PathParam("id") long id) {
        Zone zone = Zone.require(id);
        long assets = Asset.count("zone", zone);
        long conduits = Conduit.count("zone", zone);
        if (assets + conduits > 0) {
            throw ProblemException.conflict("Zone '" + zone.name + "' still has " + assets + " asset(s) and "
                    + conduits + " conduit(s); move or delete them first.");
        }
        zone.delete();
        audit.record(AuditEventType.ZONE_DELETE, zone.subject(), Map.of("name", zone.name));
    }

    private static void requireNameFree(String name, Zone self) {
        Zone.findByName(name.strip()).filter(other -> other != self).ifPresent(other -> {
            throw ProblemException.conflict("A zone named '" + other.name + "' already exists.");
        });
    }

    /** Why: changing the level must not leave a conduit looser than its zone now allows. */
    private static void requireConduitsWithin(Zone zone, SecurityLevel level) {
        List<String> clashes = Conduit.listInZone(zone).stream()
                .flatMap(conduit -> level.violations(conduit.longestGrant(), new SessionRules(conduit.execAllowed,
                        conduit.uploadAllowed, conduit.downloadAllowed, conduit.keepTransferredFiles)).entrySet().stream()
                        .map(v -> "conduit '" + conduit.name + "': " + v.getKey() + " " + v.getValue()))
                .toList();
        if (!clashes.isEmpty()) {
            throw ProblemException.conflict("Conduits of this zone allow more than " + level
                    + " permits; tighten them first: " + String.join("; ", clashes) + ".");
        }
    }
}
