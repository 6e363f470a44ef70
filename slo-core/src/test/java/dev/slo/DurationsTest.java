package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.engine.Durations;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Durations in messages and toString read as people write them: 30d, 5m, 1h 30m, 10s, 250ms. */
final class DurationsTest {

    @Test
    void format_writesTheNonZeroUnitsFromDaysDown() {
        assertEquals("30d", Durations.format(Duration.ofDays(30)));
        assertEquals("5m", Durations.format(Duration.ofMinutes(5)));
        assertEquals("1h 30m", Durations.format(Duration.ofMinutes(90)));
        assertEquals("10s", Durations.format(Duration.ofSeconds(10)));
        assertEquals("250ms", Durations.format(Duration.ofMillis(250)));
        assertEquals("6d 1ms", Durations.format(Duration.ofDays(6).plusMillis(1)));
        assertEquals("500ns", Durations.format(Duration.ofNanos(500)));
        assertEquals("1ms 500\u00b5s", Durations.format(Duration.ofNanos(1_500_000)));
        assertEquals("0s", Durations.format(Duration.ZERO));
    }

    @Test
    void format_negative_leadingMinus() {
        assertEquals("-1h", Durations.format(Duration.ofHours(-1)));
        assertEquals("-5ms", Durations.format(Duration.ofMillis(-5)));
        assertEquals("-1s 500ms", Durations.format(Duration.ofMillis(-1500)));
    }

    @Test
    void format_extremes_doNotThrow() {
        assertTrue(Durations.format(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)).startsWith("106751991167300d"));
        assertTrue(Durations.format(Duration.ofSeconds(Long.MIN_VALUE)).startsWith("PT-"));
        assertTrue(Durations.format(Duration.ofSeconds(Long.MIN_VALUE, 1)).startsWith("-106751991167300d"));
    }

    @Test
    void saturatedConversions_clampAtTheEndsOfLong() {
        assertEquals(Long.MAX_VALUE, Durations.saturatedMillis(Duration.ofSeconds(Long.MAX_VALUE)));
        assertEquals(Long.MIN_VALUE, Durations.saturatedMillis(Duration.ofSeconds(Long.MIN_VALUE)));
        assertEquals(Long.MAX_VALUE, Durations.saturatedNanos(Duration.ofDays(365L * 300)));
        assertEquals(Long.MIN_VALUE, Durations.saturatedNanos(Duration.ofDays(-365L * 300)));
        assertEquals(1_500, Durations.saturatedMillis(Duration.ofMillis(1_500)));
        assertEquals(Long.MAX_VALUE, Durations.saturatedAdd(Long.MAX_VALUE - 1, 2));
        assertEquals(Long.MIN_VALUE, Durations.saturatedAdd(Long.MIN_VALUE + 1, -2));
        assertEquals(Duration.ofNanos(Long.MAX_VALUE), Durations.ofNanosSaturated(1e30));
    }

    @Test
    void messagesAndToStrings_showDurationsAsPeopleReadThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Window.rolling(Duration.ofDays(91)));
        assertEquals("length must be between 1 hour and 90 days, got 91d", e.getMessage());
        assertEquals("rolling 30d", Window.rolling(Duration.ofDays(30)).toString());
        assertEquals("PAGE 2.0% of budget in 1h (short 5m)", AlertPolicy.sreWorkbook().rules().get(0).toString());
        assertEquals("Latency[threshold=300ms]", Sli.latency(Duration.ofMillis(300)).toString());
        assertEquals("Timeslices[slice=1m, sliceTarget=1.0]", Budgeting.timeslices(Duration.ofMinutes(1)).toString());
    }

    @Test
    void inWordsAndShortForm_nameWindowsForFindingsAndReports() {
        assertEquals("30 days", Durations.inWords(Duration.ofDays(30)));
        assertEquals("1 minute", Durations.inWords(Duration.ofMinutes(1)));
        assertEquals("90 minutes", Durations.inWords(Duration.ofMinutes(90)));
        assertEquals("PT0.5S", Durations.inWords(Duration.ofMillis(500)), "not whole seconds: ISO-8601");
        assertEquals("5m", Durations.shortForm(Duration.ofMinutes(5)));
        assertEquals("90m", Durations.shortForm(Duration.ofMinutes(90)));
        assertEquals("3d", Durations.shortForm(Duration.ofDays(3)));
        assertEquals("rolling 30 days", Window.rolling(Duration.ofDays(30)).describe());
        assertEquals("rolling 36 hours", Window.rolling(Duration.ofHours(36)).describe());
        assertEquals("calendar month in Europe/Paris", Window.calendarMonth(ZoneId.of("Europe/Paris")).describe());
        assertEquals("calendar week in Z", Window.calendarWeek(ZoneOffset.UTC).describe());
    }
}
