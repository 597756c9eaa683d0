package io.otbroker.web;

import io.otbroker.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may open the operator pages ({@code quarkus.http.auth.permission.operator-pages}): operators who are
 * not also vendors. Why not the role alone: someone holding both roles acts as a vendor everywhere (they
 * review nothing and the live queue refuses them), so the page would only show what they may not use.
 * A visitor without a session is denied too, which starts the login.
 */
@ApplicationScoped
public class OperatorPagePolicy implements HttpSecurityPolicy {

    /** The policy's name in {@code application.properties}. */
    public static final String NAME = "operator-page";

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext context) {
        return identity.onItem().transformToUni(who -> mayOpen(who) ? CheckResult.permit() : CheckResult.deny());
    }

    private static boolean mayOpen(SecurityIdentity who) {
        if (who.isAnonymous()) {
            return false;
        }
        Caller caller = Caller.of(who);
        return caller.isOperator() && !caller.isVendor();
    }

    @Override
    public String name() {
        return NAME;
    }
}
