package io.otbroker.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A weekly maintenance window in local time: opens on {@code dayOfWeek} at {@code start} and closes
 * at {@code end}. An end before (or equal to) the start means the window crosses midnight and closes
 * on the next day; equal times make a 24-hour window. The time zone is the conduit's.
 */
@Embeddable
public record MaintenanceWindow(
        @NotNull @Enumerated(EnumType.STRING) @Column(name = "day_of_week", nullable = false) DayOfWeek dayOfWeek,
        @NotNull @Column(name = "start_time", nullable = false) LocalTime start,
        @NotNull @Column(name = "end_time", nullable = false) LocalTime end) {

    /** Whether the window crosses midnight, i.e. closes on the day after it opens. */
    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }

    /**
     * Whether the occurrence of this window that opens on {@code openingDay} covers {@code instant}.
     * Local times are resolved in {@code timeZone} the way {@link ZonedDateTime#of} does across DST
     * switches, so a window keeps its wall-clock hours and its real length changes on those days.
     */
    boolean coversOccurrence(Instant instant, LocalDate openingDay, ZoneId timeZone) {
        return openingDay.getDayOfWeek() == dayOfWeek && occurrence(openingDay, timeZone).covers(instant);
    }

    /** The occurrence of this window that opens on {@code openingDay}, which must be a {@link #dayOfWeek}. */
    Occurrence occurrence(LocalDate openingDay, ZoneId timeZone) {
        Instant opens = ZonedDateTime.of(openingDay, start, timeZone).toInstant();
        LocalDate closingDay = crossesMidnight() ? openingDay.plusDays(1) : openingDay;
        Instant closes = ZonedDateTime.of(closingDay, end, timeZone).toInstant();
        return new Occurrence(opens, closes);
    }

    /** One real occurrence of a window: open from {@code opens} (inclusive) until {@code closes} (exclusive). */
    record Occurrence(Instant opens, Instant closes) {

        boolean covers(Instant instant) {
            return !instant.isBefore(opens) && instant.isBefore(closes);
        }
    }
}
