package io.otbroker.policy;

import io.otbroker.web.Problem.FieldError;
import java.util.List;

/**
 * The policy's answer to an {@link AccessAsk}: allowed through a conduit, refused with a reason per
 * request field, or "not found" when the vendor may not even know the asset exists.
 *
 * @param outcome      the verdict
 * @param conduit      the conduit access would pass through (allowed only)
 * @param organisation the vendor organisation that conduit admits (allowed only)
 * @param refusals     why it is refused (refused only)
 */
public record AccessDecision(Outcome outcome, Conduit conduit, String organisation, List<FieldError> refusals) {

    /** The verdict of a decision. */
    public enum Outcome {
        ALLOWED,
        REFUSED,
        NOT_FOUND
    }

    public AccessDecision {
        refusals = List.copyOf(refusals);
    }

    static AccessDecision allowed(Conduit conduit, String organisation) {
        return new AccessDecision(Outcome.ALLOWED, conduit, organisation, List.of());
    }

    static AccessDecision refused(List<FieldError> refusals) {
        return new AccessDecision(Outcome.REFUSED, null, null, refusals);
    }

    static AccessDecision notFound() {
        return new AccessDecision(Outcome.NOT_FOUND, null, null, List.of());
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }
}
