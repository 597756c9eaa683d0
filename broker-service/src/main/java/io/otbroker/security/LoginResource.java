package io.otbroker.security;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Browser login: an unauthenticated visit is sent through Keycloak's code flow (PKCE, OTP);
 * once the session cookie is set, the browser goes on to the application.
 */
@Path("/app/login")
@Tag(name = "identity")
public class LoginResource {

    @GET
    @Authenticated
    @Operation(summary = "Start a browser session (redirects to Keycloak when not logged in)")
    public Response login() {
        return Response.seeOther(URI.create("/")).build();
    }
}
