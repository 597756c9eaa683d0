package io.otbroker.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        if (provesSecondFactor(token)) {
            return Uni.createFrom().item(identity);
        }
        // Name the user, never the token.
        LOG.warnf("Refused a token without second-factor evidence for user '%s' from client '%s'",
                identity.getPrincipal().getName(), token.getClaim("azp"));
        return Uni.createFrom().failure(new AuthenticationFailedException("second factor missing"));
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
