package io.otbroker.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated filters of an audit search; null means "any". Times: {@code from} inclusive,
 * {@code to} exclusive.
 */
public record AuditFilter(String code, String eventName, String actor, String subject, Instant from, Instant to) {

    /** HQL conditions on {@link AuditEvent}, joined with {@code and}; pair with {@link #parameters()}. */
    List<String> conditions() {
        List<String> conditions = new ArrayList<>();
        addIf(conditions, code, "code = :code");
        addIf(conditions, eventName, "eventName = :eventName");
        addIf(conditions, actor, "actor = :actor");
        addIf(conditions, subject, "subject = :subject");
        addIf(conditions, from, "occurredAt >= :from");
        addIf(conditions, to, "occurredAt < :to");
        return conditions;
    }

    /** Named parameters of {@link #conditions()}: the filters that were set, in a stable order. */
    Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        putIf(parameters, "code", code);
        putIf(parameters, "eventName", eventName);
        putIf(parameters, "actor", actor);
        putIf(parameters, "subject", subject);
        putIf(parameters, "from", from);
        putIf(parameters, "to", to);
        return parameters;
    }

    private static void addIf(List<String> conditions, Object value, String condition) {
        if (value != null) {
            conditions.add(condition);
        }
    }

    private static void putIf(Map<String, Object> parameters, String name, Object value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }
}
