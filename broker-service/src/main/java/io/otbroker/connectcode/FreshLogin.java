package io.otbroker.connectcode;

import io.otbroker.web.Problem;
import io.otbroker.web.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Requires that the caller logged in (with MFA) a short while ago, judged by the token's {@code auth_time}.
 * Why: a connect code stands for a fresh second factor per session (SL3/SL4); a token kept alive by
 * refreshes since the morning is not one. A token without {@code auth_time} counts as stale (fail closed).
 */
@ApplicationScoped
public class FreshLogin {

    /** Problem type a UI matches on to send the user through the login again. */
    public static final String PROBLEM_TYPE = "urn:otbroker:problem:fresh-login-required";

    @Inject
    Clock clock;

    @ConfigProperty(name = "otbroker.ssh.connect-code.fresh-login")
    Duration maxAge;

    /** Returns quietly if the caller's login is fresh; otherwise a 403 problem of type {@link #PROBLEM_TYPE}. */
    public void require(SecurityIdentity identity) {
        Instant oldestAccepted = clock.instant().minus(maxAge);
        boolean fresh = authTime(identity).filter(time -> !time.isBefore(oldestAccepted)).isPresent();
        if (!fresh) {
            throw new ProblemException(new Problem(PROBLEM_TYPE, "Fresh login required", 403, "Log in again with "
                    + "your second factor, then ask for the code within " + maxAge.toMinutes()
                    + " minutes of logging in.", List.of()));
        }
    }

    private static Optional<Instant> authTime(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        Object claim = token.getClaim(Claims.auth_time.name());
        if (claim instanceof JsonNumber number) {
            return Optional.of(Instant.ofEpochSecond(number.longValue()));
        }
        return claim instanceof Number number ? Optional.of(Instant.ofEpochSecond(number.longValue()))
                : Optional.empty();
    }
}
