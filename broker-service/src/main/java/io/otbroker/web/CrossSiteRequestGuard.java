package io.otbroker.web;

import io.otbroker.security.BrowserSession;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses cross-site requests that change state with the browser session (CSRF). Why by Origin:
 * browsers send it with every POST/PUT/DELETE and a page cannot forge it, so a state change riding
 * on the session cookie must come from the broker's own origin. Calls with a bearer token carry no
 * ambient credential and are not affected; reads (GET, HEAD, OPTIONS) change nothing.
 */
public class CrossSiteRequestGuard {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseCrossSiteStateChanges(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())
                || !BrowserSession.presentIn(request.getHeaderString("Cookie"))) {
            return Optional.empty();
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && origin.equals(originOf(request.getUriInfo().getBaseUri()))) {
            return Optional.empty();
        }
        return Optional.of(Problem.of(Response.Status.FORBIDDEN,
                "Cross-site request refused: a change made with the browser session must come from this site.")
                .toResponse());
    }

    private static String originOf(URI uri) {
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port;
    }
}
