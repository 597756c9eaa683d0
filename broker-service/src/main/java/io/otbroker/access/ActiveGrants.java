package io.otbroker.access;

import io.otbroker.asset.Protocol;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;

/** Answers the protocol adapters' one question: does this vendor hold a grant for this asset and protocol now? */
@ApplicationScoped
public class ActiveGrants {

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
                .map(request -> new ActiveGrant(request.id, request.vendor, request.asset.id, request.asset.name,
                        request.asset.zone.securityLevel, request.grantEnd));
    }

    /** Whether grant {@code grantId} is still active at {@code now}. */
    @Transactional
    public boolean isActive(long grantId, Instant now) {
        return AccessRequest.<AccessRequest>findByIdOptional(grantId)
                .filter(request -> request.effectiveState(now) == AccessState.ACTIVE).isPresent();
    }
}
