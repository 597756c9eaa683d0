package io.otbroker.sshkey;

import io.otbroker.security.Roles;
import io.otbroker.ssh.SshBastion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where a vendor's SSH client connects: the host and port of the SSH front door, so the UI can show the
 * exact {@code ssh -p PORT vendor:asset@HOST} command. Why the server says it: behind a load balancer
 * neither the browser's host nor the listening port need be what a vendor must type.
 */
@Path("/api/ssh-front-door")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SSH keys")
public class SshFrontDoorResource {

    /** The address a vendor's SSH client uses. */
    public record FrontDoor(String host, int port) {}

    @Inject
    SshBastion bastion;

    @ConfigProperty(name = "otbroker.ssh.public-host")
    Optional<String> publicHost;

    @ConfigProperty(name = "otbroker.ssh.public-port")
    Optional<Integer> publicPort;

    @GET
    @RolesAllowed(Roles.VENDOR)
    @Operation(summary = "Host and port for the SSH front door", description = "As configured "
            + "(otbroker.ssh.public-host, otbroker.ssh.public-port); otherwise the host this request was sent to "
            + "and the port the front door listens on.")
    public FrontDoor frontDoor(@Context UriInfo uri) {
        return new FrontDoor(publicHost.filter(host -> !host.isBlank()).orElse(uri.getBaseUri().getHost()),
                publicPort.orElseGet(bastion::port));
    }
}
