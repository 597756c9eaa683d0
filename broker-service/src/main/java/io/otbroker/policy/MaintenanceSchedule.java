package io.otbroker.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
}
