package dev.slo;

import static dev.slo.Rejections.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Bad input to {@link Exclusion}: reasons with control characters, lengths and ends out of range, and
 * instants activeAt cannot place.
 */
final class ExclusionBadInputTest implements Rejections.Table {

    @Test
    void activeAtAnswersAtBothEndsOfTheMillisecondRange() {
        Exclusion weekly = Exclusion.weekly(DayOfWeek.SUNDAY, LocalTime.of(3, 0), Duration.ofHours(1), ZoneOffset.UTC, "patching");
        Exclusion once = Exclusion.once(Fixtures.START, Duration.ofHours(1), "migration");
        for (long t : new long[] {Long.MIN_VALUE, Long.MIN_VALUE + Duration.ofDays(8).toMillis(), Long.MAX_VALUE}) {
            Instant at = Instant.ofEpochMilli(t);
            assertFalse(once.activeAt(at), at.toString());
            assertEquals(at.atZone(ZoneOffset.UTC).getDayOfWeek() == DayOfWeek.SUNDAY
                    && at.atZone(ZoneOffset.UTC).getHour() == 3, weekly.activeAt(at), at.toString());
        }
    }

    /** The rows this type adds to the table of rejected calls that {@link Rejections.Table} runs. */
    static Stream<Arguments> cases() {
        Instant t = Fixtures.START;
        Duration hour = Duration.ofHours(1);
        return Stream.of(
                row("activeAt(Instant.MAX) on a one-off exclusion",
                        w -> Exclusion.once(t, hour, "migration").activeAt(Instant.MAX),
                        IllegalArgumentException.class, "instant must be representable in epoch milliseconds, got "
                                + Instant.MAX),
                row("activeAt(Instant.MIN) on a weekly exclusion",
                        w -> Exclusion.weekly(DayOfWeek.SUNDAY, LocalTime.of(3, 0), hour, ZoneOffset.UTC, "patching")
                                .activeAt(Instant.MIN),
                        IllegalArgumentException.class, "instant must be representable in epoch milliseconds, got "
                                + Instant.MIN),
                row("one-off exclusion reason with a newline", w -> Exclusion.once(t, hour, "db\nmigration"),
                        IllegalArgumentException.class, "reason must not hold control characters, got \"db\\nmigration\""),
                row("weekly exclusion reason with a C1 control",
                        w -> Exclusion.weekly(DayOfWeek.SUNDAY, LocalTime.of(3, 0), hour, ZoneOffset.UTC, "patch\u0085"),
                        IllegalArgumentException.class, "reason must not hold control characters, got \"patch\\u0085\""),
                row("exclusion of no length", w -> Exclusion.once(t, Duration.ZERO, "x"),
                        IllegalArgumentException.class, "length must be at least 1 ms, got 0s"),
                row("exclusion past the end of time", w -> Exclusion.once(Instant.ofEpochMilli(Long.MAX_VALUE - 1), hour, "x"),
                        IllegalArgumentException.class, "start + length must be a representable instant"));
    }
}
