package io.otbroker.policy;

import io.otbroker.asset.Asset;
import io.otbroker.web.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The policy engine for access requests (Zero Trust PDP): decides, with a reason, whether a vendor
 * may have an asset over some protocols for some window. Deny by default: a vendor sees an asset
 * only through a conduit into its zone that names one of the vendor's organisations, and a request
 * is allowed only if one such conduit passes every {@link RequestChecks rule}.
 */
@ApplicationScoped
public class AccessPolicy {

    private final List<RequestCheck> checks = RequestChecks.ALL;

    /** Assets a vendor of {@code organisations} may see and request, by name. */
    public List<Asset> requestableAssets(Collection<String> organisations) {
        if (organisations.isEmpty()) {
            return List.of();
        }
        return Asset.list("select distinct a from Asset a where a.zone.id in (select c.zone.id from Conduit c "
                + "join c.vendorOrganisations o where o in ?1) order by a.name", organisations);
    }

    /** Conduits into the asset's zone that admit one of {@code organisations}, by name. */
    public List<Conduit> conduitsAdmitting(Asset asset, Collection<String> organisations) {
        return Conduit.listInZone(asset.zone).stream()
                .filter(conduit -> conduit.admitsAnyOf(organisations))
                .sorted(Comparator.comparing(conduit -> conduit.name))
                .toList();
    }

    /**
     * Decides on {@code ask}. When several conduits admit the vendor, the request is allowed if one
     * passes every rule; otherwise the refusals of the conduit that came closest are reported.
     */
    public AccessDecision decide(AccessAsk ask) {
        if (ask.asset() == null) {
            return AccessDecision.notFound();
        }
        List<Conduit> admitting = conduitsAdmitting(ask.asset(), ask.vendorOrganisations());
        if (admitting.isEmpty()) {
            // Why: a vendor without a path to the asset must not learn that it exists.
            return AccessDecision.notFound();
        }
        Candidate best = admitting.stream()
                .map(conduit -> new Candidate(conduit, refusals(ask, conduit)))
                .min(Comparator.comparingInt(candidate -> candidate.refusals().size()))
                .orElseThrow();
        if (!best.refusals().isEmpty()) {
            return AccessDecision.refused(best.refusals());
        }
        String organisation = ask.vendorOrganisations().stream().sorted()
                .filter(best.conduit().vendorOrganisations::contains).findFirst().orElseThrow();
        return AccessDecision.allowed(best.conduit(), organisation);
    }

    private List<FieldError> refusals(AccessAsk ask, Conduit conduit) {
        return checks.stream().map(check -> check.refusal(ask, conduit)).flatMap(Optional::stream).toList();
    }

    private record Candidate(Conduit conduit, List<FieldError> refusals) {}
}
