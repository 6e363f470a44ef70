package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** One "did you mean" rule for every fraction: a value from 2 to 100 whose hundredth fits reads as a percentage. */
final class ArgsTest {

    private static String message(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    @Test
    void fractions_percentageLikeValues_suggestTheHundredthExactly() {
        assertEquals("target must be a fraction in (0,1), got 99.9 (did you mean 0.999?)", message(() -> Args.fractionOpen(99.9, "target")));
        assertEquals("share must be in (0,1], got 100.0 (did you mean 1?)", message(() -> Args.fractionUpToOne(100, "share")));
        assertEquals("quantile must be in (0,1], got 25.0 (did you mean 0.25?)", message(() -> Args.fractionUpToOne(25, "quantile")));
        assertEquals("share must be in [0,1], got 2.0 (did you mean 0.02?)", message(() -> Args.fractionClosed(2, "share")));
    }

    @Test
    void fractions_valuesThatAreNoPercentage_getNoSuggestion() {
        assertEquals("target must be a fraction in (0,1), got 100.0", message(() -> Args.fractionOpen(100, "target")));
        assertEquals("share must be in (0,1], got 1.5", message(() -> Args.fractionUpToOne(1.5, "share")));
        assertEquals("share must be in (0,1], got 250.0", message(() -> Args.fractionUpToOne(250, "share")));
        assertEquals("target must be a fraction in (0,1), got NaN", message(() -> Args.fractionOpen(Double.NaN, "target")));
        assertEquals("target must be a fraction in (0,1), got -5.0", message(() -> Args.fractionOpen(-5, "target")));
    }

    @Test
    void everyFractionParameter_followsTheSameRule() {
        assertEquals("sliceTarget must be in (0,1], got 95.0 (did you mean 0.95?)",
                message(() -> Budgeting.timeslices(Duration.ofMinutes(1), 95)));
        assertEquals("budgetShare must be in (0,1], got 2.0 (did you mean 0.02?)",
                message(() -> new BurnRateRule(Severity.PAGE, 2, Duration.ofHours(1), Duration.ofMinutes(5))));
        assertEquals("customerTarget must be a fraction in (0,1), got 99.9 (did you mean 0.999?)",
                message(() -> TargetAllocation.of(99.9, 3)));
    }

    @Test
    void words_controlCharacters_areRefusedShownEscaped() {
        assertEquals("reason must not hold control characters, got \"a\\nb\" (\\n at 1)", message(() -> Args.requireWords("a\nb", "reason")));
        assertEquals("name must not be blank, got \" \"", message(() -> Args.requireWords(" ", "name")));
    }
}
