package io.otbroker.asset;

import io.otbroker.access.OpenAccess;
import io.otbroker.audit.AuditEventType;
import io.otbroker.audit.AuditLog;
import io.otbroker.security.Roles;
import io.otbroker.web.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
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

/**
 * Admin API for assets. Vendors get 403 here: their view of assets, limited to what they may
 * request, is a separate API.
 */
@Path("/api/admin/assets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assets", description = "Devices in zones, their endpoints and pinned SSH host keys")
public class AssetResource {

    @Inject
    AuditLog audit;

    @Inject
    OpenAccess openAccess;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "List assets by name, optionally of one zone")
    public List<AssetResponse> list(@QueryParam("zoneId") Long zoneId) {
        List<Asset> assets = zoneId == null
                ? Asset.listAll(Sort.by("name"))
                : Asset.list("zone.id", Sort.by("name"), zoneId);
        return assets.stream().map(AssetResponse::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "Get one asset")
    public AssetResponse get(@PathParam("id") long id) {
        return AssetResponse.of(Asset.require(id));
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create an asset", description = "Without a pinned SSH host key no SSH session to the "
            + "asset will be allowed.")
    public Response create(@Valid @NotNull AssetRequest body, @Context UriInfo uri) {
        requireNameFree(body.name(), null);
        Asset asset = new Asset();
        body.applyTo(asset);
        asset.persist();
        audit.record(AuditEventType.ASSET_CREATE, asset.subject(), auditDetails(asset));
        return Response.created(uri.getAbsolutePathBuilder().path(asset.id.toString()).build())
                .entity(AssetResponse.of(asset)).build();
    }

    @PUT
    @Path("{id}")
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replace an asset")
    public AssetResponse update(@PathParam("id") long id, @Valid @NotNull AssetRequest body) {
        Asset asset = Asset.require(id);
        requireNameFree(body.name(), asset);
        body.applyTo(asset);
        audit.record(AuditEventType.ASSET_UPDATE, asset.subject(), auditDetails(asset));
        return AssetResponse.of(asset);
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete an asset and its stored credential", description = "Refused while an access "
            + "request for it is pending, approved or active; its closed requests go with it (the audit log keeps them).")
    public void delete(@PathParam("id") long id) {
        Asset asset = Asset.require(id);
        // Why lock: new requests lock the asset too, so none can slip in between this count and the delete.
        Asset.getEntityManager().lock(asset, LockModeType.PESSIMISTIC_WRITE);
        long open = openAccess.countFor(asset);
        if (open > 0) {
            // Why: a grant must end through revocation or expiry, so the session layer hears of it.
            throw ProblemException.conflict("Asset '" + asset.name + "' has " + open + " open access request(s); "
                    + "deny or revoke them first.");
        }
        asset.delete();
        audit.record(AuditEventType.ASSET_DELETE, asset.subject(), Map.of("name", asset.name));
    }

    private static void requireNameFree(String name, Asset self) {
        Asset.findByName(name).filter(other -> other != self).ifPresent(other -> {
            throw ProblemException.conflict("An asset named '" + other.name + "' already exists.");
        });
    }

    /** Where the broker will connect and which host key it trusts: what a security team asks about. */
    private static Map<String, Object> auditDetails(Asset asset) {
        List<String> endpoints = asset.endpoints.stream()
                .map(e -> e.protocol() + " " + e.host() + ":" + e.port()).sorted().toList();
        String fingerprint = asset.pinnedHostKey().map(SshHostKey::fingerprint).orElse("none");
        return Map.of("name", asset.name, "zoneId", asset.zone.id, "endpoints", endpoints,
                "sshHostKeyFingerprint", fingerprint);
    }
}
