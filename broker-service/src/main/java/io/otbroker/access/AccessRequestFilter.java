package io.otbroker.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated filters of an access-request search; null means "any". {@code state} is the effective
 * state (derived from the clock, as responses show it); {@code from}/{@code to} select requests whose
 * window (the grant's once approved) overlaps {@code [from, to)}.
 */
public record AccessRequestFilter(AccessState state, Long assetId, String vendor, Instant from, Instant to) {

    /** An HQL query on {@link AccessRequest} with its named parameters. */
    record Query(String hql, Map<String, Object> parameters) {}

    /** The same filter with the vendor set. */
    AccessRequestFilter withVendor(String name) {
        return new AccessRequestFilter(state, assetId, name, from, to);
    }

    /** The query selecting the matching requests at {@code now}, without ordering. */
    Query toQuery(Instant now) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (state != null) {
            conditions.add(stateCondition(parameters, now));
        }
        add(conditions, parameters, "asset.id = :assetId", "assetId", assetId);
        add(conditions, parameters, "vendor = :vendor", "vendor", vendor);
        add(conditions, parameters, "coalesce(grantEnd, requestedEnd) > :from", "from", from);
        add(conditions, parameters, "coalesce(grantStart, requestedStart) < :to", "to", to);
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return new Query("from AccessRequest" + where, parameters);
    }

    /** The stored states and times that make {@link #state} the effective one at {@code now}. */
    private String stateCondition(Map<String, Object> parameters, Instant now) {
        if (state != AccessState.ACTIVE) {
            // ACTIVE is derived from the granted states and the clock; a stray :state would break the query.
            parameters.put("state", state);
        }
        switch (state) {
            case PENDING -> {
                parameters.put("now", now);
                return "(state = :state and pendingUntil > :now)";
            }
            case APPROVED -> {
                parameters.put("now", now);
                return "(state = :state and grantStart > :now)";
            }
            case ACTIVE -> {
                parameters.put("now", now);
                parameters.put("granted", EnumSet.of(AccessState.APPROVED, AccessState.ACTIVE));
                return "(state in :granted and grantStart <= :now and grantEnd > :now)";
            }
            case EXPIRED -> {
                parameters.put("now", now);
                parameters.put("pending", AccessState.PENDING);
                parameters.put("granted", EnumSet.of(AccessState.APPROVED, AccessState.ACTIVE));
                return "(state = :state or (state = :pending and pendingUntil <= :now)"
                        + " or (state in :granted and grantEnd <= :now))";
            }
            default -> {
                return "state = :state";
            }
        }
    }

    private static void add(List<String> conditions, Map<String, Object> parameters, String condition, String name,
            Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
    }
}
