package io.otbroker.policy;

import io.otbroker.web.Problem.FieldError;
import java.util.Optional;

/**
 * One rule an access request must pass to go through one conduit. A refusal names the request
 * field to correct. Ready-made rules are in {@link RequestChecks}.
 */
@FunctionalInterface
public interface RequestCheck {

    /** Why {@code ask} may not pass through {@code conduit} under this rule, or empty if it may. */
    Optional<FieldError> refusal(AccessAsk ask, Conduit conduit);
}
