package io.otbroker.access;

import io.otbroker.asset.Asset;
import io.otbroker.policy.AccessPolicy;
import io.otbroker.security.Caller;
import io.otbroker.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The vendor's catalogue: the assets this vendor may request, each with its zone, security level and
 * the policy that applies. Assets without a conduit admitting the vendor's organisation are absent.
 */
@Path("/api/assets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access requests")
public class RequestableAssetResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    AccessPolicy policy;

    @GET
    @Transactional
    @RolesAllowed(Roles.VENDOR)
    @Operation(summary = "Assets the caller may request", description = "By name, with approvals needed, longest "
            + "grant, supervision, per-session MFA, work-order rule and the maintenance windows of each conduit.")
    @APIResponse(responseCode = "200", description = "The catalogue, by asset name",
            content = @Content(examples = @ExampleObject(name = "Acme in the demo plant", value = AccessExamples.CATALOGUE)))
    public List<RequestableAsset> list() {
        Caller vendor = Caller.of(identity);
        List<Asset> assets = policy.requestableAssets(vendor.vendorOrganisations());
        return assets.stream()
                .map(asset -> RequestableAsset.of(asset, policy.conduitsAdmitting(asset, vendor.vendorOrganisations())))
                .toList();
    }
}
