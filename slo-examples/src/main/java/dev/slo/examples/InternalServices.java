package dev.slo.examples;

import dev.slo.Audience;
import dev.slo.Budgeting;
import dev.slo.ErrorBudget;
import dev.slo.JobRun;
import dev.slo.ManualClock;
import dev.slo.Owner;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * SLIs for services without end users: a nightly ETL with a deadline, a queue consumer whose backlog
 * is judged per one-minute slice, and an internal ledger whose writes must succeed within two retries.
 * Six simulated days, then each SLO's budget and the internal report the teams would read in their
 * retro. The lines between the {@code internal-services} markers
 * appear in README.md exactly (InternalServicesTest checks it).
 */
public final class InternalServices {
    private InternalServices() {}

    /** Defines the three SLOs, simulates six days from Monday 01:00 and prints their budgets a week after Monday 00:00. */
    public static void main(String[] args) {
        Instant monday = Instant.parse("2026-03-02T00:00:00Z");
        ManualClock clock = ManualClock.at(monday);
        SloRegistry slos = SloRegistry.create(clock);
        // internal-services:begin
        Slo etl = slos.define("nightly-etl")
                .internal("the nightly ETL completes within 30 minutes")
                .ownedBy(Owner.team("data-eng"))
                .sli(Sli.deadline(Duration.ofMinutes(30)))
                .target(0.95)
                .window(Window.rolling(Duration.ofDays(30)))
                .register();
        Slo backlog = slos.define("orders-queue-backlog")
                .internal("the order queue stays at most 1000 messages deep")
                .ownedBy(Owner.team("fulfilment"))
                .sli(Sli.gaugeAtMost(1_000))                      // a slice is good when every reading in it is <= 1000
                .budgeting(Budgeting.timeslices(Duration.ofMinutes(1)))
                .target(0.9995)
                .window(Window.rolling(Duration.ofDays(7)))
                .register();
        Slo ledger = slos.define("ledger-writes")
                .internal("ledger writes succeed within 2 retries")
                .ownedBy(Owner.team("payments-eng"))
                .sli(Sli.withinRetries(2))
                .target(0.999)
                .window(Window.rolling(Duration.ofDays(7)))
                .register();

        JobRun run = etl.startRun();       // a run that never reports counts bad once its deadline passes
        run.complete();                    // within 30 minutes: good
        backlog.observe(742);              // a queue-depth reading
        ledger.recordAttempt(true, 1);     // succeeded on the first retry: good
        // internal-services:end

        simulate(clock, monday, etl, backlog, ledger);
        clock.set(monday.plus(Duration.ofDays(7)));
        print(etl, "runs");
        print(backlog, "slices");
        print(ledger, "attempts");
        System.out.println();
        System.out.println(slos.report(Audience.INTERNAL).markdown());   // for the teams' retro
    }

    /**
     * Six days from Monday 01:00, minute by minute: the queue depth each minute (a spike over 1000 on
     * Thursday 14:00-14:03), 16 ledger writes a minute (every 2000th needs 3 retries), and the ETL each
     * night at 02:00 (20 minutes; Wednesday's run dies silently, Friday's takes 45 minutes).
     */
    private static void simulate(ManualClock clock, Instant monday, Slo etl, Slo backlog, Slo ledger) {
        long attempt = 0;
        JobRun tonight = null;
        for (int minute = 60; minute < 60 + 6 * 1440; minute++) {
            clock.set(monday.plus(Duration.ofMinutes(minute)));
            int day = minute / 1440;
            int minuteOfDay = minute % 1440;
            boolean spike = day == 3 && minuteOfDay >= 14 * 60 && minuteOfDay < 14 * 60 + 4;
            backlog.observe(spike ? 1_500 : 742);
            for (int i = 0; i < 16; i++, attempt++) {
                ledger.recordAttempt(true, attempt % 2000 == 1999 ? 3 : 0);
            }
            if (minuteOfDay == 2 * 60) {
                tonight = etl.startRun();
            }
            int runMinutes = day == 4 ? 45 : 20;
            if (tonight != null && minuteOfDay == 2 * 60 + runMinutes) {
                if (day != 2) {
                    tonight.complete();
                }
                tonight = null;
            }
        }
    }

    private static void print(Slo slo, String unit) {
        ErrorBudget b = slo.errorBudget();
        System.out.println(String.format(Locale.ROOT, "%s: %d of %d %s bad, budget %.1f%% spent%s",
                slo.name(), b.bad(), b.total(), unit, 100 * b.consumed(), b.exhausted() ? " (exhausted)" : ""));
    }
}
