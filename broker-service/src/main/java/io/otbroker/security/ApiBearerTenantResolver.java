package io.otbroker.security;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * API calls without a browser session are bearer-only: they get 401, not a redirect to a login
 * page that a script cannot follow. Browsers (session cookie) and the login paths use the default
 * hybrid tenant, which runs the code flow.
 */
@ApplicationScoped
public class ApiBearerTenantResolver implements TenantResolver {

    static final String API_TENANT = "bearer";
    @Override
    public String resolve(RoutingContext context) {
        boolean api = context.request().path().startsWith("/api/");
        boolean browserSession = BrowserSession.presentIn(context.request().getHeader("Cookie"));
        return api && !browserSession ? API_TENANT : null;
    }
}
