package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link ErrorBudget} arithmetic (allowance, spent, remaining, exhausted) and the budget an SLO reports
 * from what it recorded.
 */
final class ErrorBudgetTest {

    @Test
    void budgetFraction_of999_isExactlyOneThousandth() {
        // 1 - 0.999 in binary floating point is 0.0010000000000000009; the budget is derived in decimal.
        assertEquals(0.001, Targets.budgetFraction(0.999), 0.0);
        assertEquals(0.0005, Targets.budgetFraction(0.9995), 0.0);
        assertEquals(0.01, Targets.budgetFraction(0.99), 0.0);
        assertEquals(0.001, ErrorBudget.of(10, 10, 0.999).budgetFraction(), 0.0);
    }

    @Test
    void counts_halfSpent() {
        // 1,000,000 events at 99.9%: 0.001 * 1,000,000 = 1000 bad allowed; 500 bad spend half.
        ErrorBudget b = ErrorBudget.of(1_000_000, 999_500, 0.999);
        assertEquals(1_000_000, b.total());
        assertEquals(999_500, b.good());
        assertEquals(500, b.bad());
        assertEquals(0.9995, b.attainment(), 1e-15);
        assertEquals(1000.0, b.allowedBad(), 1e-9);
        assertEquals(0.5, b.consumed(), 1e-12);
        assertEquals(0.5, b.remaining(), 1e-12);
        assertFalse(b.exhausted());
    }

    @Test
    void exactlySpent_isExhausted() {
        // 1000 bad of 1,000,000 at 99.9%: 1000 / 1000 = 1.0 consumed, 0 remaining.
        ErrorBudget b = ErrorBudget.of(1_000_000, 999_000, 0.999);
        assertEquals(1.0, b.consumed(), 0.0);
        assertEquals(0.0, b.remaining(), 0.0);
        assertTrue(b.exhausted());
    }

    @Test
    void spentToTheEvent_isExhausted_evenWhereDoublesRoundTheAllowanceUp() {
        // 0.9901 leaves 0.0099 x 10,000 = 99 bad events exactly; as doubles the allowance comes out
        // 99.00000000000001 and consumed 0.9999999999999999, which once read as not exhausted.
        ErrorBudget spent = ErrorBudget.of(10_000, 10_000 - 99, 0.9901);
        assertTrue(spent.exhausted());
        ErrorBudget oneShort = ErrorBudget.of(10_000, 10_000 - 98, 0.9901);
        assertFalse(oneShort.exhausted());
        assertTrue(ErrorBudget.of(1_000, 999, 0.999).exhausted());       // 1 bad of an allowance of 1
        assertFalse(ErrorBudget.of(1_001, 1_000, 0.999).exhausted());    // 1 bad of 1.001
    }

    @Test
    void overspent_remainingIsNegative() {
        // 3000 bad of 1,000,000 at 99.9%: 3000 / 1000 = 3 consumed, remaining 1 - 3 = -2.
        ErrorBudget b = ErrorBudget.of(1_000_000, 997_000, 0.999);
        assertEquals(3.0, b.consumed(), 1e-12);
        assertEquals(-2.0, b.remaining(), 1e-12);
        assertTrue(b.exhausted());
    }

    @Test
    void noEvents_attainmentOne_nothingConsumed_notExhausted() {
        ErrorBudget b = ErrorBudget.of(0, 0, 0.999);
        assertEquals(1.0, b.attainment());
        assertEquals(0.0, b.consumed());
        assertEquals(1.0, b.remaining());
        assertEquals(0.0, b.allowedBad());
        assertFalse(b.exhausted());
        assertTrue(b.insufficientData());
    }

    @Test
    void allGood_notExhausted_evenWithTinyTraffic() {
        ErrorBudget b = ErrorBudget.of(3, 3, 0.999);
        assertEquals(1.0, b.attainment());
        assertEquals(1.0, b.remaining());
        assertFalse(b.exhausted());
        assertFalse(b.insufficientData());
    }

    @Test
    void oneBadOfFew_overspendsAtOnce() {
        // 1 bad of 10 at 99.9%: allowed 0.01, consumed 1 / 0.01 = 100.
        ErrorBudget b = ErrorBudget.of(10, 9, 0.999);
        assertEquals(100.0, b.consumed(), 1e-9);
        assertTrue(b.exhausted());
    }

    @Test
    void slo_errorBudget_countsWhatWasRecorded() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        for (int i = 0; i < 2000; i++) {
            slo.record(i % 1000 != 0);                     // 2 bad in 2000
            clock.advance(Duration.ofSeconds(1));
        }
        ErrorBudget b = slo.errorBudget();
        assertEquals(2000, b.total());
        assertEquals(1998, b.good());
        // allowed 0.001 * 2000 = 2, so 2 bad spend it all
        assertEquals(1.0, b.consumed(), 1e-12);
        assertTrue(b.exhausted());
        assertEquals(0.999, b.target());
    }

    @Test
    void slo_errorBudget_ofLatencySli_judgesByThreshold() {
        ManualClock clock = Fixtures.clock();
        Slo auth = SloRegistry.create(clock).define("auth-latency")
                .internal("auth answers within 300 ms").ownedBy(Owner.team("identity"))
                .sli(Sli.latency(Duration.ofMillis(300))).target(0.9995)
                .window(Window.rolling(Duration.ofDays(30))).register();
        auth.record(true, 300_000_000L);                   // at the threshold: good
        auth.record(true, 300_000_001L);                   // 1 ns over: bad
        auth.record(false, 1_000L);                        // failed fast: bad
        auth.record(true, Duration.ofMillis(120));          // good
        auth.record(true);                                  // flag alone: good
        auth.record(false);                                 // flag alone: bad
        ErrorBudget b = auth.errorBudget();
        assertEquals(6, b.total());
        assertEquals(3, b.good());
    }

    @Test
    void slo_ratioSli_ignoresLatency() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        slo.record(true, Long.MAX_VALUE);
        slo.record(false, 0);
        ErrorBudget b = slo.errorBudget();
        assertEquals(2, b.total());
        assertEquals(1, b.good());
    }
}
