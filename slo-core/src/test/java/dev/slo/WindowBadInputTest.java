package dev.slo;

import static dev.slo.Rejections.row;

import dev.slo.Rejections.Recorded;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Bad input to the {@link Window} factories: rolling lengths out of range or not whole seconds, calendar
 * windows without a zone.
 */
final class WindowBadInputTest implements Rejections.Table {
    private final Recorded recorded = new Recorded();

    @Test void rolling_null() { recorded.rejects(NullPointerException.class, () -> Window.rolling(null), "length"); }
    @Test void rolling_tooShort() {
        recorded.rejects(IllegalArgumentException.class, () -> Window.rolling(Duration.ofMinutes(30)), "length", "30m");
    }
    @Test void rolling_tooLong() {
        recorded.rejects(IllegalArgumentException.class, () -> Window.rolling(Duration.ofDays(91)), "length", "91d");
    }
    @Test void rolling_fractionalSeconds() {
        recorded.rejects(IllegalArgumentException.class,
                () -> Window.rolling(Duration.ofHours(2).plusMillis(500)), "length", "2h 500ms");
    }
    @Test void calendarMonth_null() { recorded.rejects(NullPointerException.class, () -> Window.calendarMonth(null), "zone"); }
    @Test void calendarWeek_null() { recorded.rejects(NullPointerException.class, () -> Window.calendarWeek(null), "zone"); }

    /** The rows this type adds to the table of rejected calls that {@link Rejections.Table} runs. */
    static Stream<Arguments> cases() {
        return Stream.of(
                row("rolling window too short", w -> Window.rolling(Duration.ofMinutes(30)),
                        IllegalArgumentException.class, "30m"));
    }
}
