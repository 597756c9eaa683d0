package io.otbroker.sshkey;

import io.otbroker.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A vendor's own SSH public keys for the SSH front door. Only vendors, and only their own keys:
 * registering needs the MFA-backed API login, so a key is as good as the login that added it.
 */
@Path("/api/ssh-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SSH keys", description = "Vendors' public keys for ssh -p 2222 vendor:asset@broker")
public class SshKeyResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    VendorSshKeys keys;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENDOR)
    @Operation(summary = "Register an SSH public key", description = "ssh-ed25519, ecdsa-sha2-nistp256/384/521 or "
            + "ssh-rsa of at least 3072 bits, with an optional expiry.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "400", description = "Not an accepted key, or an expiry in the past")
    @APIResponse(responseCode = "409", description = "Already registered")
    public Response register(@Valid @NotNull SshKeyRequest request, @Context UriInfo uri) {
        SshKeyView created = keys.register(vendor(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @RolesAllowed(Roles.VENDOR)
    @Operation(summary = "The caller's SSH keys", description = "Revoked and expired ones too, marked not usable.")
    public List<SshKeyView> list() {
        return keys.list(vendor());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VENDOR)
    @APIResponse(responseCode = "404", description = "Unknown, or another vendor's")
    public SshKeyView get(@PathParam("id") long id) {
        return keys.get(vendor(), id);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.VENDOR)
    @Operation(summary = "Revoke an own SSH key", description = "It no longer logs in; the record stays.")
    @APIResponse(responseCode = "404", description = "Unknown, or another vendor's")
    public SshKeyView revoke(@PathParam("id") long id) {
        return keys.revoke(vendor(), id);
    }

    private String vendor() {
        return identity.getPrincipal().getName();
    }
}
