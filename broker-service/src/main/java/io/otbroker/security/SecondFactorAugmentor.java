package io.otbroker.security;

import io.otbroker.audit.AuditEventType;
import io.otbroker.audit.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Refuses every OIDC identity whose token does not prove a second factor.
 *
 * <p>The realm requires OTP, but a realm is configuration: someone may bind a password-only flow
 * to a client, or add a client with direct grants. The broker therefore checks the evidence
 * itself: the realm's login flows tag each authenticator with an authentication method
 * reference, and the token's {@code amr} claim must list {@value #SECOND_FACTOR}. A token without
 * it is treated exactly like an invalid token (401), whatever roles it carries.
 */
@ApplicationScoped
public class SecondFactorAugmentor implements SecurityIdentityAugmentor {

    static final String SECOND_FACTOR = "otp";
    private static final Logger LOG = Logger.getLogger(SecondFactorAugmentor.class);

    @Inject
    AuditLog audit;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        if (provesSecondFactor(token)) {
            return Uni.createFrom().item(identity);
        }
        Object client = token.getClaim("azp");
        return context.runBlocking(() -> {
            refuse(identity.getPrincipal().getName(), String.valueOf(client));
            throw new AuthenticationFailedException("second factor missing");
        });
    }

    /** Logs and audits a refusal; names the user and client, never the token. */
    private void refuse(String user, String client) {
        LOG.warnf("Refused a token without second-factor evidence for user '%s' from client '%s'", user, client);
        try {
            QuarkusTransaction.requiringNew().run(() -> audit.recordAs(user, AuditEventType.AUTH_MFA_MISSING,
                    "user/" + user, Map.of("client", client)));
        } catch (RuntimeException e) {
            // The refusal stands even when it cannot be audited (fail closed); the log line remains.
            LOG.error("Could not audit a refused token", e);
        }
    }

    static boolean provesSecondFactor(JsonWebToken token) {
        Object amr = token.getClaim("amr");
        if (amr instanceof jakarta.json.JsonArray array) {
            return array.stream().anyMatch(value -> value instanceof jakarta.json.JsonString s
                    && SECOND_FACTOR.equals(s.getString()));
        }
        if (amr instanceof java.util.Collection<?> values) {
            return values.stream().anyMatch(value -> SECOND_FACTOR.equals(String.valueOf(value).replace("\"", "")));
        }
        return false;
    }
}
