package io.otbroker.access;

import io.otbroker.asset.Protocol;
import io.otbroker.policy.AccessPolicy;
import io.otbroker.policy.SessionRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** Answers the protocol adapters' one question: does this vendor hold a grant for this asset and protocol now? */
@ApplicationScoped
public class ActiveGrants {

    @Inject
    AccessPolicy policy;

    /**
     * The vendor's grant for the asset of that name and {@code protocol} that is active at {@code now}; of
     * several, the one that ends last. Why judged here by the clock rather than by the stored state: a
     * grant whose end passed is over even if the scheduler has not yet written EXPIRED.
     */
    @Transactional
    public Optional<ActiveGrant> find(String vendor, String assetName, Protocol protocol, Instant now) {
        return AccessRequest.<AccessRequest>list("vendor = ?1 and asset.name = ?2 and state in ?3", vendor, assetName,
                        EnumSet.of(AccessState.APPROVED, AccessState.ACTIVE)).stream()
                .filter(request -> request.effectiveState(now) == AccessState.ACTIVE)
                .filter(request -> request.protocols.contains(protocol))
                .max(Comparator.comparing(request -> request.grantEnd))
                .map(ActiveGrants::view);
    }

    /**
     * Grant {@code grantId} if it is the vendor's, for the asset of that name and {@code protocol}, and active
     * at {@code now}: for a login that names its grant (a browser terminal's ticket) rather than its asset.
     */
    @Transactional
    public Optional<ActiveGrant> find(long grantId, String vendor, String assetName, Protocol protocol, Instant now) {
        return AccessRequest.<AccessRequest>findByIdOptional(grantId)
                .filter(request -> request.vendor.equals(vendor) && request.asset.name.equals(assetName))
                .filter(request -> request.effectiveState(now) == AccessState.ACTIVE)
                .filter(request -> request.protocols.contains(protocol))
                .map(ActiveGrants::view);
    }

    private static ActiveGrant view(AccessRequest request) {
        return new ActiveGrant(request.id, request.vendor, request.asset.id, request.asset.name,
                request.asset.zone.securityLevel, request.grantEnd);
    }

    /** Whether grant {@code grantId} is still active at {@code now}. */
    @Transactional
    public boolean isActive(long grantId, Instant now) {
        return AccessRequest.<AccessRequest>findByIdOptional(grantId)
                .filter(request -> request.effectiveState(now) == AccessState.ACTIVE).isPresent();
    }

    /**
     * What sessions of grant {@code grantId} over {@code protocol} may do: the rules of the conduits that carry
     * it now (into the asset's zone, admitting the grant's vendor organisation, allowing the protocol), the
     * strictest of them when several do. Why read at each session rather than fixed at approval: an admin
     * tightening a conduit takes effect on the next session. No conduit carries it any more: a shell only.
     */
    @Transactional
    public SessionRules sessionRules(long grantId, Protocol protocol) {
        return AccessRequest.<AccessRequest>findByIdOptional(grantId)
                .flatMap(request -> policy.conduitsAdmitting(request.asset, List.of(request.vendorOrganisation))
                        .stream().filter(conduit -> conduit.allowedProtocols.contains(protocol))
                        .map(SessionRules::of).reduce(SessionRules::strictest))
                .orElse(SessionRules.SHELL_ONLY);
    }
}
