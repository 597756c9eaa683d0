package io.otbroker.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaintenanceScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static MaintenanceSchedule berlin(DayOfWeek day, String start, String end) {
        return new MaintenanceSchedule(BERLIN, List.of(new MaintenanceWindow(day, LocalTime.parse(start),
                LocalTime.parse(end))));
    }

    private static Instant berlinTime(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void openFromStartUntilJustBeforeEnd() {
        // 2025-06-04 is a Wednesday.
        MaintenanceSchedule schedule = berlin(DayOfWeek.WEDNESDAY, "08:00", "12:00");

        assertFalse(schedule.isOpenAt(berlinTime("2025-06-04T07:59:59")));
        assertTrue(schedule.isOpenAt(berlinTime("2025-06-04T08:00")));
        assertTrue(schedule.isOpenAt(berlinTime("2025-06-04T11:59:59")));
        assertFalse(schedule.isOpenAt(berlinTime("2025-06-04T12:00")));
        assertFalse(schedule.isOpenAt(berlinTime("2025-06-05T09:00")), "Thursday is not a window day");
    }

    @Test
    void windowCrossingMidnightStaysOpenIntoTheNextDay() {
        // Friday 2025-06-06 22:00 until Saturday 02:00.
        MaintenanceSchedule schedule = berlin(DayOfWeek.FRIDAY, "22:00", "02:00");

        assertFalse(schedule.isOpenAt(berlinTime("2025-06-06T21:59")));
        assertTrue(schedule.isOpenAt(berlinTime("2025-06-06T23:30")));
        assertTrue(schedule.isOpenAt(berlinTime("2025-06-07T01:59")));
        assertFalse(schedule.isOpenAt(berlinTime("2025-06-07T02:00")));
        assertFalse(schedule.isOpenAt(berlinTime("2025-06-07T23:00")), "Saturday evening is not a window");
        assertFalse(schedule.isOpenAt(berlinTime("2025-06-06T01:00")), "early Friday belongs to Thursday's night");
    }

    @Test
    void equalStartAndEndMakeAWholeDay() {
        MaintenanceSchedule schedule = berlin(DayOfWeek.WEDNESDAY, "06:00", "06:00");

        assertTrue(schedule.isOpenAt(berlinTime("2025-06-04T06:00")));
        assertTrue(schedule.isOpenAt(berlinTime("2025-06-05T05:59")));
        assertFalse(schedule.isOpenAt(berlinTime("2025-06-05T06:00")));
    }

    @Test
    void springForwardKeepsWallClockHours() {
        // Sunday 2025-03-30 in Berlin: 02:00 CET jumps to 03:00 CEST, so 01:00-05:00 lasts three real hours.
        MaintenanceSchedule schedule = berlin(DayOfWeek.SUNDAY, "01:00", "05:00");

        assertFalse(schedule.isOpenAt(Instant.parse("2025-03-29T23:59:00Z")), "00:59 CET");
        assertTrue(schedule.isOpenAt(Instant.parse("2025-03-30T00:30:00Z")), "01:30 CET");
        assertTrue(schedule.isOpenAt(Instant.parse("2025-03-30T02:59:00Z")), "04:59 CEST");
        // A fixed winter offset would still call this 04:00 and open; in wall-clock time it is 05:00 CEST.
        assertFalse(schedule.isOpenAt(Instant.parse("2025-03-30T03:00:00Z")), "05:00 CEST");
    }

    @Test
    void fallBackCoversTheRepeatedHourTwice() {
        // Sunday 2025-10-26 in Berlin: 03:00 CEST falls back to 02:00 CET, so 02:00-03:00 lasts two real hours.
        MaintenanceSchedule schedule = berlin(DayOfWeek.SUNDAY, "02:00", "03:00");

        assertFalse(schedule.isOpenAt(Instant.parse("2025-10-25T23:59:00Z")), "01:59 CEST");
        assertTrue(schedule.isOpenAt(Instant.parse("2025-10-26T00:30:00Z")), "02:30 CEST, first pass");
        assertTrue(schedule.isOpenAt(Instant.parse("2025-10-26T01:30:00Z")), "02:30 CET, second pass");
        assertFalse(schedule.isOpenAt(Instant.parse("2025-10-26T02:00:00Z")), "03:00 CET");
    }

    @Test
    void windowsAreReadInTheScheduleTimeZone() {
        MaintenanceWindow mondayMorning =
                new MaintenanceWindow(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(9, 0));
        Instant eightThirtyInBerlin = berlinTime("2025-06-02T08:30");

        assertTrue(new MaintenanceSchedule(BERLIN, List.of(mondayMorning)).isOpenAt(eightThirtyInBerlin));
        assertFalse(new MaintenanceSchedule(ZoneId.of("America/New_York"), List.of(mondayMorning))
                .isOpenAt(eightThirtyInBerlin));
    }

    @Test
    void noWindowsMeansNeverOpen() {
        assertFalse(new MaintenanceSchedule(BERLIN, List.of()).isOpenAt(berlinTime("2025-06-04T10:00")));
    }

    @Test
    void anyOfSeveralWindowsOpensTheSchedule() {
        MaintenanceSchedule schedule = new MaintenanceSchedule(BERLIN, List.of(
                new MaintenanceWindow(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(9, 0)),
                new MaintenanceWindow(DayOfWeek.TUESDAY, LocalTime.of(14, 0), LocalTime.of(15, 0))));

        assertTrue(schedule.isOpenAt(berlinTime("2025-06-03T14:15")));
        assertFalse(schedule.isOpenAt(berlinTime("2025-06-03T08:15")));
    }

    @Test
    void throughoutNeedsTheWholeIntervalInsideAWindow() {
        MaintenanceSchedule schedule = berlin(DayOfWeek.WEDNESDAY, "08:00", "12:00");

        assertTrue(schedule.isOpenThroughout(berlinTime("2025-06-04T08:00"), berlinTime("2025-06-04T12:00")),
                "the end is exclusive, like the window's");
        assertTrue(schedule.isOpenThroughout(berlinTime("2025-06-04T09:00"), berlinTime("2025-06-04T10:00")));
        assertFalse(schedule.isOpenThroughout(berlinTime("2025-06-04T07:59"), berlinTime("2025-06-04T10:00")));
        assertFalse(schedule.isOpenThroughout(berlinTime("2025-06-04T11:00"), berlinTime("2025-06-04T12:01")));
        assertFalse(schedule.isOpenThroughout(berlinTime("2025-06-04T06:00"), berlinTime("2025-06-04T07:00")));
    }

    @Test
    void throughoutFollowsAWindowAcrossMidnight() {
        MaintenanceSchedule schedule = berlin(DayOfWeek.FRIDAY, "22:00", "02:00");

        assertTrue(schedule.isOpenThroughout(berlinTime("2025-06-06T23:00"), berlinTime("2025-06-07T02:00")));
        assertTrue(schedule.isOpenThroughout(berlinTime("2025-06-07T00:30"), berlinTime("2025-06-07T01:30")),
                "after midnight, inside the window that opened the evening before");
        assertFalse(schedule.isOpenThroughout(berlinTime("2025-06-07T01:00"), berlinTime("2025-06-07T03:00")));
    }

    @Test
    void backToBackWindowsAreContinuous() {
        MaintenanceSchedule schedule = new MaintenanceSchedule(BERLIN, List.of(
                new MaintenanceWindow(DayOfWeek.MONDAY, LocalTime.of(20, 0), LocalTime.MIDNIGHT),
                new MaintenanceWindow(DayOfWeek.TUESDAY, LocalTime.MIDNIGHT, LocalTime.of(2, 0)),
                new MaintenanceWindow(DayOfWeek.TUESDAY, LocalTime.of(1, 0), LocalTime.of(4, 0))));

        assertTrue(schedule.isOpenThroughout(berlinTime("2025-06-02T21:00"), berlinTime("2025-06-03T03:30")),
                "Monday evening, Tuesday after midnight and an overlapping window chain up");
        assertFalse(schedule.isOpenThroughout(berlinTime("2025-06-02T21:00"), berlinTime("2025-06-03T04:30")));
    }

    @Test
    void aGapBetweenWindowsBreaksTheInterval() {
        MaintenanceSchedule schedule = new MaintenanceSchedule(BERLIN, List.of(
                new MaintenanceWindow(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(10, 0)),
                new MaintenanceWindow(DayOfWeek.MONDAY, LocalTime.of(10, 1), LocalTime.of(12, 0))));

        assertTrue(schedule.isOpenThroughout(berlinTime("2025-06-02T10:01"), berlinTime("2025-06-02T11:00")));
        assertFalse(schedule.isOpenThroughout(berlinTime("2025-06-02T09:00"), berlinTime("2025-06-02T11:00")),
                "closed from 10:00 to 10:01");
    }

    @Test
    void wholeDayWindowsCoverAWeekAcrossBothDstSwitches() {
        MaintenanceSchedule everyDay = new MaintenanceSchedule(BERLIN, java.util.Arrays.stream(DayOfWeek.values())
                .map(day -> new MaintenanceWindow(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)).toList());

        assertTrue(everyDay.isOpenThroughout(Instant.parse("2025-03-29T12:00:00Z"), Instant.parse("2025-04-02T12:00:00Z")),
                "spring forward: Sunday has 23 hours");
        assertTrue(everyDay.isOpenThroughout(Instant.parse("2025-10-25T12:00:00Z"), Instant.parse("2025-10-27T12:00:00Z")),
                "fall back: Sunday has 25 hours");
    }

    @Test
    void throughoutOnSpringForwardDayUsesRealHours() {
        // Sunday 2025-03-30 01:00-05:00 in Berlin lasts three real hours: 00:00Z to 03:00Z.
        MaintenanceSchedule schedule = berlin(DayOfWeek.SUNDAY, "01:00", "05:00");

        assertTrue(schedule.isOpenThroughout(Instant.parse("2025-03-30T00:00:00Z"), Instant.parse("2025-03-30T03:00:00Z")));
        assertFalse(schedule.isOpenThroughout(Instant.parse("2025-03-30T00:00:00Z"), Instant.parse("2025-03-30T03:01:00Z")),
                "four hours of wall clock are only three real ones that day");
    }

    @Test
    void throughoutOnFallBackDayIncludesTheRepeatedHour() {
        // Sunday 2025-10-26 01:00-04:00 in Berlin lasts four real hours: 23:00Z (Saturday) to 03:00Z.
        MaintenanceSchedule schedule = berlin(DayOfWeek.SUNDAY, "01:00", "04:00");

        assertTrue(schedule.isOpenThroughout(Instant.parse("2025-10-25T23:00:00Z"), Instant.parse("2025-10-26T03:00:00Z")));
        assertFalse(schedule.isOpenThroughout(Instant.parse("2025-10-25T22:59:00Z"), Instant.parse("2025-10-26T01:00:00Z")));
    }

    @Test
    void throughoutRefusesAnEmptyInterval() {
        MaintenanceSchedule schedule = berlin(DayOfWeek.SUNDAY, "01:00", "04:00");
        Instant instant = berlinTime("2025-06-01T02:00");

        assertThrows(IllegalArgumentException.class, () -> schedule.isOpenThroughout(instant, instant));
        assertFalse(new MaintenanceSchedule(BERLIN, List.of()).isOpenThroughout(instant, instant.plusSeconds(1)));
    }
}
