package dev.slo.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.BurnRateAlert;
import dev.slo.Grouping;
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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-group alerts, as Pyrra's grouping gives them: two instances of a service export a grouped SLO (by
 * endpoint, a cap of 2, so two endpoints share the overflow group) minute by minute, an incident hits one
 * endpoint on one instance, and the real {@code promtool test rules} fires {@code SloErrorBudgetBurn} for that
 * endpoint's group, for the whole SLO and for no other group, in exactly the minutes the groups and the whole
 * of one registry that saw every event of the fleet do. Time as in {@link PrometheusCrossCheckTest}.
 */
final class PrometheusGroupCrossCheckTest {
    private static final Instant T0 = Instant.parse("2026-04-06T00:00:00Z");
    private static final int MINUTES = 4 * 60;
    private static final long MINUTE = 60_000;
    private static final String[] ENDPOINTS = {"/pay", "/search", "/admin", "/health"};
    private static final Pattern SAMPLE = Pattern.compile("^(slo_(?:group_)?events_total)\\{(.*)} (\\d+)$");

    @TempDir
    Path directory;

    private static Slo define(SloRegistry slos) {
        return slos.define("api").customerFacing("The API answers").ownedBy(Owner.product("pm"), Owner.engineering("api"))
                .sli(Sli.ratio()).target(0.999).window(Window.rolling(Duration.ofDays(30))).groupedBy("endpoint", 2).register();
    }

    /** Events of one endpoint on one instance in minute {@code m}: good and bad. */
    private static long[] minute(int instance, int endpoint, int m) {
        long total = (instance == 0 ? 400 : 200) / (endpoint + 1);
        boolean incident = instance == 0 && endpoint == 0 && m >= 120 && m < 150;
        long bad = incident ? total / 5 : (m + endpoint) % 97 == 0 ? 1 : 0;
        return new long[] {total - bad, bad};
    }

    @Test
    void prometheusFiresEachGroupsAlertInTheMinutesTheInProcessGroupsDo() throws IOException, InterruptedException {
        ManualClock[] clocks = {ManualClock.at(T0), ManualClock.at(T0)};
        SloRegistry[] instances = {SloRegistry.create(clocks[0]), SloRegistry.create(clocks[1])};
        Slo[] apis = {define(instances[0]), define(instances[1])};
        ManualClock fleetClock = ManualClock.at(T0);
        SloRegistry fleet = SloRegistry.create(fleetClock);
        Slo api = define(fleet);
        for (Slo slo : List.of(apis[0], apis[1], api)) {          // the same two named groups everywhere, then the overflow
            slo.group(ENDPOINTS[0]);
            slo.group(ENDPOINTS[1]);
        }
        Map<String, List<String>> series = new LinkedHashMap<>();
        List<String> alertTests = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        scrape(instances, series);                                  // t = 0: every counter at 0, every group already there
        for (int m = 0; m < MINUTES; m++) {
            Instant eventsAt = T0.plusMillis(m * MINUTE + 30_000);
            clocks[0].set(eventsAt);
            clocks[1].set(eventsAt);
            fleetClock.set(eventsAt);
            for (int i = 0; i < 2; i++) {
                for (int e = 0; e < ENDPOINTS.length; e++) {
                    long[] counts = minute(i, e, m);
                    apis[i].group(ENDPOINTS[e]).recordCounts(counts[0], counts[1]);
                    api.group(ENDPOINTS[e]).recordCounts(counts[0], counts[1]);
                }
            }
            Instant scrapeAt = T0.plusMillis((m + 1) * MINUTE);
            clocks[0].set(scrapeAt);
            clocks[1].set(scrapeAt);
            scrape(instances, series);
            fleetClock.set(scrapeAt.minusMillis(1));
            List<String> expected = new ArrayList<>();
            for (BurnRateAlert alert : api.alerts()) {
                expected.add(RuleTests.expectedAlert(api, alert, Map.of()));
                seen.add("whole " + alert.severity());
            }
            for (Slo group : api.groups()) {
                for (BurnRateAlert alert : group.alerts()) {
                    expected.add(RuleTests.expectedAlert(api, alert, Map.of("endpoint", group.groupValue().orElseThrow(), "grouping", "endpoint")));
                    seen.add(group.groupValue().orElseThrow() + " " + alert.severity());
                }
            }
            alertTests.add(RuleTests.alertTest((m + 1) + "m", "SloErrorBudgetBurn", expected));
        }
        assertEquals(List.of(Grouping.OVERFLOW), api.groups().subList(2, 3).stream().map(g -> g.groupValue().orElseThrow()).toList());
        assertTrue(seen.contains("/pay PAGE") && seen.contains("whole PAGE"), "the incident pages for /pay and for the whole: " + seen);
        assertTrue(seen.stream().noneMatch(s -> s.startsWith("/search") || s.startsWith(Grouping.OVERFLOW)), seen.toString());

        RuleTests.promtool(directory, fleet, series, alertTests, List.of());
    }

    /** Scrapes both instances' event counters, the SLO's and its groups', labelled by instance. */
    private static void scrape(SloRegistry[] instances, Map<String, List<String>> series) {
        for (int i = 0; i < instances.length; i++) {
            for (String line : Prometheus.exposition(instances[i]).split("\n")) {
                Matcher sample = SAMPLE.matcher(line);
                if (sample.matches()) {
                    String key = sample.group(1) + "{" + sample.group(2) + ",instance=\"" + (char) ('a' + i) + "\"}";
                    series.computeIfAbsent(key, k -> new ArrayList<>()).add(sample.group(3));
                }
            }
        }
    }
}
