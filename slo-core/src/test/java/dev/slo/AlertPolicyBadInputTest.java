package dev.slo;

import static dev.slo.Rejections.row;

import dev.slo.Rejections.Recorded;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Bad input to {@link BurnRateRule} (its severity, budget share, windows and threshold) and to
 * {@link AlertPolicy} (its rules and minimum events).
 */
final class AlertPolicyBadInputTest implements Rejections.Table {
    private final Recorded recorded = new Recorded();

    @Test void rule_nullSeverity() {
        recorded.rejects(NullPointerException.class,
                () -> new BurnRateRule(null, 0.02, Duration.ofHours(1), Duration.ofMinutes(5)), "severity");
    }
    @Test void rule_nullLongWindow() {
        recorded.rejects(NullPointerException.class,
                () -> new BurnRateRule(Severity.PAGE, 0.02, null, Duration.ofMinutes(5)), "longWindow");
    }
    @Test void rule_nullShortWindow() {
        recorded.rejects(NullPointerException.class,
                () -> new BurnRateRule(Severity.PAGE, 0.02, Duration.ofHours(1), null), "shortWindow");
    }
    @Test void rule_zeroShare() {
        recorded.rejects(IllegalArgumentException.class,
                () -> new BurnRateRule(Severity.PAGE, 0, Duration.ofHours(1), Duration.ofMinutes(5)), "budgetShare", "got 0.0");
    }
    @Test void rule_shareAboveOne() {
        recorded.rejects(IllegalArgumentException.class,
                () -> new BurnRateRule(Severity.PAGE, 1.5, Duration.ofHours(1), Duration.ofMinutes(5)), "budgetShare", "got 1.5");
    }
    @Test void rule_shareNaN() {
        recorded.rejects(IllegalArgumentException.class,
                () -> new BurnRateRule(Severity.PAGE, Double.NaN, Duration.ofHours(1), Duration.ofMinutes(5)),
                "budgetShare", "NaN");
    }
    @Test void rule_longWindowTooShort() {
        recorded.rejects(IllegalArgumentException.class,
                () -> new BurnRateRule(Severity.PAGE, 0.02, Duration.ofSeconds(30), Duration.ofSeconds(5)), "longWindow", "30s");
    }
    @Test void rule_longWindowTooLong() {
        recorded.rejects(IllegalArgumentException.class,
                () -> new BurnRateRule(Severity.PAGE, 0.02, Duration.ofDays(100), Duration.ofDays(1)), "longWindow", "100d");
    }
    @Test void rule_shortWindowZero() {
        recorded.rejects(IllegalArgumentException.class,
                () -> new BurnRateRule(Severity.PAGE, 0.02, Duration.ofHours(1), Duration.ZERO), "shortWindow", "0s");
    }
    @Test void rule_shortWindowNotShorter() {
        recorded.rejects(IllegalArgumentException.class,
                () -> new BurnRateRule(Severity.PAGE, 0.02, Duration.ofHours(1), Duration.ofHours(1)), "shortWindow", "got 1h");
    }
    @Test void threshold_null() {
        recorded.rejects(NullPointerException.class,
                () -> AlertPolicy.sreWorkbook().rules().get(0).threshold(null), "windowLength");
    }
    @Test void threshold_zero() {
        recorded.rejects(IllegalArgumentException.class, () -> AlertPolicy.sreWorkbook().rules().get(0).threshold(Duration.ZERO),
                "windowLength", "0s");
    }
    @Test void policy_nullRules() { recorded.rejects(NullPointerException.class, () -> new AlertPolicy(null, 0), "rules"); }
    @Test void policy_nullRule() {
        recorded.rejects(NullPointerException.class, () -> new AlertPolicy(Arrays.asList((BurnRateRule) null), 0), "rules[0]");
    }
    @Test void policy_noRules() { recorded.rejects(IllegalArgumentException.class, () -> AlertPolicy.of(), "rules", "[]"); }
    @Test void policy_ofNull() {
        recorded.rejects(NullPointerException.class, () -> AlertPolicy.of((BurnRateRule[]) null), "rules");
    }
    @Test void policy_negativeMinimum() {
        recorded.rejects(IllegalArgumentException.class,
                () -> AlertPolicy.sreWorkbook().withMinimumEvents(-1), "minimumEvents", "got -1");
    }

    /** The rows this type adds to the table of rejected calls that {@link Rejections.Table} runs. */
    static Stream<Arguments> cases() {
        Duration hour = Duration.ofHours(1);
        BurnRateRule rule = new BurnRateRule(Severity.PAGE, 0.02, hour, Duration.ofMinutes(5));
        return Stream.of(
                row("AlertPolicy.of(rule, null)", w -> AlertPolicy.of(rule, null),
                        NullPointerException.class, "rules[1] must not be null"),
                row("burn-rate rule with a short window not shorter", w -> new BurnRateRule(Severity.PAGE, 0.02, hour, hour),
                        IllegalArgumentException.class, "shortWindow"));
    }
}
