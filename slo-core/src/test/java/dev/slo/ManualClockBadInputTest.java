package dev.slo;

import static dev.slo.Rejections.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slo.Rejections.Recorded;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** Bad input to {@link ManualClock}: instants out of range, moves backwards or past the range, and missing arguments. */
final class ManualClockBadInputTest implements Rejections.Table {
    private final Recorded recorded = new Recorded();

    @Test void clockAt_null() { recorded.rejects(NullPointerException.class, () -> ManualClock.at(null), "instant"); }
    @Test void clockAt_outOfRange() {
        recorded.rejects(IllegalArgumentException.class,
                () -> ManualClock.at(Instant.parse("3000-01-01T00:00:00Z")), "instant", "3000-01-01T00:00:00Z");
    }
    @Test void clockAdvance_null() { recorded.rejects(NullPointerException.class, () -> recorded.clock.advance(null), "amount"); }
    @Test void clockAdvance_negative() {
        recorded.rejects(IllegalArgumentException.class, () -> recorded.clock.advance(Duration.ofSeconds(-1)), "amount", "-1s");
    }
    @Test void clockAdvance_tooLarge() {
        recorded.rejects(IllegalArgumentException.class,
                () -> recorded.clock.advance(Duration.ofDays(365L * 1000)), "amount", "365000d");
    }
    @Test void clockAdvance_pastTheRange() {
        // 250 years fit in a long of nanoseconds, but 2026 + 250 years does not: the clock must not wrap to 1678.
        Instant before = recorded.clock.instant();
        recorded.rejects(IllegalArgumentException.class,
                () -> recorded.clock.advance(Duration.ofDays(365L * 250)), "amount", "91250d");
        assertEquals(before, recorded.clock.instant());
    }
    @Test void clockSet_null() { recorded.rejects(NullPointerException.class, () -> recorded.clock.set(null), "instant"); }
    @Test void clockSet_outOfRange() {
        recorded.rejects(IllegalArgumentException.class,
                () -> recorded.clock.set(Instant.parse("1600-01-01T00:00:00Z")), "instant", "1600-01-01T00:00:00Z");
    }
    @Test void clockWithZone_null() { recorded.rejects(NullPointerException.class, () -> recorded.clock.withZone(null), "zone"); }

    /** The rows this type adds to the table of rejected calls that {@link Rejections.Table} runs. */
    static Stream<Arguments> cases() {
        return Stream.of(
                row("clock moved back by advance", w -> w.clock.advance(Duration.ofSeconds(-1)),
                        IllegalArgumentException.class, "-1s"));
    }
}
