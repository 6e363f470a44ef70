package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of {@link ErrorBudget} for any counts and targets. */
final class BudgetProperties {

    record Counts(long total, long good) {}

    @Provide
    Arbitrary<Counts> counts() {
        return Arbitraries.longs().between(0, 1_000_000_000_000L)
                .flatMap(total -> Arbitraries.longs().between(0, total).map(good -> new Counts(total, good)));
    }

    /** Targets as people write them: two to six decimal places, e.g. 0.99, 0.9995, 0.999999. */
    @Provide
    Arbitrary<BigDecimal> decimalTargets() {
        return Combinators.combine(Arbitraries.integers().between(2, 6), Arbitraries.longs().between(1, 999_999))
                .as((places, digits) -> BigDecimal.valueOf(digits % (long) Math.pow(10, places), places))
                .filter(t -> t.signum() > 0);
    }

    @Provide
    Arbitrary<Double> targets() {
        return decimalTargets().map(BigDecimal::doubleValue);
    }

    @Property
    void remainingIsOneMinusConsumed(@ForAll("counts") Counts c, @ForAll("targets") double target) {
        ErrorBudget b = ErrorBudget.of(c.total(), c.good(), target);
        assertEquals(1.0 - b.consumed(), b.remaining(), 0.0);
    }

    @Property
    void consumedIsBadOverAllowedBad(@ForAll("counts") Counts c, @ForAll("targets") double target) {
        ErrorBudget b = ErrorBudget.of(c.total(), c.good(), target);
        assertEquals(c.total() - c.good(), b.bad());
        if (c.total() == 0) {
            assertEquals(0.0, b.consumed());
            assertEquals(1.0, b.attainment());
        } else {
            assertEquals(b.bad() / b.allowedBad(), b.consumed(), 0.0);
            assertEquals((double) c.good() / c.total(), b.attainment(), 0.0);
        }
    }

    @Property
    void attainmentIsAFraction_andConsumedIsNotNegative(@ForAll("counts") Counts c, @ForAll("targets") double target) {
        ErrorBudget b = ErrorBudget.of(c.total(), c.good(), target);
        assertTrue(b.attainment() >= 0 && b.attainment() <= 1);
        assertTrue(b.consumed() >= 0);
        assertTrue(b.remaining() <= 1);
    }

    @Property
    void exhaustedIffSomethingBadAndNothingRemains(@ForAll("counts") Counts c, @ForAll("targets") double target) {
        ErrorBudget b = ErrorBudget.of(c.total(), c.good(), target);
        assertEquals(b.bad() > 0 && b.remaining() <= 0, b.exhausted());
    }

    @Property
    void attainmentAtTargetSpendsTheWholeBudget(@ForAll @LongRange(min = 1, max = 1_000_000) long thousands,
                                                @ForAll @IntRange(min = 1, max = 999) int perMille) {
        // target = perMille / 1000 and exactly that share good: bad = (1 - target) * total = allowedBad.
        long total = thousands * 1000;
        long good = thousands * perMille;
        double target = perMille / 1000.0;
        ErrorBudget b = ErrorBudget.of(total, good, target);
        assertEquals(1.0, b.consumed(), 1e-9);
        assertEquals(0.0, b.remaining(), 1e-9);
    }

    @Property
    void budgetFractionIsExactInDecimal(@ForAll("decimalTargets") BigDecimal target) {
        // e.g. 0.9995 as written gives the double nearest 0.0005, not 1 - 0.9995 = 0.0004999999999999449
        double expected = BigDecimal.ONE.subtract(target).doubleValue();
        assertEquals(expected, Targets.budgetFraction(target.doubleValue()), 0.0);
        assertEquals(expected, ErrorBudget.of(1, 1, target.doubleValue()).budgetFraction(), 0.0);
    }

    @Property
    void moreBadNeverLeavesMoreBudget(@ForAll("counts") Counts c, @ForAll("targets") double target) {
        if (c.good() == 0) {
            return;
        }
        ErrorBudget before = ErrorBudget.of(c.total(), c.good(), target);
        ErrorBudget worse = ErrorBudget.of(c.total(), c.good() - 1, target);
        assertTrue(worse.remaining() <= before.remaining());
    }
}
