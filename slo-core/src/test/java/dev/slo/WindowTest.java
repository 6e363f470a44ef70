package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * {@link Window}: where rolling and calendar windows start and how long they are, across zones, daylight
 * saving and leap years.
 */
final class WindowTest {
    private static final Instant NOW = Instant.parse("2026-02-18T13:45:00Z");   // a Wednesday

    @Test
    void rolling_coversTheLastLength() {
        Window w = Window.rolling(Duration.ofDays(30));
        assertEquals(NOW.minus(Duration.ofDays(30)), w.start(NOW));
        assertEquals(Duration.ofDays(30), w.length(NOW));
        assertEquals(Duration.ofDays(30), w.maxLength());
        assertEquals(new Window.Rolling(Duration.ofDays(30)), w);
    }

    @Test
    void rolling_acceptsItsBounds() {
        assertEquals(Duration.ofHours(1), Window.rolling(Duration.ofHours(1)).maxLength());
        assertEquals(Duration.ofDays(90), Window.rolling(Duration.ofDays(90)).maxLength());
    }

    @Test
    void rolling_rejectsOutOfRange() {
        IllegalArgumentException shortOne = assertThrows(IllegalArgumentException.class,
                () -> Window.rolling(Duration.ofMinutes(59)));
        assertEquals("length must be between 1 hour and 90 days, got 59m", shortOne.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Window.rolling(Duration.ofDays(90).plusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> Window.rolling(Duration.ofHours(2).plusMillis(1)));
        assertThrows(NullPointerException.class, () -> Window.rolling(null));
    }

    @Test
    void calendarMonth_startsAtMidnightOnTheFirst_inItsZone() {
        Window utc = Window.calendarMonth(ZoneOffset.UTC);
        assertEquals(Instant.parse("2026-02-01T00:00:00Z"), utc.start(NOW));
        assertEquals(Duration.ofDays(28), utc.length(NOW));
        // Paris is UTC+1 in February: the month begins at 23:00 UTC on 31 January.
        Window paris = Window.calendarMonth(ZoneId.of("Europe/Paris"));
        assertEquals(Instant.parse("2026-01-31T23:00:00Z"), paris.start(NOW));
        assertEquals(Duration.ofDays(28), paris.length(NOW));
    }

    @Test
    void calendarMonth_lengthFollowsDaylightSaving() {
        // March 2026 in Paris loses an hour on the 29th: 31 days - 1 hour.
        Window paris = Window.calendarMonth(ZoneId.of("Europe/Paris"));
        assertEquals(Duration.ofDays(31).minusHours(1), paris.length(Instant.parse("2026-03-15T12:00:00Z")));
        assertEquals(Duration.ofDays(31).plusHours(1), paris.length(Instant.parse("2026-10-15T12:00:00Z")));
        assertEquals(Duration.ofDays(31).plusHours(1), paris.maxLength());
    }

    @Test
    void calendarMonth_leapFebruary() {
        assertEquals(Duration.ofDays(29), Window.calendarMonth(ZoneOffset.UTC).length(Instant.parse("2028-02-29T23:59:59Z")));
    }

    @Test
    void calendarMonth_atTheFirstInstant_isTheNewMonth() {
        Window utc = Window.calendarMonth(ZoneOffset.UTC);
        Instant first = Instant.parse("2026-03-01T00:00:00Z");
        assertEquals(first, utc.start(first));
        assertEquals(Instant.parse("2026-02-01T00:00:00Z"), utc.start(first.minusMillis(1)));
    }

    @Test
    void calendarWeek_startsMondayMidnight() {
        Window utc = Window.calendarWeek(ZoneOffset.UTC);
        assertEquals(Instant.parse("2026-02-16T00:00:00Z"), utc.start(NOW));                       // Monday
        assertEquals(Duration.ofDays(7), utc.length(NOW));
        Instant monday = Instant.parse("2026-02-16T00:00:00Z");
        assertEquals(monday, utc.start(monday));
        assertEquals(Instant.parse("2026-02-09T00:00:00Z"), utc.start(monday.minusMillis(1)));       // Sunday night
        // New York is UTC-5 in February: Monday begins at 05:00 UTC.
        Window ny = Window.calendarWeek(ZoneId.of("America/New_York"));
        assertEquals(Instant.parse("2026-02-16T05:00:00Z"), ny.start(NOW));
    }

    @Test
    void calendarWeek_lengthFollowsDaylightSaving() {
        // The US springs forward on Sunday 8 March 2026: that ISO week is 7 days - 1 hour.
        Window ny = Window.calendarWeek(ZoneId.of("America/New_York"));
        assertEquals(Duration.ofDays(7).minusHours(1), ny.length(Instant.parse("2026-03-05T12:00:00Z")));
    }

    @Test
    void calendar_rejectNullZone() {
        NullPointerException month = assertThrows(NullPointerException.class, () -> Window.calendarMonth(null));
        assertEquals("zone must not be null", month.getMessage());
        assertThrows(NullPointerException.class, () -> Window.calendarWeek(null));
    }
}
