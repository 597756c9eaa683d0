package io.otbroker.access;

import io.otbroker.asset.Asset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/** Answers other features' questions about access that is still open (pending, approved or active). */
@ApplicationScoped
public class OpenAccess {

    @Inject
    AccessTransitions transitions;

    /** How many requests for {@code asset} are open now, judged by the clock. */
    public long countFor(Asset asset) {
        return openFor(asset, transitions.now()).size();
    }

    /** The requests for {@code asset} that are open at {@code now}. */
    List<AccessRequest> openFor(Asset asset, Instant now) {
        return AccessRequest.<AccessRequest>list("asset = ?1 and state in ?2", asset,
                        EnumSet.of(AccessState.PENDING, AccessState.APPROVED, AccessState.ACTIVE)).stream()
                .filter(request -> request.effectiveState(now).isOpen())
                .toList();
    }
}
