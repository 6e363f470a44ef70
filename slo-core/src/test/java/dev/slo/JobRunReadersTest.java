package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every reader sees a run that never reported as bad once its deadline has passed, without anyone
 * having asked that SLO for its budget first (issue 8, defect 5). Each test reads through one reader
 * alone, on a fresh registry, so no other query has swept the runs before it.
 *
 * <p>The story: "reports-fresh" (customer, 0.99) depends on "nightly-etl" (deadline 30 min) and
 * "report-api". Night 0 (2026-01-05) the ETL starts at 02:00 and completes at 02:20: good. Night 1 it
 * starts at 02:00 and never reports: bad at its deadline, 02:30. The readers look at 02:40 on night 1.
 */
final class JobRunReadersTest {
    private static final Instant NIGHT_0 = Instant.parse("2026-01-05T02:00:00Z");
    private static final Instant NIGHT_1 = NIGHT_0.plus(Duration.ofDays(1));

    private final ManualClock clock = ManualClock.at(NIGHT_0);
    private final SloRegistry slos = SloRegistry.create(clock);
    private final Slo reports = slos.define("reports-fresh").customerFacing("Morning reports show last night's data")
            .ownedBy(Owner.product("bi-pm"), Owner.engineering("bi-eng")).sli(Sli.ratio()).target(0.99)
            .window(Window.rolling(Duration.ofDays(30))).register();
    private final Slo etl = slos.define("nightly-etl").internal("the nightly ETL completes in 30 minutes")
            .ownedBy(Owner.team("data")).sli(Sli.deadline(Duration.ofMinutes(30))).target(0.999)
            .window(Window.rolling(Duration.ofDays(30))).register();
    private final Slo api = slos.define("report-api").internal("the report API answers")
            .ownedBy(Owner.team("bi-eng")).sli(Sli.ratio()).target(0.999)
            .window(Window.rolling(Duration.ofDays(30))).register();
    private final Cascade cascade = slos.cascade(reports).dependsOn(etl).dependsOn(api).build();

    JobRunReadersTest() {
        JobRun night0 = etl.startRun();
        clock.advance(Duration.ofMinutes(20));
        assertTrue(night0.complete());
        api.recordCounts(10, 0);                             // 02:20 night 0: 10 good API calls
        clock.set(NIGHT_1);
        etl.startRun();                                      // night 1: the job dies silently; deadline 02:30
        clock.set(NIGHT_1.plus(Duration.ofMinutes(40)));     // 02:40 night 1
    }

    @Test
    void predictedAttainmentSeesTheExpiredRun() {
        // etl: 1 good of 2 runs = 0.5; api: 10 of 10 = 1.0; product 0.5 (unswept: 1 of 1, so 1.0)
        assertEquals(0.5, cascade.predictedAttainment(), 1e-12);
    }

    @Test
    void blameGoesToTheEtl() {
        // e_etl = 1 - 1 * (1 - 0.5) = 0.5, e_api = 1: shares ln 0.5 / ln 0.5 = 1 and 0 / ln 0.5 = 0
        // (unswept: nothing failed, 1/2 each)
        Map<String, Double> shares = cascade.blame().stream()
                .collect(Collectors.toMap(c -> c.slo().name(), Contribution::share));
        assertEquals(1.0, shares.get("nightly-etl"), 1e-12);
        assertEquals(0.0, shares.get("report-api"), 1e-12);
    }

    @Test
    void predictedBurnRateSeesTheExpiredRun() {
        // last hour (01:40, 02:40]: etl 1 bad of 1 (error ratio 1), api no events (0):
        // P = (1 - 1) * (1 - 0) = 0; burn = (1 - 0) / (1 - 0.99) = 100 (unswept: 0)
        assertEquals(100.0, cascade.predictedBurnRate(Duration.ofHours(1)), 1e-9);
    }

    @Test
    void earlyWarningsSeeTheExpiredRun() {
        // Burn predicted from etl alone = 1 * errorRatio / 0.01, against the 30-day thresholds 14.4, 6, 3, 1:
        //   PAGE 1h/5m:    5 m (02:35, 02:40] holds nothing: ratio 0, quiet
        //   PAGE 6h/30m:   6 h ratio 1 (night 0 is 24 h back), 30 m (02:10, 02:40] holds 02:30: ratio 1 -> 100 >= 6
        //   TICKET 1d/2h:  1 d from 03:00 night 0: only the bad run, ratio 1; 2 h ratio 1 -> 100 >= 3
        //   TICKET 3d/6h:  3 d holds both nights, ratio 1/2 -> 50 >= 1; 6 h ratio 1 -> 100
        // The root has no events, so its own alerts are quiet. (Unswept: no warnings at all.)
        List<EarlyWarning> warnings = cascade.earlyWarnings();
        assertEquals(3, warnings.size(), warnings.toString());
        EarlyWarning first = warnings.get(0);
        assertEquals(etl, first.dependency());
        assertEquals(Severity.PAGE, first.rule().severity());
        assertEquals(Duration.ofHours(6), first.rule().longWindow());
        assertEquals(100.0, first.predictedBurnRate(), 1e-9);
        assertEquals(50.0, warnings.get(2).predictedBurnRate(), 1e-9);
    }

    @Test
    void predictiveValueSeesTheExpiredRunInTheDependencysHistory() {
        // hourly buckets over 6 h: the etl's 02:00 bucket holds the bad run (error ratio 1 > 0.001): one burn period
        List<PredictiveValue> values = cascade.predictiveValue(Duration.ofHours(1), Duration.ofHours(6));
        assertEquals(etl, values.get(0).dependency());
        assertEquals(1, values.get(0).burnPeriods(), values.toString());
    }

    @Test
    void timelineSeesTheExpiredRun() {
        List<TimeBucket> hours = etl.timeline(Duration.ofHours(1), Duration.ofHours(6));
        TimeBucket last = hours.get(hours.size() - 1);       // 02:00-03:00 night 1, still open
        assertEquals(NIGHT_1, last.start());
        assertEquals(1, last.total());
        assertEquals(1, last.bad(), "the run that never reported, at its deadline 02:30");
    }

    @Test
    void adherenceSeesTheExpiredRun() {
        clock.set(NIGHT_1.plus(Duration.ofDays(1)));         // night 1's day, 2026-01-06, is whole now
        Map<LocalDate, DailyAttainment> days = etl.adherence().days().stream()
                .collect(Collectors.toMap(DailyAttainment::date, d -> d));
        assertEquals(1, days.get(LocalDate.parse("2026-01-05")).good());
        DailyAttainment night1 = days.get(LocalDate.parse("2026-01-06"));
        assertEquals(1, night1.total(), "the run that never reported counts on the day of its deadline");
        assertEquals(0, night1.good());
    }
}
