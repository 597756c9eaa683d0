package io.otbroker.web;

import io.otbroker.security.BrowserSession;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.net.URI;

/**
 * Recognises a WebSocket upgrade that rides on the browser session from another site (cross-site WebSocket
 * hijacking): a page of any site can open a WebSocket with the user's cookie, and browsers always send the
 * page's Origin with the upgrade. The broker's WebSocket upgrade checks refuse such upgrades.
 */
public final class CrossSiteUpgrade {

    private CrossSiteUpgrade() {}

    /**
     * Whether the upgrade comes from another site. A browser always sends Origin; an API client may send none.
     * A foreign Origin counts even without a recognised session cookie, so that a renamed cookie cannot
     * silently switch the check off; no Origin counts only when the browser session's cookie is there.
     */
    public static boolean from(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        return origin != null ? !sameOrigin(origin, request.scheme(), request.authority())
                : BrowserSession.presentIn(request.getHeader("Cookie"));
    }

    /** Whether {@code origin} (may be null) names this server as the request reached it: scheme, host and port. */
    static boolean sameOrigin(String origin, String scheme, HostAndPort authority) {
        if (origin == null || authority == null) {
            return false;
        }
        try {
            URI page = URI.create(origin);
            return scheme.equalsIgnoreCase(page.getScheme()) && authority.host().equalsIgnoreCase(page.getHost())
                    && port(scheme, authority.port()) == port(page.getScheme(), page.getPort());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(String scheme, int port) {
        if (port >= 0) {
            return port;
        }
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
