package io.otbroker.access;

import io.otbroker.web.ProblemException;
import io.otbroker.web.QueryParams;
import io.otbroker.web.TimeRange;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The filter query parameters of the access-request list, as the client sent them. */
public class AccessRequestQuery {

    @RestQuery
    @Parameter(description = "State as it holds now: PENDING, APPROVED, ACTIVE, EXPIRED, DENIED, REVOKED, CANCELLED")
    String state;

    @RestQuery
    @Parameter(description = "Id of the asset")
    String assetId;

    @RestQuery
    @Parameter(description = "User name of the vendor (vendors only ever see their own requests)")
    String vendor;

    @RestQuery
    @Parameter(description = "Requests whose window ends after this ISO-8601 instant, e.g. 2026-03-02T00:00:00Z")
    String from;

    @RestQuery
    @Parameter(description = "Requests whose window starts before this ISO-8601 instant")
    String to;

    /** Validates the parameters; a bad one is a 400 problem naming it. */
    AccessRequestFilter toFilter() {
        TimeRange range = TimeRange.parse(from, to);
        return new AccessRequestFilter(parseState(), parseAssetId(), QueryParams.blankToNull(vendor), range.from(),
                range.to());
    }

    private AccessState parseState() {
        if (QueryParams.blankToNull(state) == null) {
            return null;
        }
        try {
            return AccessState.valueOf(state.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("state", "must be one of " + Arrays.stream(AccessState.values())
                    .map(AccessState::name).collect(Collectors.joining(", ")));
        }
    }

    private Long parseAssetId() {
        if (QueryParams.blankToNull(assetId) == null) {
            return null;
        }
        try {
            return Long.parseLong(assetId.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("assetId", "must be a whole number");
        }
    }
}
