package io.otbroker.vault;

import io.otbroker.asset.Asset;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Admin API for the credential the broker uses to log in to an asset. Write-only: a secret goes in,
 * and no response, error or audit event ever carries it back out. Admin only, for reads too.
 */
@Path("/api/admin/assets/{id}/credential")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Asset credentials", description = "Write-only credentials the broker logs in to assets with")
public class AssetCredentialResource {

    @Inject
    Vault vault;

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Tell whether a credential is set", description = "Kind, username and last change; "
            + "never the secret.")
    public CredentialStatus get(@PathParam("id") long id) {
        return vault.status(Asset.require(id).id);
    }

    @PUT
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set or replace the credential", description = "The secret is encrypted at rest and "
            + "cannot be read back through the API.")
    public CredentialStatus put(@PathParam("id") long id, @Valid @NotNull CredentialRequest body) {
        Asset asset = Asset.require(id);
        if (!body.secretMatchesKind()) {
            throw ProblemException.invalid("secret", "must be a PEM or OpenSSH private key "
                    + "('-----BEGIN ... PRIVATE KEY-----') when kind is PRIVATE_KEY");
        }
        boolean replaced = vault.status(asset.id).set();
        CredentialStatus status = vault.store(asset.id, body);
        audit.record(AuditEventType.CREDENTIAL_SET, asset.subject(), Map.of("asset", asset.name,
                "kind", status.kind(), "username", status.username(), "replaced", replaced));
        return status;
    }

    @DELETE
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete the credential")
    public void delete(@PathParam("id") long id) {
        Asset asset = Asset.require(id);
        if (!vault.delete(asset.id)) {
            throw ProblemException.notFound("credential");
        }
        audit.record(AuditEventType.CREDENTIAL_DELETE, asset.subject(), Map.of("asset", asset.name));
    }
}
