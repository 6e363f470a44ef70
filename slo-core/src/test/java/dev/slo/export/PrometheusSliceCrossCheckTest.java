package dev.slo.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.AlertPolicy;
import dev.slo.Budgeting;
import dev.slo.BurnRateAlert;
import dev.slo.ErrorBudget;
import dev.slo.ManualClock;
import dev.slo.Owner;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Snapshot;
import dev.slo.Window;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet story for SLOs budgeted by time slices: Prometheus, given what two instances export minute by
 * minute ({@code slo_slices_total}), fires the generated alerts in the same minutes as the in-process view of
 * the same fleet, and its {@code slo:slo_slices:error_ratio_rate<w>} records are that view's burn rates times
 * {@code 1 - target} within 1%. Run by the real {@code promtool test rules} on a file this test writes.
 *
 * <p><b>Which in-process view.</b> Each instance judges its own slices: a minute in which instance a saw 2
 * bad events of 100 and instance b none of 300 is a bad slice on a and a good one on b, so the rules, which
 * sum the instances' slice counters, see one bad slice of two. One registry that saw every event of the fleet
 * would judge a single fleet-wide slice, 2 bad of 400, and call it good: it answers another question, and the
 * scenario makes sure the two disagree (the test asserts it). The view equal to Prometheus' is the instances'
 * state merged: {@link Snapshot#merge} of their {@link SloRegistry#snapshot()}s restored into a fresh registry,
 * which keeps every instance's verdicts, so its slice counts are the instances' own counts added (asserted
 * too). The expected alerts and ratios are that registry's.
 *
 * <p><b>When a slice counts.</b> Slices are one minute long and aligned to the minute. Instance minute
 * {@code m} records at {@code m:10} to {@code m:50}; at {@code m+1} exactly (promtool's sample {@code (m+1)m})
 * the slice of minute {@code m} has closed, so the scrape's counter includes it, and the merged view, taken at
 * the same instant, holds it too. Over a look-back {@code w} at {@code t} the rules count the slices whose
 * close lies in {@code (t-w, t]}, the engine those whose start lies in {@code [t-w, t)}: at whole minutes,
 * the same slices. So both sides are asked at exact minute boundaries, and alerts must agree exactly.
 */
final class PrometheusSliceCrossCheckTest {
    private static final Instant T0 = Instant.parse("2026-04-06T00:00:00Z");
    private static final int MINUTES = 12 * 60;
    private static final long MINUTE = 60_000;
    private static final String CHECKOUT = "checkout.slices";
    private static final String BACKLOG = "queue.backlog";
    private static final String SEARCH = "search.mean";

    @TempDir
    Path directory;

    /** The SLOs of every registry of the scenario: an event SLI by slice target, a gauge, and ratio slices. */
    private static void define(SloRegistry slos) {
        slos.define(CHECKOUT).customerFacing("Checkout completes, minute by minute").ownedBy(Owner.product("shop"),
                Owner.engineering("checkout")).sli(Sli.ratio()).budgeting(Budgeting.timeslices(Duration.ofMinutes(1), 0.99))
                .target(0.99).window(Window.rolling(Duration.ofDays(30))).register();
        slos.define(BACKLOG).internal("The order queue stays short").ownedBy(Owner.team("fulfilment")).sli(Sli.gaugeAtMost(1000))
                .budgeting(Budgeting.timeslices(Duration.ofMinutes(1))).target(0.995).window(Window.rolling(Duration.ofDays(7)))
                .register();
        slos.define(SEARCH).internal("Search answers").ownedBy(Owner.team("search")).sli(Sli.ratio())
                .budgeting(Budgeting.ratioTimeslices(Duration.ofMinutes(1))).target(0.98).window(Window.rolling(Duration.ofDays(30)))
                .alertPolicy(AlertPolicy.sreWorkbook().withMinimumEvents(90)).register();
    }

    /** One minute of one instance: checkout's good and bad events, the backlog readings, search's good and bad events. */
    private record Traffic(long checkoutGood, long checkoutBad, long[] backlog, long searchGood, long searchBad) {}

    private static Traffic minute(SplittableRandom random, int instance, int m) {
        boolean a = instance == 0;
        long checkout = a ? 100 : 300;
        long checkoutBad = random.nextInt(400) == 0 ? checkout / 20 : 0;
        if (a && m >= 120 && m < 150) {
            checkoutBad = 2;                             // a's slices bad, the fleet-wide slice (2 of 400) good
        } else if (a && m >= 360 && m < 420 || !a && m >= 380 && m < 450) {
            checkoutBad = a ? 4 : 6;
        }
        long[] backlog = new long[a ? 2 : m % 7 == 3 ? 0 : 1];   // b reads nothing some minutes: no slice there
        for (int i = 0; i < backlog.length; i++) {
            backlog[i] = random.nextInt(3000) == 0 ? 1001 + random.nextInt(500) : 100 + random.nextInt(901);
        }
        if (a && m >= 500 && m < 530) {
            backlog[1] = 2500;
        } else if (!a && backlog.length > 0 && m >= 520 && m < 560) {
            backlog[0] = 1800;
        }
        long search = a ? 1 + random.nextInt(3) : random.nextInt(3);
        long searchBad = 0;
        for (long i = 0; i < search; i++) {
            boolean incident = a ? m >= 620 && m < 680 && random.nextInt(2) == 0 : m >= 640 && m < 660;
            searchBad += incident || random.nextInt(400) == 0 ? 1 : 0;
        }
        return new Traffic(checkout - checkoutBad, checkoutBad, backlog, search - searchBad, searchBad);
    }

    /** Records one minute of traffic into {@code slos} (clock {@code clock}) between {@code m:10} and {@code m:50}. */
    private static void record(SloRegistry slos, ManualClock clock, int m, Traffic traffic) {
        Instant start = T0.plusMillis(m * MINUTE);
        for (int i = 0; i < traffic.backlog().length; i++) {
            clock.set(start.plusSeconds(10 + 40L * i));
            slos.find(BACKLOG).orElseThrow().observe(traffic.backlog()[i]);
        }
        clock.set(start.plusSeconds(30));
        slos.find(CHECKOUT).orElseThrow().recordCounts(traffic.checkoutGood(), traffic.checkoutBad());
        if (traffic.searchGood() + traffic.searchBad() > 0) {
            slos.find(SEARCH).orElseThrow().recordCounts(traffic.searchGood(), traffic.searchBad());
        }
    }

    private static final Pattern SAMPLE =
            Pattern.compile("^slo_slices_total\\{slo=\"([^\"]+)\",outcome=\"(good|bad)\"} ([0-9.Ee+-]+)$");

    @Test
    void prometheusFiresTheSliceAlertsInTheMinutesTheMergedInstancesDo() throws IOException, InterruptedException {
        ManualClock[] clocks = {ManualClock.at(T0), ManualClock.at(T0)};
        SloRegistry[] instances = {SloRegistry.create(clocks[0]), SloRegistry.create(clocks[1])};
        ManualClock oneClock = ManualClock.at(T0);
        SloRegistry one = SloRegistry.create(oneClock);   // saw every event: judges fleet-wide slices, not Prometheus' view
        for (SloRegistry r : instances) {
            define(r);
        }
        define(one);
        SplittableRandom random = new SplittableRandom(7);

        Map<String, List<String>> series = new LinkedHashMap<>();      // "name{labels}" -> values, one per minute
        scrape(instances, series);                                      // t = 0: every counter at 0
        List<String> alertTests = new ArrayList<>();
        List<String> ratioTests = new ArrayList<>();
        int firingMinutes = 0;
        int minutesTheOneRegistryDiffers = 0;
        TreeSet<String> seenAlerts = new TreeSet<>();
        for (int m = 0; m < MINUTES; m++) {
            for (int i = 0; i < 2; i++) {
                Traffic traffic = minute(random, i, m);
                record(instances[i], clocks[i], m, traffic);
                record(one, oneClock, m, traffic);
            }
            Instant scrapeAt = T0.plusMillis((m + 1) * MINUTE);
            clocks[0].set(scrapeAt);
            clocks[1].set(scrapeAt);
            oneClock.set(scrapeAt);
            scrape(instances, series);
            SloRegistry merged = merged(instances, scrapeAt);
            String evalTime = (m + 1) + "m";
            List<String> expected = new ArrayList<>();
            TreeSet<String> mergedFiring = new TreeSet<>();
            for (Slo slo : merged.all()) {
                assertCountsAdd(slo, instances, evalTime);
                for (BurnRateAlert alert : slo.alerts()) {
                    expected.add(RuleTests.expectedAlert(slo, alert, Map.of()));
                    mergedFiring.add(alertKey(slo, alert));
                }
            }
            TreeSet<String> oneFiring = new TreeSet<>();
            for (Slo slo : one.all()) {
                slo.alerts().forEach(alert -> oneFiring.add(alertKey(slo, alert)));
            }
            minutesTheOneRegistryDiffers += oneFiring.equals(mergedFiring) ? 0 : 1;
            seenAlerts.addAll(mergedFiring);
            firingMinutes += expected.isEmpty() ? 0 : 1;
            alertTests.add(RuleTests.alertTest(evalTime, "SloErrorBudgetBurn", expected));
            if ((m + 1) % 10 == 0) {
                for (Slo slo : merged.all()) {
                    for (Duration lookBack : Prometheus.lookBacks(slo)) {
                        double ratio = slo.burnRate(lookBack) * slo.spec().budgetFraction();
                        ratioTests.add(within(PrometheusRules.errorRatio("slo_slices", lookBack), slo, ratio, 0.01 * ratio + 1e-12, evalTime));
                    }
                    double remaining = slo.errorBudget().remaining();
                    ratioTests.add(within("slo:error_budget:remaining_ratio", slo, remaining, 0.01 * Math.abs(remaining) + 1e-9, evalTime));
                }
            }
        }
        assertTrue(firingMinutes > 60 && firingMinutes < MINUTES - 60, "the scenario's alerts fire for a while, not always: " + firingMinutes);
        assertTrue(seenAlerts.stream().map(k -> k.split(" ")[0]).distinct().count() == 3, "every SLO alerts at some point: " + seenAlerts);
        assertTrue(seenAlerts.stream().anyMatch(k -> k.contains("PAGE")) && seenAlerts.stream().anyMatch(k -> k.contains("TICKET")),
                "pages and tickets: " + seenAlerts);
        assertTrue(minutesTheOneRegistryDiffers >= 10, "one registry judging fleet-wide slices is another view: it must differ "
                + "from the merged instances in some minutes, differed in " + minutesTheOneRegistryDiffers);

        alertTests.add(RuleTests.alertTest("30m", "SloEventsAbsent", List.of()));
        RuleTests.promtool(directory, instances[0], series, alertTests, ratioTests);
    }

    /**
     * A threshold reached exactly: 133 bad one-second slices of 13,300, an error ratio of 0.01, is the 3d/6h
     * ticket's bound for a 30-day window at 0.99. {@code alerts()} fires (its comparison allows for the last
     * bits of floating error); Prometheus, dividing summed rates, lands a hair below 0.01 and must fire too.
     */
    @Test
    void aThresholdReachedExactlyFiresInPrometheusAsInProcess() throws IOException, InterruptedException {
        ManualClock clock = ManualClock.at(T0);
        SloRegistry slos = SloRegistry.create(clock);
        Slo ties = slos.define("ties").internal("Answers every second").ownedBy(Owner.team("edge")).sli(Sli.ratio())
                .budgeting(Budgeting.timeslices(Duration.ofSeconds(1))).target(0.99).window(Window.rolling(Duration.ofDays(30)))
                .register();
        SloRegistry[] instances = {slos};
        Map<String, List<String>> series = new LinkedHashMap<>();
        scrape(instances, series, 2);
        List<String> alertTests = new ArrayList<>();
        int slices = 13_300;
        int bad = 133;
        List<String> firing = new ArrayList<>();
        for (int m = 0; m < 226; m++) {
            for (int s = m * 60; s < Math.min(slices, (m + 1) * 60); s++) {
                clock.set(T0.plusMillis(s * 1000L + 500));
                ties.record(s < slices - bad);
            }
            clock.set(T0.plusMillis((m + 1) * MINUTE));
            scrape(instances, series, 2);
            List<String> expected = new ArrayList<>();
            for (BurnRateAlert alert : ties.alerts()) {
                expected.add(RuleTests.expectedAlert(ties, alert, Map.of()));
                firing.add((m + 1) + "m " + alertKey(ties, alert));
            }
            alertTests.add(RuleTests.alertTest((m + 1) + "m", "SloErrorBudgetBurn", expected));
        }
        assertEquals(List.of("222m ties TICKET 3d", "223m ties TICKET 3d", "224m ties TICKET 3d", "225m ties TICKET 3d",
                "226m ties TICKET 3d"), firing, "in-process, the tie fires once the last slice has closed");
        assertEquals(0.01, ties.burnRate(Duration.ofDays(3)) * ties.spec().budgetFraction(), 1e-15);
        RuleTests.promtool(directory, slos, series, alertTests, List.of());
    }

    /** The fleet as Prometheus sees it: the instances' snapshots merged, restored into a fresh registry at {@code at}. */
    private static SloRegistry merged(SloRegistry[] instances, Instant at) {
        SloRegistry merged = SloRegistry.create(ManualClock.at(at));
        define(merged);
        merged.restore(Snapshot.merge(List.of(instances[0].snapshot(), instances[1].snapshot())));
        return merged;
    }

    /** The merged view counts each instance's slices, as the rules' sums do: its budget is the instances' added. */
    private static void assertCountsAdd(Slo merged, SloRegistry[] instances, String at) {
        long total = 0;
        long good = 0;
        for (SloRegistry instance : instances) {
            ErrorBudget own = instance.find(merged.name()).orElseThrow().errorBudget();
            total += own.total();
            good += own.good();
        }
        ErrorBudget fleet = merged.errorBudget();
        assertEquals(total, fleet.total(), merged.name() + " slices at " + at);
        assertEquals(good, fleet.good(), merged.name() + " good slices at " + at);
    }

    /** Scrapes both instances: the slice counters of their expositions parsed back into samples, labelled by instance. */
    private static void scrape(SloRegistry[] instances, Map<String, List<String>> series) {
        scrape(instances, series, 6);
    }

    private static void scrape(SloRegistry[] instances, Map<String, List<String>> series, int samples) {
        for (int i = 0; i < instances.length; i++) {
            int found = 0;
            for (String line : Prometheus.exposition(instances[i]).split("\n")) {
                Matcher sample = SAMPLE.matcher(line);
                if (sample.matches()) {
                    String key = "slo_slices_total{slo=\"" + sample.group(1) + "\",outcome=\"" + sample.group(2) + "\",instance=\""
                            + (char) ('a' + i) + "\"}";
                    series.computeIfAbsent(key, k -> new ArrayList<>()).add(sample.group(3));
                    found++;
                }
            }
            assertEquals(samples, found, "slo_slices_total samples of instance " + i);
        }
    }

    /** A promtool expression test: the recorded {@code record} of {@code slo} is within {@code tolerance} of {@code value}. */
    private static String within(String record, Slo slo, double value, double tolerance, String evalTime) {
        String series = record + "{slo=\"" + slo.name() + "\"}";
        return "      - eval_time: " + evalTime + "\n        expr: " + PromSyntax.yamlString("abs(" + series + " - ("
                + PromSyntax.number(value) + ")) <= bool " + PromSyntax.number(tolerance))
                + "\n        exp_samples:\n          - labels: " + PromSyntax.yamlString("{slo=\"" + slo.name() + "\"}")
                + "\n            value: 1\n";
    }

    private static String alertKey(Slo slo, BurnRateAlert alert) {
        return slo.name() + " " + alert.rule().severity() + " " + PromSyntax.duration(alert.rule().longWindow());
    }
}
