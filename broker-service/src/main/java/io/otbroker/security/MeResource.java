package io.otbroker.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the caller is, as the broker sees it: lets the UI and scripts check a login. */
@Path("/api/me")
@Tag(name = "identity")
public class MeResource {

    /** The caller's name, product roles and vendor organisation (vendors only). */
    public record Me(String username, List<String> roles, List<String> vendorOrganisations) {}

    @Inject
    SecurityIdentity identity;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VENDOR, Roles.OPERATOR, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The authenticated caller")
    public Me me() {
        Caller caller = Caller.of(identity);
        return new Me(caller.name(), caller.roles().stream().sorted().toList(),
                caller.vendorOrganisations().stream().sorted().toList());
    }
}
