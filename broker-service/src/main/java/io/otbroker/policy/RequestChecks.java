package io.otbroker.policy;

import io.otbroker.asset.AssetEndpoint;
import io.otbroker.asset.Protocol;
import io.otbroker.web.Problem.FieldError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules every access request must pass, one per concern, all applied by {@link AccessPolicy}. */
public final class RequestChecks {

    /** Longest reason, in bytes of UTF-8. */
    public static final int MAX_REASON_BYTES = 4096;
    public static final int MAX_WORK_ORDER_LENGTH = 100;

    /** Why: a reason is what reviewers judge and auditors read later; bounded so it cannot flood the log. */
    public static final RequestCheck REASON = (ask, conduit) -> {
        if (ask.reason() == null || ask.reason().isBlank()) {
            return refuse("reason", "must say why access is needed");
        }
        if (ask.reason().getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            return refuse("reason", "must be at most " + MAX_REASON_BYTES + " bytes (UTF-8)");
        }
        return Optional.empty();
    };

    /** Why: in SL3 and SL4 zones every change must be traceable to planned work. */
    public static final RequestCheck WORK_ORDER = (ask, conduit) -> {
        boolean missing = ask.workOrder() == null || ask.workOrder().isBlank();
        if (missing && conduit.zone.securityLevel.workOrderRequired()) {
            return refuse("workOrder", "is required for access to " + conduit.zone.securityLevel + " zones");
        }
        if (!missing && ask.workOrder().length() > MAX_WORK_ORDER_LENGTH) {
            return refuse("workOrder", "must be at most " + MAX_WORK_ORDER_LENGTH + " characters");
        }
        return Optional.empty();
    };

    /** Why: the broker only ever connects where the admin configured an endpoint (server decides the target). */
    public static final RequestCheck PROTOCOLS_ON_ASSET = (ask, conduit) -> {
        Set<Protocol> offered = ask.asset().endpoints.stream().map(AssetEndpoint::protocol).collect(Collectors.toSet());
        return missing(ask.protocols(), offered).map(protocols -> new FieldError("protocols",
                "the asset has no endpoint for " + protocols));
    };

    /** Why: a conduit is the only allowed path into a zone, and only for the protocols it names. */
    public static final RequestCheck PROTOCOLS_THROUGH_CONDUIT = (ask, conduit) ->
            missing(ask.protocols(), conduit.allowedProtocols).map(protocols -> new FieldError("protocols",
                    "conduit '" + conduit.name + "' does not allow " + protocols));

    /** Why: the shorter of the conduit's and the security level's longest grant bounds every grant. */
    public static final RequestCheck LONGEST_GRANT = (ask, conduit) -> {
        Duration limit = longestGrant(conduit);
        if (ask.duration().compareTo(limit) > 0) {
            return refuse(ask.lengthField(), "must not make the window longer than " + limit
                    + ", the longest grant through conduit '" + conduit.name + "' into this "
                    + conduit.zone.securityLevel + " zone");
        }
        return Optional.empty();
    };

    /** Why: vendors work on the plant only in the hours the plant agreed to, in the plant's time zone. */
    public static final RequestCheck MAINTENANCE_WINDOWS = (ask, conduit) -> {
        MaintenanceSchedule schedule = conduit.schedule();
        if (schedule.isOpenThroughout(ask.start(), ask.end())) {
            return Optional.empty();
        }
        String hours = " of conduit '" + conduit.name + "' (local time " + conduit.timeZone + ")";
        return schedule.isOpenAt(ask.start())
                ? refuse(ask.lengthField(), "must not make the window outlast the maintenance window" + hours)
                : refuse("start", "must lie inside a maintenance window" + hours);
    };

    /** All rules, in the order their refusals are reported. */
    public static final List<RequestCheck> ALL = List.of(REASON, WORK_ORDER, PROTOCOLS_ON_ASSET,
            PROTOCOLS_THROUGH_CONDUIT, LONGEST_GRANT, MAINTENANCE_WINDOWS);

    private RequestChecks() {}

    /** The longest grant through {@code conduit}: its own limit, never more than its zone's level allows. */
    public static Duration longestGrant(Conduit conduit) {
        Duration level = conduit.zone.securityLevel.longestGrant();
        return conduit.longestGrant().compareTo(level) < 0 ? conduit.longestGrant() : level;
    }

    private static Optional<FieldError> refuse(String field, String message) {
        return Optional.of(new FieldError(field, message));
    }

    /** The wanted protocols not among those offered, as a sorted list, or empty if none is missing. */
    private static Optional<String> missing(Set<Protocol> wanted, Set<Protocol> offered) {
        List<Protocol> missing = wanted.stream().filter(protocol -> !offered.contains(protocol)).sorted().toList();
        return missing.isEmpty() ? Optional.empty()
                : Optional.of(missing.stream().map(Protocol::name).collect(Collectors.joining(", ")));
    }
}
