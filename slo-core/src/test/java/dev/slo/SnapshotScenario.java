package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A registry holding an SLO of every SLI kind and budgeting method (ratio with an exclusion, latency,
 * deadline, retries, feedback, gauge and freshness by time slices, ratio time slices, calendar month in
 * Asia/Kolkata and calendar week), seeded traffic for it, and the comparison of everything two such
 * registries answer at the same clock reading.
 */
final class SnapshotScenario {
    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    final ManualClock clock;
    final SloRegistry slos;
    private final List<JobRun> runs = new ArrayList<>();

    SnapshotScenario(Instant at) {
        clock = ManualClock.at(at);
        slos = SloRegistry.create(clock);
        define(slos);
    }

    /** Defines the SLOs in {@code slos}: the same definitions, whatever the registry. */
    static void define(SloRegistry slos) {
        Window days30 = Window.rolling(Duration.ofDays(30));
        base(slos, "api", Sli.ratio(), 0.99, days30)
                .exclude(Exclusion.once(START.plus(Duration.ofHours(20)), Duration.ofHours(2), "migration")).register();
        base(slos, "api-latency", Sli.latency(Duration.ofMillis(300)), 0.99, days30).register();
        base(slos, "nightly-etl", Sli.deadline(Duration.ofMinutes(30)), 0.99, days30).register();
        base(slos, "payments-retries", Sli.withinRetries(2), 0.99, days30).register();
        base(slos, "consumer-feedback", Sli.feedback(), 0.9, days30).register();
        base(slos, "queue-backlog", Sli.gaugeAtMost(100), 0.99, days30).budgeting(Budgeting.timeslices(Duration.ofMinutes(1))).register();
        base(slos, "orders-fresh", Sli.freshness(Duration.ofMinutes(15)), 0.99, days30)
                .budgeting(Budgeting.timeslices(Duration.ofMinutes(5), 0.9)).register();
        base(slos, "search-slices", Sli.ratio(), 0.99, days30).budgeting(Budgeting.ratioTimeslices(Duration.ofMinutes(1))).register();
        base(slos, "billing-month", Sli.ratio(), 0.99, Window.calendarMonth(ZoneId.of("Asia/Kolkata"))).register();
        base(slos, "export-week", Sli.latency(Duration.ofSeconds(2)), 0.99, Window.calendarWeek(ZoneId.of("UTC"))).register();
    }

    private static SloBuilder base(SloRegistry slos, String name, Sli sli, double target, Window window) {
        return slos.define(name).internal("test " + name).ownedBy(Owner.team("t")).sli(sli).target(target).window(window);
    }

    Slo slo(String name) {
        return slos.find(name).orElseThrow();
    }

    /** Seeded traffic for {@code duration}: steps of 1 s to 10 min, a few events of every kind per step, an incident now and then. */
    void traffic(long seed, Duration duration, boolean startRuns) {
        SplittableRandom random = new SplittableRandom(seed);
        Instant end = clock.instant().plus(duration);
        while (clock.instant().isBefore(end)) {
            clock.advance(Duration.ofMillis(1 + random.nextLong(600_000)));
            boolean incident = random.nextInt(20) == 0;
            double badShare = incident ? 0.3 : 0.002;
            for (int i = random.nextInt(5); i >= 0; i--) {
                slo("api").record(random.nextDouble() >= badShare);
                slo("api-latency").record(random.nextDouble() >= badShare, Duration.ofMillis(random.nextLong(incident ? 2000 : 400)));
                slo("payments-retries").recordAttempt(random.nextDouble() >= badShare, random.nextInt(4));
                slo("search-slices").record(random.nextDouble() >= badShare);
                slo("billing-month").recordCounts(random.nextLong(50), random.nextDouble() < badShare ? 1 : 0);
                slo("export-week").record(true, Duration.ofMillis(random.nextLong(incident ? 4000 : 2500)));
            }
            slo("queue-backlog").observe(random.nextLong(incident ? 300 : 110));
            slo("orders-fresh").observeAge(Duration.ofSeconds(random.nextLong(incident ? 3600 : 900)));
            if (random.nextInt(10) == 0) {
                slo("consumer-feedback").recordFeedback(random.nextInt(8) != 0);
            }
            if (startRuns && random.nextInt(30) == 0 && runs.size() < 100) {
                runs.add(slo("nightly-etl").startRun());
            }
            if (!runs.isEmpty() && random.nextInt(3) == 0) {
                JobRun run = runs.remove(random.nextInt(runs.size()));
                if (random.nextInt(10) != 0) {
                    run.complete();
                } else {
                    run.fail();
                }
            }
        }
    }

    static byte[] bytes(Snapshot snapshot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            snapshot.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Snapshot read(byte[] bytes) throws IOException {
        return Snapshot.readFrom(new ByteArrayInputStream(bytes));
    }

    /** Asserts that every SLO of {@code b} answers every query as its namesake in {@code a} (both clocks read the same). */
    static void assertSameAnswers(SloRegistry a, SloRegistry b, String when) {
        assertEquals(a.clock().millis(), b.clock().millis(), "the clocks must read the same");
        for (Slo x : a.all()) {
            Slo y = b.find(x.name()).orElseThrow();
            String what = x.name() + " " + when;
            assertEquals(x.errorBudget(), y.errorBudget(), what + ": errorBudget");
            for (BurnRateRule rule : x.spec().alertPolicy().rules()) {
                assertEquals(x.burnRate(rule.longWindow()), y.burnRate(rule.longWindow()), what + ": burnRate " + rule.longWindow());
                assertEquals(x.burnRate(rule.shortWindow()), y.burnRate(rule.shortWindow()), what + ": burnRate " + rule.shortWindow());
            }
            assertEquals(alerts(x), alerts(y), what + ": alerts");
            assertEquals(x.timeline(Duration.ofHours(1), Duration.ofDays(3)), y.timeline(Duration.ofHours(1), Duration.ofDays(3)),
                    what + ": hourly timeline");
            assertEquals(x.timeline(Duration.ofSeconds(10), Duration.ofMinutes(5)), y.timeline(Duration.ofSeconds(10), Duration.ofMinutes(5)),
                    what + ": 10-second timeline");
            assertEquals(x.excludedEvents(), y.excludedEvents(), what + ": excludedEvents");
            assertEquals(x.adherence(), y.adherence(), what + ": adherence");
            if (x.spec().sli() instanceof Sli.Latency) {
                for (Duration lookBack : List.of(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(30))) {
                    for (double q : new double[] {0.5, 0.9, 0.99}) {
                        assertEquals(x.latencyPercentile(q, lookBack), y.latencyPercentile(q, lookBack), what + ": p" + q + " over " + lookBack);
                    }
                    assertEquals(x.attainmentAt(Duration.ofMillis(300), lookBack), y.attainmentAt(Duration.ofMillis(300), lookBack),
                            what + ": attainmentAt over " + lookBack);
                }
            }
        }
    }

    /** The alerts without their Slo (of another registry): rule and burn rates. */
    private static List<String> alerts(Slo slo) {
        List<String> out = new ArrayList<>();
        for (BurnRateAlert alert : slo.alerts()) {
            out.add(alert.slo().name() + " " + alert.rule() + " " + alert.longBurnRate() + " " + alert.shortBurnRate() + " " + alert.threshold());
        }
        return out;
    }
}
