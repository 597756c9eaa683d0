package io.otbroker.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The {@code from}/{@code to} query parameters of a list endpoint: {@code from} inclusive, {@code to}
 * exclusive, either may be open (null).
 */
public record TimeRange(Instant from, Instant to) {

    /** Parses the raw parameters as ISO-8601 instants; a bad one is a 400 problem naming it. */
    public static TimeRange parse(String from, String to) {
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && toInstant.isBefore(fromInstant)) {
            throw ProblemException.invalid("to", "must not be before 'from'.");
        }
        return new TimeRange(fromInstant, toInstant);
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 instant, e.g. 2025-01-31T08:00:00Z.");
        }
    }
}
