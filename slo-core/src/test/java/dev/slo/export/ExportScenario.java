package dev.slo.export;

import dev.slo.AlertPolicy;
import dev.slo.Budgeting;
import dev.slo.Exclusion;
import dev.slo.JobRun;
import dev.slo.ManualClock;
import dev.slo.Owner;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloBuilder;
import dev.slo.SloRegistry;
import dev.slo.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;

/** A registry with an SLO of every SLI kind and budgeting method, and seeded traffic for it. */
final class ExportScenario {
    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

    final ManualClock clock = ManualClock.at(START);
    final SloRegistry slos = SloRegistry.create(clock);

    ExportScenario() {
        Window days30 = Window.rolling(Duration.ofDays(30));
        base("api", Sli.ratio(), days30).exclude(Exclusion.once(START.plus(Duration.ofHours(2)), Duration.ofHours(1), "upgrade"))
                .register();
        base("api-latency", Sli.latency(Duration.ofMillis(300)), days30).register();
        base("nightly-etl", Sli.deadline(Duration.ofMinutes(30)), days30).register();
        base("payments.retries", Sli.withinRetries(2), days30).register();
        base("consumer:feedback", Sli.feedback(), days30).alertPolicy(AlertPolicy.sreWorkbook().withMinimumEvents(20)).register();
        base("queue_backlog", Sli.gaugeAtMost(100), days30).budgeting(Budgeting.timeslices(Duration.ofMinutes(1))).register();
        base("orders-fresh", Sli.freshness(Duration.ofMinutes(15)), days30).budgeting(Budgeting.timeslices(Duration.ofMinutes(5), 0.9))
                .register();
        base("search-slices", Sli.ratio(), days30).budgeting(Budgeting.ratioTimeslices(Duration.ofMinutes(1))).register();
        base("billing-month", Sli.ratio(), Window.calendarMonth(ZoneId.of("Asia/Kolkata"))).register();
        base("export-week", Sli.latency(Duration.ofSeconds(2)), Window.calendarWeek(ZoneId.of("UTC"))).register();
        base("api-by-endpoint", Sli.latency(Duration.ofMillis(300)), days30).groupedBy("endpoint", 3)
                .exclude(Exclusion.once(START.plus(Duration.ofHours(3)), Duration.ofMinutes(30), "failover drill")).register()
                .group(ENDPOINTS[1]);                       // the value that needs escaping gets a group of its own
        base("api-by-endpoint:endpoint", Sli.ratio(), days30).register();   // a name beside a grouped SLO's and its label
        base("search-by-tier", Sli.ratio(), days30).budgeting(Budgeting.ratioTimeslices(Duration.ofMinutes(1))).groupedBy("tier", 2)
                .register();
    }

    /** Endpoints of the grouped SLO: more than its cap of 3, so one overflows; one needs escaping. */
    private static final String[] ENDPOINTS = {"/pay", "/search?q=\"a\\b\"", "/cart", "/admin", "/health"};

    private SloBuilder base(String name, Sli sli, Window window) {
        return slos.define(name).internal("the \"" + name + "\" works \\ as promised").ownedBy(Owner.team("team-" + name.length()))
                .sli(sli).target(0.99).window(window);
    }

    Slo slo(String name) {
        return slos.find(name).orElseThrow();
    }

    /** Seeded traffic for {@code duration}, a few events of every kind each step of up to 5 minutes. */
    void traffic(long seed, Duration duration) {
        SplittableRandom random = new SplittableRandom(seed);
        Instant end = clock.instant().plus(duration);
        while (clock.instant().isBefore(end)) {
            clock.advance(Duration.ofMillis(1 + random.nextLong(300_000)));
            boolean ok = random.nextInt(30) != 0;
            slo("api").record(ok);
            slo("api-latency").record(ok, Duration.ofMillis(random.nextLong(500)));
            slo("payments.retries").recordAttempt(ok, random.nextInt(4));
            slo("consumer:feedback").recordFeedback(ok);
            slo("queue_backlog").observe(random.nextLong(120));
            slo("orders-fresh").observeAge(Duration.ofSeconds(random.nextLong(1200)));
            slo("search-slices").record(ok);
            slo("billing-month").recordCounts(random.nextLong(10), ok ? 0 : 1);
            slo("export-week").record(true, Duration.ofMillis(random.nextLong(2500)));
            slo("api-by-endpoint").group(ENDPOINTS[random.nextInt(ENDPOINTS.length)]).record(ok, random.nextLong(400_000_000L));
            slo("search-by-tier").group(random.nextBoolean() ? "free" : "paid").record(ok);
            JobRun run = slo("nightly-etl").startRun();
            if (ok) {
                run.complete();
            }
        }
    }
}
