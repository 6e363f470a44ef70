package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Multiwindow burn-rate alerts (SRE Workbook ch. 5, "Multiwindow, Multi-Burn-Rate Alerts"). */
final class AlertsTest {
    private static final BurnRateRule FAST_PAGE = AlertPolicy.sreWorkbook().rules().get(0);

    /** A 99.9% / 30-day SLO with a clean day behind it: 1000 events a minute, every one good. */
    private static Slo cleanDay(ManualClock clock) {
        Slo slo = Fixtures.checkout(clock);
        Fixtures.perMinute(slo, clock, 24 * 60, 1000, 0);
        assertEquals(List.of(), slo.alerts());
        return slo;
    }

    @Test
    void quiet_withNoTraffic() {
        assertEquals(List.of(), Fixtures.checkout(Fixtures.clock()).alerts());
    }

    @Test
    void fastBurn_firesTheFastPage_only() {
        ManualClock clock = Fixtures.clock();
        Slo slo = cleanDay(clock);
        // One hour with 20 bad of 1000 a minute: burn 0.02 / 0.001 = 20 over 1 h and over 5 m (>= 14.4).
        // 6 h: 1200 bad of 360,000 = burn 3.33 < 6; 1 d: 1200 of 1,440,000 = 0.83 < 3; 3 d (25 h): 0.8 < 1.
        Fixtures.perMinute(slo, clock, 60, 980, 20);
        List<BurnRateAlert> alerts = slo.alerts();
        assertEquals(1, alerts.size());
        BurnRateAlert alert = alerts.get(0);
        assertEquals(FAST_PAGE, alert.rule());
        assertEquals(Severity.PAGE, alert.severity());
        assertEquals(20.0, alert.longBurnRate(), 1e-9);
        assertEquals(20.0, alert.shortBurnRate(), 1e-9);
        assertEquals(14.4, alert.threshold(), 1e-9);
        assertSame(slo, alert.slo());                     // a listener or a log line can tell whose alert it is
        assertTrue(alert.toString().startsWith("BurnRateAlert[" + slo.name() + ", PAGE 2.0% of budget in 1h (short 5m)"),
                alert.toString());
    }

    @Test
    void clearsWhenTheShortWindowRecovers_thoughTheLongOneIsStillHigh() {
        ManualClock clock = Fixtures.clock();
        Slo slo = cleanDay(clock);
        Fixtures.perMinute(slo, clock, 60, 980, 20);
        assertEquals(1, slo.alerts().size());
        Fixtures.perMinute(slo, clock, 1, 1000, 0);
        // 5 m: 4 burning minutes and 1 clean = 80 bad of 5000, burn 16 >= 14.4: still firing.
        assertEquals(16.0, slo.burnRate(Duration.ofMinutes(5)), 1e-9);
        assertEquals(1, slo.alerts().size());
        Fixtures.perMinute(slo, clock, 1, 1000, 0);
        // 5 m: 60 bad of 5000, burn 12 < 14.4; 1 h: 58 burning minutes = 1160 bad of 60,000, burn 19.33 >= 14.4.
        assertEquals(12.0, slo.burnRate(Duration.ofMinutes(5)), 1e-9);
        assertEquals(19.33, slo.burnRate(Duration.ofHours(1)), 0.01);
        assertEquals(List.of(), slo.alerts());
    }

    @Test
    void shortSpike_aloneDoesNotFire() {
        ManualClock clock = Fixtures.clock();
        Slo slo = cleanDay(clock);
        // 5 minutes at 5% errors: 5 m burn 50, but 1 h burn 250 / 60,000 / 0.001 = 4.17 < 14.4.
        Fixtures.perMinute(slo, clock, 5, 950, 50);
        assertEquals(50.0, slo.burnRate(Duration.ofMinutes(5)), 1e-9);
        assertEquals(4.17, slo.burnRate(Duration.ofHours(1)), 0.01);
        assertEquals(List.of(), slo.alerts());
    }

