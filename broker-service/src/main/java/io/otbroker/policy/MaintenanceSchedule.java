package io.otbroker.policy;

import io.otbroker.policy.MaintenanceWindow.Occurrence;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * The weekly maintenance windows of a conduit in its IANA time zone. Deny by default: a schedule
 * without windows is never open.
 */
public record MaintenanceSchedule(ZoneId timeZone, List<MaintenanceWindow> windows) {

    public MaintenanceSchedule {
        windows = List.copyOf(windows);
    }

    /** Whether some window is open at {@code instant}; windows are half-open, closed at their end. */
    public boolean isOpenAt(Instant instant) {
        LocalDate today = instant.atZone(timeZone).toLocalDate();
        LocalDate yesterday = today.minusDays(1);
        // A window that opened yesterday may still be open today if it crosses midnight.
        return windows.stream().anyMatch(window -> window.coversOccurrence(instant, today, timeZone)
                || window.coversOccurrence(instant, yesterday, timeZone));
    }

    /**
     * Whether the schedule is open at every instant of {@code [start, end)}. Windows that touch or
     * overlap count as one continuous opening, so Monday 22:00-24:00 followed by Tuesday 00:00-02:00
     * covers a session across midnight.
     *
     * @throws IllegalArgumentException if {@code end} is not after {@code start}
     */
    public boolean isOpenThroughout(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
        Instant coveredUntil = start;
        for (Occurrence occurrence : occurrencesOverlapping(start, end)) {
            if (occurrence.opens().isAfter(coveredUntil)) {
                return false;
            }
            if (occurrence.closes().isAfter(coveredUntil)) {
                coveredUntil = occurrence.closes();
            }
            if (!coveredUntil.isBefore(end)) {
                return true;
            }
        }
        return false;
    }

    /** Real occurrences of all windows that intersect {@code [start, end)}, by opening time. */
    private List<Occurrence> occurrencesOverlapping(Instant start, Instant end) {
        // Start a day early: a window crossing midnight opens on the day before it covers.
        LocalDate first = start.atZone(timeZone).toLocalDate().minusDays(1);
        LocalDate last = end.atZone(timeZone).toLocalDate();
        return first.datesUntil(last.plusDays(1))
                .flatMap(day -> windows.stream()
                        .filter(window -> window.dayOfWeek() == day.getDayOfWeek())
                        .map(window -> window.occurrence(day, timeZone)))
                .filter(occurrence -> occurrence.closes().isAfter(start) && occurrence.opens().isBefore(end))
                .sorted(Comparator.comparing(Occurrence::opens))
                .toList();
    }
}
