package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Burn-rate arithmetic against the figures published in Google's "The Site Reliability Workbook"
 * (O'Reilly, 2018), chapter 5 "Alerting on SLOs", sections "Alert on Burn Rate" and
 * "Multiwindow, Multi-Burn-Rate Alerts" (https://sre.google/workbook/alerting-on-slos/):
 * a burn rate of 1 spends the budget exactly at the end of the SLO window; a burn rate of 14.4
 * over 1 hour spends 2% of a 30-day budget; at 99.9% a burn rate of 1000 (every request failing)
 * spends the whole 30-day budget in 43.2 minutes; and the thresholds 14.4 / 6 / 3 / 1.
 */
final class BurnRateMathTest {

    @Test
    void burnRate_isErrorRatioOverBudgetFraction() {
        // 2 bad of 1000 = 0.2% errors; at 99.9% that is 0.002 / 0.001 = 2.
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        assertEquals(0.0, slo.burnRate(Duration.ofHours(1)), "no events burn nothing");
        slo.recordCounts(998, 2);
        assertEquals(2.0, slo.burnRate(Duration.ofHours(1)), 1e-12);
        Slo failing = Fixtures.checkout(clock);
        failing.recordCounts(0, 5);
        assertEquals(1000.0, failing.burnRate(Duration.ofHours(1)), 1e-9);
    }

    @Test
    void burnRateOne_spendsTheBudgetExactlyAtTheWindowsEnd() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        // 30 days of clean traffic fill the window: 720 hours x 1000 events.
        Fixtures.hourly(slo, clock, 720, 1000, 0);
        assertEquals(720_000, slo.errorBudget().total());
        // Burn rate 1 at 99.9%: 1 bad in every 1000 (0.001 / 0.001 = 1).
        // After h hours the window holds 720,000 events (allowed 720 bad) of which h are bad.
        Fixtures.hourly(slo, clock, 360, 999, 1);
        assertEquals(1.0, slo.burnRate(Duration.ofHours(1)), 1e-12);
        assertEquals(0.5, slo.errorBudget().consumed(), 1e-12);           // 360 / 720
        // Half the budget left at burn 1: 0.5 * 30 days / 1 = 15 days to go.
        assertEquals(Duration.ofDays(15).toMillis(),
                slo.timeToExhaustion(Duration.ofHours(1)).orElseThrow().toMillis(), 1);
        Fixtures.hourly(slo, clock, 359, 999, 1);
        assertFalse(slo.errorBudget().exhausted());                         // 719 / 720
        Fixtures.hourly(slo, clock, 1, 999, 1);
        ErrorBudget b = slo.errorBudget();                                  // 720 hours = 30 days of burn 1
        assertEquals(720, b.bad());
        assertEquals(720_000, b.total());
        assertEquals(1.0, b.consumed(), 1e-12);
        assertTrue(b.exhausted());
    }

    @Test
    void burnRate14_4_overOneHour_spendsTwoPercentOfA30DayBudget() {
        // Published: 14.4 * 1 h / 720 h = 0.02.
        assertEquals(0.02, 14.4 * 1 / (30 * 24), 1e-15);
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        // 719 clean hours of 10,000 events, then one hour with 144 bad of 10,000:
        // error ratio 0.0144, burn 0.0144 / 0.001 = 14.4.
        Fixtures.hourly(slo, clock, 719, 10_000, 0);
        Fixtures.hourly(slo, clock, 1, 10_000 - 144, 144);
        assertEquals(14.4, slo.burnRate(Duration.ofHours(1)), 1e-9);
        // Budget over the window: 0.001 * 7,200,000 = 7200 bad; 144 / 7200 = 0.02.
        ErrorBudget b = slo.errorBudget();
        assertEquals(7_200_000, b.total());
        assertEquals(0.02, b.consumed(), 1e-12);
    }

    @Test
    void aBurnOfExactly14_4_pagesDespiteFloatingError() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        // Same hour as above: 144 bad of 10,000 in the last record, which alone fills both the 1 h and the 5 m
        // look-back (the record an hour earlier is on the open edge). Burn 0.0144 / 0.001 = 14.4 by hand; in
        // doubles it comes out a hair below (14.399999999999...), and must still reach the 14.4 threshold.
        Fixtures.hourly(slo, clock, 719, 10_000, 0);
        Fixtures.hourly(slo, clock, 1, 10_000 - 144, 144);
        double oneHour = slo.burnRate(Duration.ofHours(1));
        double fiveMinutes = slo.burnRate(Duration.ofMinutes(5));
        assertEquals(14.4, oneHour, 1e-9);
        assertEquals(14.4, fiveMinutes, 1e-9);
        // The 6 h look-back holds 6 records, 144 bad of 60,000: burn 2.4 < 6, so only the first rule fires.
        BurnRateRule fastPage = AlertPolicy.sreWorkbook().rules().get(0);
        assertEquals(List.of(fastPage), slo.alerts().stream().map(BurnRateAlert::rule).toList(),
                "burns " + oneHour + " (1 h) and " + fiveMinutes + " (5 m) at threshold " + fastPage.threshold(Fixtures.DAYS_30));
    }

    @Test
    void burnRate1000_at999_emptiesA30DayBudgetIn43_2Minutes() {
        // Published: at 99.9%, 100% errors burn at 1 / 0.001 = 1000; 30 days / 1000 = 43,200 min / 1000 = 43.2 min.
        assertEquals(Duration.ofSeconds(2592), Duration.ofDays(30).dividedBy(1000));   // 43.2 min = 2592 s
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        Fixtures.hourly(slo, clock, 720, 60_000, 0);                         // a full, clean window
        clock.advance(Duration.ofMinutes(10));                               // keep the last clean hour out of the 5 m look-back
        Fixtures.perMinute(slo, clock, 1, 0, 1000);                          // one minute of total outage
        assertEquals(1000.0, slo.burnRate(Duration.ofMinutes(5)), 1e-9);
        ErrorBudget b = slo.errorBudget();
        Optional<Duration> left = slo.timeToExhaustion(Duration.ofMinutes(5));
        // remaining * 30 days / 1000 = remaining * 43.2 minutes
        assertEquals(b.remaining() * 2_592_000, left.orElseThrow().toMillis(), 1.0);
        assertTrue(b.remaining() > 0.97 && b.remaining() < 1.0);
    }

    @Test
    void timeToExhaustion_emptyWithoutBurn_orWithoutBudget() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        assertEquals(Optional.empty(), slo.timeToExhaustion(Duration.ofHours(1)));   // no events
        Fixtures.hourly(slo, clock, 2, 1000, 0);
        assertEquals(Optional.empty(), slo.timeToExhaustion(Duration.ofHours(1)));   // burn 0
        slo.recordCounts(0, 10);                                                    // 10 bad of 2010 > 2.01 allowed
        assertTrue(slo.errorBudget().exhausted());
        assertEquals(Optional.empty(), slo.timeToExhaustion(Duration.ofHours(1)));
    }

    @Test
    void sreWorkbookThresholds_for30Days_are14_4_6_3_1() {
        // Published: 2% of 720 h in 1 h = 14.4; 5% in 6 h = 6; 10% in 24 h = 3; 10% in 72 h = 1.
        List<BurnRateRule> rules = AlertPolicy.sreWorkbook().rules();
        Duration days30 = Duration.ofDays(30);
        assertEquals(14.4, rules.get(0).threshold(days30), 1e-9);
        assertEquals(6.0, rules.get(1).threshold(days30), 1e-9);
        assertEquals(3.0, rules.get(2).threshold(days30), 1e-9);
        assertEquals(1.0, rules.get(3).threshold(days30), 1e-9);
    }

    @Test
    void sreWorkbookThresholds_for28Days_are13_44_5_6_2_8_0_9333() {
        // 0.02 * 672 / 1 = 13.44; 0.05 * 672 / 6 = 5.6; 0.10 * 672 / 24 = 2.8; 0.10 * 672 / 72 = 0.9333...
        List<BurnRateRule> rules = AlertPolicy.sreWorkbook().rules();
        Duration days28 = Duration.ofDays(28);
        assertEquals(13.44, rules.get(0).threshold(days28), 1e-9);
        assertEquals(5.6, rules.get(1).threshold(days28), 1e-9);
        assertEquals(2.8, rules.get(2).threshold(days28), 1e-9);
        assertEquals(0.9333, rules.get(3).threshold(days28), 1e-4);
        assertEquals(28.0 / 30.0, rules.get(3).threshold(days28), 1e-12);
    }

    @Test
    void burnRateOverWholeWindow_equalsConsumed() {
        // consumed = bad / ((1 - target) * total) = (bad / total) / (1 - target) = burn over the window.
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        Fixtures.hourly(slo, clock, 100, 997, 3);
        assertEquals(slo.errorBudget().consumed(), slo.burnRate(Duration.ofDays(30)), 1e-12);
        assertEquals(3.0, slo.burnRate(Duration.ofDays(30)), 1e-9);
    }
}