    @Test
    void slowBurn_opensATicket() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        // Three days at burn 1.2 (1.2 bad per 1000): below every page, at or above the 3-day ticket (1).
        Fixtures.hourly(slo, clock, 72, 60_000 - 72, 72);
        List<BurnRateAlert> alerts = slo.alerts();
        assertEquals(1, alerts.size());
        assertEquals(AlertPolicy.sreWorkbook().rules().get(3), alerts.get(0).rule());
        assertEquals(1.2, alerts.get(0).longBurnRate(), 1e-9);
    }

    @Test
    void severeOutage_firesEveryRule_inPolicyOrder() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        Fixtures.perMinute(slo, clock, 10, 0, 1000);          // 100% errors: burn 1000 everywhere
        List<BurnRateAlert> alerts = slo.alerts();
        assertEquals(4, alerts.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(AlertPolicy.sreWorkbook().rules().get(i), alerts.get(i).rule());
        }
    }

    @Test
    void minimumEvents_keepsALowTrafficServiceQuiet() {
        ManualClock clock = Fixtures.clock();
        SloRegistry slos = SloRegistry.create(clock);
        Slo plain = Fixtures.ratioSlo(slos, "plain", 0.999, Window.rolling(Fixtures.DAYS_30));
        Slo guarded = Fixtures.ratioSlo(slos, "guarded", 0.999, Window.rolling(Fixtures.DAYS_30),
                AlertPolicy.sreWorkbook().withMinimumEvents(100));
        plain.record(false);                                   // one failed request: burn 1000
        guarded.record(false);
        assertEquals(4, plain.alerts().size());
        assertEquals(List.of(), guarded.alerts());
        guarded.recordCounts(0, 99);                           // 100 events in the long windows: may fire now
        assertEquals(4, guarded.alerts().size());
    }

    @Test
    void customPolicy_isUsed() {
        ManualClock clock = Fixtures.clock();
        BurnRateRule gentle = new BurnRateRule(Severity.TICKET, 0.5, Duration.ofHours(2), Duration.ofMinutes(10));
        Slo slo = Fixtures.ratioSlo(SloRegistry.create(clock), "custom", 0.99, Window.rolling(Duration.ofDays(1)),
                AlertPolicy.of(gentle));
        // Threshold 0.5 * 24 h / 2 h = 6: 6% errors at 99% reach it exactly.
        Fixtures.perMinute(slo, clock, 120, 94, 6);
        List<BurnRateAlert> alerts = slo.alerts();
        assertEquals(1, alerts.size());
        assertEquals(gentle, alerts.get(0).rule());
        assertEquals(6.0, alerts.get(0).threshold(), 1e-12);
        assertEquals(6.0, alerts.get(0).longBurnRate(), 1e-9);
    }

    @Test
    void calendarMonth_scalesThresholdsToThisMonthsLength() {
        // February 2026 has 28 days: the fast page fires at 0.02 * 672 h / 1 h = 13.44, not 14.4.
        ManualClock clock = ManualClock.at(Instant.parse("2026-02-10T00:00:00Z"));
        Slo slo = Fixtures.ratioSlo(SloRegistry.create(clock), "monthly", 0.999, Window.calendarMonth(ZoneOffset.UTC));
        Fixtures.perMinute(slo, clock, 60, 986, 14);          // burn 14: above 13.44, below 14.4
        List<BurnRateAlert> alerts = slo.alerts();
        assertTrue(alerts.stream().anyMatch(a -> a.rule().equals(FAST_PAGE)));
        BurnRateAlert fast = alerts.get(0);
        assertEquals(FAST_PAGE, fast.rule());
        assertEquals(13.44, fast.threshold(), 1e-9);
        // The same burn in a 30-day rolling window does not page.
        ManualClock clock2 = ManualClock.at(Instant.parse("2026-02-10T00:00:00Z"));
        Slo rolling = Fixtures.checkout(clock2);
        Fixtures.perMinute(rolling, clock2, 60, 986, 14);
        assertTrue(rolling.alerts().stream().noneMatch(a -> a.rule().equals(FAST_PAGE)));
    }
}
