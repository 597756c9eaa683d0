package io.otbroker.access;

import io.otbroker.security.Caller;
import io.otbroker.web.Paging;
import io.otbroker.web.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Reads of access requests. Operators and auditors see all; a vendor sees only their own, and
 * someone else's id answers exactly like an unknown one.
 */
@ApplicationScoped
public class AccessRequestReads {

    @Inject
    AccessTransitions transitions;

    /** One page of the requests the caller may see that match {@code filter}, newest first. */
    @Transactional
    public AccessRequestPage page(Caller caller, AccessRequestFilter filter, Paging paging) {
        if (!seesAll(caller)) {
            if (filter.vendor() != null && !filter.vendor().equals(caller.name())) {
                return new AccessRequestPage(List.of(), paging.page(), paging.size(), 0);
            }
            filter = filter.withVendor(caller.name());
        }
        Instant now = transitions.now();
        AccessRequestFilter.Query query = filter.toQuery(now);
        PanacheQuery<AccessRequest> found = AccessRequest.find(query.hql(), Sort.descending("id"), query.parameters());
        long total = found.count();
        List<AccessRequestView> items = found.page(paging.page(), paging.size()).list().stream()
                .map(request -> AccessRequestView.of(request, now))
                .toList();
        return new AccessRequestPage(items, paging.page(), paging.size(), total);
    }

    /** The request with this id if the caller may see it, else a 404 problem. */
    @Transactional
    public AccessRequestView get(Caller caller, long id) {
        AccessRequest request = AccessRequest.findById(id);
        // Why one answer for both: a vendor must not learn that someone else's request exists.
        if (request == null || !(seesAll(caller) || request.vendor.equals(caller.name()))) {
            throw ProblemException.notFound("access request");
        }
        return AccessRequestView.of(request, transitions.now());
    }

    /** Operators review and auditors inspect every request; vendors are limited to their own. */
    private static boolean seesAll(Caller caller) {
        return caller.actsAsStaff();
    }
}
