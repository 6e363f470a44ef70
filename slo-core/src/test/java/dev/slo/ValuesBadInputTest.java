package dev.slo;

import static dev.slo.Rejections.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.Rejections.Recorded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Bad input to the value records built by hand: {@link ErrorBudget}, {@link TimeBucket}, {@link Revision},
 * {@link TargetAllocation}, {@link Finding}, {@link DownstreamConsumer} and {@link SloSpec}.
 */
final class ValuesBadInputTest implements Rejections.Table {
    private final Recorded recorded = new Recorded();

    @Test void errorBudget_goodAboveTotal() {
        recorded.rejects(IllegalArgumentException.class, () -> ErrorBudget.of(5, 6, 0.99), "good=6", "total=5");
    }
    @Test void errorBudget_negativeTotal() {
        recorded.rejects(IllegalArgumentException.class, () -> ErrorBudget.of(-1, 0, 0.99), "total=-1");
    }
    @Test void errorBudget_badTarget() {
        recorded.rejects(IllegalArgumentException.class, () -> ErrorBudget.of(5, 5, 99), "target", "got 99.0");
    }
    @Test void errorBudget_badFraction() {
        recorded.rejects(IllegalArgumentException.class, () -> new ErrorBudget(5, 5, 0.99, 0), "budgetFraction", "got 0.0");
    }
    @Test void timeBucket_badCounts() {
        recorded.rejects(IllegalArgumentException.class,
                () -> new TimeBucket(Fixtures.START, Duration.ofMinutes(1), 3, 2), "good=3", "total=2");
    }

    @Test
    void targetChecksNameTheirOwnParameter() {
        Owner who = Owner.team("team");
        Instant when = Fixtures.START;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Revision(who, when, 99.9, 0.99, "why"))
                .getMessage().startsWith("from must be a fraction in (0,1), got 99.9"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Revision(who, when, 0.99, 1.0, "why"))
                .getMessage().startsWith("to must be a fraction in (0,1), got 1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TargetAllocation.of(0.0, 2))
                .getMessage().startsWith("customerTarget must be a fraction in (0,1), got 0.0"));
    }

    @Test
    void findingsNeverCarryANullSlo() {
        NullPointerException thrown = assertThrows(NullPointerException.class,
                () -> new Finding(FindingKind.ONE_SLO_TYPE_ONLY, null, "m"));
        assertTrue(thrown.getMessage().contains("slo"));
        assertEquals("", Finding.registryWide(FindingKind.ONE_SLO_TYPE_ONLY, "m").slo());
    }

    /** The rows this type adds to the table of rejected calls that {@link Rejections.Table} runs. */
    static Stream<Arguments> cases() {
        Instant t = Fixtures.START;
        Duration hour = Duration.ofHours(1);
        return Stream.of(
                row("ErrorBudget.of with a NaN target", w -> ErrorBudget.of(10, 9, Double.NaN),
                        IllegalArgumentException.class, "target must be a fraction in (0,1), got NaN"),
                row("ErrorBudget.of with an infinite target", w -> ErrorBudget.of(10, 9, Double.POSITIVE_INFINITY),
                        IllegalArgumentException.class, "target must be a fraction in (0,1), got Infinity"),
                row("ErrorBudget.of with a negative infinite target", w -> ErrorBudget.of(10, 9, Double.NEGATIVE_INFINITY),
                        IllegalArgumentException.class, "target must be a fraction in (0,1), got -Infinity"),
                row("consumer name with a bell", w -> DownstreamConsumer.of("billing\u0007", DownstreamConsumer.Impact.BLOCKING),
                        IllegalArgumentException.class, "name must not hold control characters, got \"billing\\u0007\""),
                row("consumer description with a carriage return",
                        w -> new DownstreamConsumer("billing", DownstreamConsumer.Impact.DEGRADED, "stale\rOK"),
                        IllegalArgumentException.class, "description must not hold control characters, got \"stale\\rOK\""),
                row("revision why with a tab", w -> new Revision(w.pm, t, 0.999, 0.99, "why\tnot"),
                        IllegalArgumentException.class, "why must not hold control characters, got \"why\\tnot\""),
                row("spec description with a newline",
                        w -> new SloSpec("x", Audience.INTERNAL, "a\nb", List.of(w.eng), Sli.ratio(), 0.99,
                                Window.rolling(hour), AlertPolicy.sreWorkbook(), Budgeting.occurrences()),
                        IllegalArgumentException.class, "description must not hold control characters, got \"a\\nb\""));
    }
}
