package dev.slo.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.AlertPolicy;
import dev.slo.BurnRateAlert;
import dev.slo.ManualClock;
import dev.slo.Owner;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Window;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * The heart of the fleet story: Prometheus, given what two instances export minute by minute, fires the
 * generated alerts in the same minutes as {@code alerts()} of one registry that saw every event of the
 * fleet, and its recorded error ratios are that registry's burn rates times {@code 1 - target} within 1%.
 * Run by the real {@code promtool test rules} on a file this test writes from the scenario.
 *
 * <p>Time: instance minute {@code m} records its events at {@code m:30}; the scrape at {@code m+1} (the
 * promtool sample at {@code (m+1) min}) reads its exposition, and the fleet registry is asked at the same
 * moment less a millisecond, so that both see whole minutes.
 */
final class PrometheusCrossCheckTest {
    private static final Instant T0 = Instant.parse("2026-04-06T00:00:00Z");
    private static final int MINUTES = 12 * 60;
    private static final long MINUTE = 60_000;

    @TempDir
    Path directory;

    /** The SLOs of every registry of the scenario (both instances and the fleet's). */
    private static void define(SloRegistry slos) {
        slos.define("checkout").customerFacing("Checkout completes").ownedBy(Owner.product("shop"), Owner.engineering("checkout"))
                .sli(Sli.ratio()).target(0.999).window(Window.rolling(Duration.ofDays(30))).register();
        slos.define("search.low-traffic").internal("Search answers").ownedBy(Owner.team("search")).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(Duration.ofDays(30))).alertPolicy(AlertPolicy.sreWorkbook().withMinimumEvents(300)).register();
        slos.define("idle").internal("Nobody calls it").ownedBy(Owner.team("search")).sli(Sli.ratio()).target(0.999)
                .window(Window.rolling(Duration.ofDays(30))).register();   // zero traffic: NaN ratios, never an alert
    }

    /** One minute of one instance: good and bad events per SLO, in {@link #define}'s order. */
    private static long[] minute(SplittableRandom random, int instance, int m) {
        boolean incidentA = m >= 360 && m < 420;
        boolean incidentB = m >= 380 && m < 440;
        boolean incident = instance == 0 ? incidentA : incidentB;
        long checkout = instance == 0 ? 1000 : 300;
        long checkoutBad = incident ? checkout * (instance == 0 ? 3 : 5) / 100 : random.nextInt(1000) < 500 ? 1 : 0;
        long search = 1 + random.nextInt(3);
        long searchBad = incident && random.nextInt(2) == 0 ? 1 : random.nextInt(200) == 0 ? 1 : 0;
        return new long[] {checkout - checkoutBad, checkoutBad, search, searchBad};
    }

    private static final Pattern SAMPLE = Pattern.compile("^slo_events_total\\{slo=\"([^\"]+)\",outcome=\"(good|bad)\"} (\\d+)$");

    @Test
    void prometheusFiresTheGeneratedAlertsInTheMinutesTheInProcessFleetDoes() throws IOException, InterruptedException {
        ManualClock[] clocks = {ManualClock.at(T0), ManualClock.at(T0)};
        SloRegistry[] instances = {SloRegistry.create(clocks[0]), SloRegistry.create(clocks[1])};
        ManualClock fleetClock = ManualClock.at(T0);
        SloRegistry fleet = SloRegistry.create(fleetClock);
        for (SloRegistry r : instances) {
            define(r);
        }
        define(fleet);
        fleet.define("retired").internal("No instance exports it any more").ownedBy(Owner.team("search")).sli(Sli.ratio())
                .target(0.999).window(Window.rolling(Duration.ofDays(30))).register();   // in the rules, never scraped
        List<Slo> fleetSlos = fleet.all();
        SplittableRandom random = new SplittableRandom(42);

        Map<String, List<String>> series = new LinkedHashMap<>();      // "name{labels}" -> values, one per minute
        scrape(instances, series);                                      // t = 0: every counter at 0
        List<String> alertTests = new ArrayList<>();
        List<String> ratioTests = new ArrayList<>();
        int firingMinutes = 0;
        TreeSet<String> seenAlerts = new TreeSet<>();
        for (int m = 0; m < MINUTES; m++) {
            Instant eventsAt = T0.plusMillis(m * MINUTE + 30_000);
            for (int i = 0; i < 2; i++) {
                clocks[i].set(eventsAt);
                long[] counts = minute(random, i, m);
                instances[i].find("checkout").orElseThrow().recordCounts(counts[0], counts[1]);
                instances[i].find("search.low-traffic").orElseThrow().recordCounts(counts[2], counts[3]);
                fleetClock.set(eventsAt);
                fleetSlos.get(0).recordCounts(counts[0], counts[1]);
                fleetSlos.get(1).recordCounts(counts[2], counts[3]);
            }
            Instant scrapeAt = T0.plusMillis((m + 1) * MINUTE);
            clocks[0].set(scrapeAt);
            clocks[1].set(scrapeAt);
            scrape(instances, series);
            fleetClock.set(scrapeAt.minusMillis(1));
            String evalTime = (m + 1) + "m";
            List<String> expected = new ArrayList<>();
            for (Slo slo : fleetSlos) {
                for (BurnRateAlert alert : slo.alerts()) {
                    expected.add(RuleTests.expectedAlert(slo, alert, Map.of()));
                    seenAlerts.add(slo.name() + " " + alert.rule().severity() + " " + PromSyntax.duration(alert.rule().longWindow()));
                }
            }
            firingMinutes += expected.isEmpty() ? 0 : 1;
            alertTests.add(RuleTests.alertTest(evalTime, "SloErrorBudgetBurn", expected));
            if ((m + 1) % 10 == 0) {
                for (Slo slo : fleetSlos.subList(0, 2)) {          // the idle SLO's ratios are NaN: no alert is asserted for it above
                    for (Duration lookBack : Prometheus.lookBacks(slo)) {
                        double ratio = slo.burnRate(lookBack) * slo.spec().budgetFraction();
                        String record = PrometheusRules.errorRatio("slo_events", lookBack) + "{slo=\"" + slo.name() + "\"}";
                        ratioTests.add("      - eval_time: " + evalTime + "\n        expr: " + PromSyntax.yamlString("abs(" + record + " - "
                                + PromSyntax.number(ratio) + ") <= bool " + PromSyntax.number(0.01 * ratio + 1e-12))
                                + "\n        exp_samples:\n          - labels: " + PromSyntax.yamlString("{slo=\"" + slo.name() + "\"}")
                                + "\n            value: 1\n");
                    }
                }
            }
        }
        assertTrue(firingMinutes > 30 && firingMinutes < MINUTES / 2, "the scenario's alerts fire for a while, not always: " + firingMinutes);
        assertTrue(seenAlerts.size() >= 3, "pages and a ticket, of both SLOs: " + seenAlerts);

        alertTests.add(RuleTests.alertTest("9m", "SloEventsAbsent", List.of()));
        alertTests.add("      - eval_time: 15m\n        alertname: SloEventsAbsent\n        exp_alerts:\n          - exp_labels:\n"
                + "              slo: retired\n              severity: ticket\n            exp_annotations:\n"
                + "              summary: \"no instance exports the counters of retired\"\n              owners: \"engineering:search\"\n");
        RuleTests.promtool(directory, fleet, series, alertTests, ratioTests);
    }

    /** Scrapes both instances: their expositions parsed back into samples, labelled by instance. */
    private static void scrape(SloRegistry[] instances, Map<String, List<String>> series) {
        for (int i = 0; i < instances.length; i++) {
            for (String line : Prometheus.exposition(instances[i]).split("\n")) {
                Matcher sample = SAMPLE.matcher(line);
                if (sample.matches()) {
                    String key = "slo_events_total{slo=\"" + sample.group(1) + "\",outcome=\"" + sample.group(2) + "\",instance=\""
                            + (char) ('a' + i) + "\"}";
                    series.computeIfAbsent(key, k -> new ArrayList<>()).add(sample.group(3));
                }
            }
        }
    }
}
