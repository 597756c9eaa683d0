package io.otbroker.policy;

import io.otbroker.asset.Asset;
import io.otbroker.asset.Protocol;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What a vendor asks for, as {@link AccessPolicy} judges it.
 *
 * @param vendorOrganisations the vendor's organisations (token claim {@code vendor_org})
 * @param asset               the asset asked for, or null if no asset has the given name or id
 * @param protocols           the protocols asked for
 * @param start               start of the requested window
 * @param end                 end of the requested window (exclusive), after {@code start}
 * @param lengthField         the request field that set the window's length ({@code end} or {@code duration}),
 *                            named in refusals about it
 * @param reason              why the vendor needs access
 * @param workOrder           the work-order reference, or null
 */
public record AccessAsk(Set<String> vendorOrganisations, Asset asset, Set<Protocol> protocols, Instant start,
        Instant end, String lengthField, String reason, String workOrder) {

    public AccessAsk {
        vendorOrganisations = Set.copyOf(vendorOrganisations);
        protocols = Set.copyOf(protocols);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
