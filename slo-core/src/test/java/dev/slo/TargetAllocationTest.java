package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Internal targets for a customer target: the equal split and "one extra nine". */
final class TargetAllocationTest {

    @Test
    void oneExtraNine_treynorsExampleLeavesHalfTheBudgetForTheServiceItself() {
        // Treynor, Dahlin, Rau, Beyer, "The Calculus of Service Availability", ACM Queue 15(2), 2017:
        // a 99.99% service with 5 critical dependencies at 99.999% each spends 5 * 0.001% = 0.005% on them,
        // leaving 0.005% of its 0.01% budget for itself. Exactly: 0.99999^5 - 0.9999 = 0.0000500009999900000...
        TargetAllocation a = TargetAllocation.of(0.9999, 5);
        assertEquals(0.99999, a.oneExtraNineTarget(), 1e-15);
        assertEquals(0.00005000099999, a.oneExtraNineMargin(), 1e-15);
    }

    @Test
    void equalSplit_givesEachDependencyItsShareOfTheBudget() {
        TargetAllocation a = TargetAllocation.of(0.999, 3);
        // 1 - 0.001 / 3 = 0.999666...; (1 - 0.001/3)^3 - 0.999 = 3.33296296...e-7 (Bernoulli: never negative)
        assertEquals(0.9996666666666667, a.equalSplitTarget(), 1e-15);
        assertEquals(3.332962962962963e-7, a.equalSplitMargin(), 1e-18);
        // one extra nine: 0.9999^3 - 0.999 = 0.000700029999
        assertEquals(0.000700029999, a.oneExtraNineMargin(), 1e-15);
    }

    @Test
    void oneExtraNine_stopsWorkingAtAboutTenDependencies() {
        // 0.9999^11 = 0.998900549... < 0.999
        assertTrue(TargetAllocation.of(0.999, 11).oneExtraNineMargin() < 0);
        assertTrue(TargetAllocation.of(0.999, 11).equalSplitMargin() >= 0);
    }

    @Test
    void badInput() {
        assertEquals("dependencies must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> TargetAllocation.of(0.999, 0)).getMessage());
        assertEquals("customerTarget must be a fraction in (0,1), got 99.9 (did you mean 0.999?)",
                assertThrows(IllegalArgumentException.class, () -> TargetAllocation.of(99.9, 3)).getMessage());
    }
}
