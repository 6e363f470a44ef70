package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Public values cannot be built inconsistent, carry no NaN sentinels, and print what a user needs. */
final class ValuesTest {

    @Test
    void errorBudget_budgetFractionOtherThanOneMinusTarget_isRefusedNamingIt() {
        // 1 - 0.999 in doubles is 0.0010000000000000009: not the exact decimal 0.001.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ErrorBudget(1000, 999, 0.999, 1 - 0.999));
        assertEquals("budgetFraction must be 1 - target = 0.001 for target 0.999 (exact in decimal; ErrorBudget.of derives it),"
                + " got 0.0010000000000000009", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ErrorBudget(1000, 999, 0.999, 0.5));
        assertEquals(ErrorBudget.of(1000, 999, 0.999), new ErrorBudget(1000, 999, 0.999, 0.001));
    }

    @Test
    void errorBudget_eventBudget_hasNoSliceRatioSum() {
        ErrorBudget events = ErrorBudget.of(1000, 999, 0.999);
        assertEquals(OptionalDouble.empty(), events.sliceRatioSum());
        assertEquals(0.999, events.attainment(), 0.0);
    }

    @Test
    void errorBudget_ofSliceRatios_attainmentIsTheMeanRatio() {
        // 4 slices, 2 wholly good, ratios summing to 3.9: attainment 0.975, spent 0.1 of 4 * 0.05 = 0.2 allowed.
        ErrorBudget slices = ErrorBudget.ofSliceRatios(4, 2, 0.95, 3.9);
        assertEquals(OptionalDouble.of(3.9), slices.sliceRatioSum());
        assertEquals(0.975, slices.attainment(), 1e-12);
        assertEquals(0.5, slices.consumed(), 1e-9);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ErrorBudget.ofSliceRatios(4, 2, 0.95, 4.5))
                .getMessage().startsWith("sliceRatioSum must be in [0, total=4], got 4.5"));
    }

    @Test
    void errorBudget_toString_showsWhatAUserReads() {
        assertEquals("ErrorBudget[total=1000, good=999, bad=1, target=0.99, attainment=0.999, remaining=0.9]",
                ErrorBudget.of(1000, 999, 0.99).toString());
    }

    @Test
    void dailyAttainment_attainmentAndMet_areDerivedFromCountsAndTarget() {
        DailyAttainment day = new DailyAttainment(LocalDate.of(2026, 1, 1), 999, 1000, 0.999);
        assertEquals(0.999, day.attainment(), 0.0);
        assertTrue(day.met());
        assertEquals(false, new DailyAttainment(LocalDate.of(2026, 1, 1), 998, 1000, 0.999).met());
        DailyAttainment empty = new DailyAttainment(LocalDate.of(2026, 1, 2), 0, 0, 0.999);
        assertEquals(1.0, empty.attainment(), 0.0);
        assertEquals(false, empty.met() || empty.missed());
    }

    @Test
    void targetAllocation_figuresAreDerivedFromTheTwoComponents() {
        TargetAllocation a = new TargetAllocation(0.999, 3);
        assertEquals(TargetAllocation.of(0.999, 3), a);
        assertEquals(0.9999, a.oneExtraNineTarget(), 0.0);
        assertEquals(1 - 0.001 / 3, a.equalSplitTarget(), 1e-15);
        assertTrue(a.equalSplitMargin() >= 0);
    }

    @Test
    void burnRateRule_toString_showsWindowsAsPeopleReadThem() {
        assertEquals("TICKET 10.0% of budget in 3d (short 6h)", AlertPolicy.sreWorkbook().rules().get(3).toString());
        assertEquals("excluded from 2026-01-01T00:00:00Z for 1h 30m (upgrade)",
                Exclusion.once(Fixtures.START, Duration.ofMinutes(90), "upgrade").toString());
    }
}
