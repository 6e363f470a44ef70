package dev.slo;

import static dev.slo.Rejections.row;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slo.Rejections.Recorded;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/** Bad input to the {@link Sli} factories: latency thresholds, retry counts, freshness ages and deadlines out of range. */
final class SliBadInputTest implements Rejections.Table {
    private final Recorded recorded = new Recorded();

    @Test void latency_null() { recorded.rejects(NullPointerException.class, () -> Sli.latency(null), "threshold"); }
    @Test void latency_zero() {
        recorded.rejects(IllegalArgumentException.class, () -> Sli.latency(Duration.ZERO), "threshold", "0s");
    }
    @Test void latency_negative() {
        recorded.rejects(IllegalArgumentException.class, () -> Sli.latency(Duration.ofMillis(-5)), "threshold", "-5ms");
    }
    @Test void latency_overAnHour() {
        recorded.rejects(IllegalArgumentException.class, () -> Sli.latency(Duration.ofMinutes(61)), "threshold", "1h 1m");
    }

    @Test
    void sliRangesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Sli.withinRetries(-3));
        assertThrows(IllegalArgumentException.class, () -> Sli.freshness(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> Sli.deadline(Duration.ZERO));
    }

    /** The rows this type adds to the table of rejected calls that {@link Rejections.Table} runs. */
    static Stream<Arguments> cases() {
        return Stream.of(
                row("freshness under a millisecond", w -> Sli.freshness(Duration.ofNanos(500)),
                        IllegalArgumentException.class, "maxAge must be a whole number of milliseconds, got 500ns"),
                row("freshness with a sub-millisecond part", w -> Sli.freshness(Duration.ofSeconds(90).plusNanos(1)),
                        IllegalArgumentException.class, "maxAge must be a whole number of milliseconds, got 1m 30s 1ns"),
                row("deadline under a millisecond", w -> Sli.deadline(Duration.ofNanos(999_999)),
                        IllegalArgumentException.class, "deadline must be a whole number of milliseconds, got 999\u00b5s 999ns"),
                row("deadline with a sub-millisecond part", w -> Sli.deadline(Duration.ofMinutes(30).plusNanos(10)),
                        IllegalArgumentException.class, "deadline must be a whole number of milliseconds, got 30m 10ns"),
                row("latency threshold of zero", w -> Sli.latency(Duration.ZERO),
                        IllegalArgumentException.class, "threshold must be positive and at most 1 hour, got 0s"));
    }
}
