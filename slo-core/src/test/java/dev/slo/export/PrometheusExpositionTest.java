package dev.slo.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.ManualClock;
import dev.slo.Slo;
import dev.slo.SloCounters;
import dev.slo.SloRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the exposition says: the in-process figures, in families Prometheus' conventions accept. */
final class PrometheusExpositionTest {

    /** The samples of the exposition: "name{labels}" to value, and the families in the order met. */
    private static Map<String, String> samples(String text, List<String> families) {
        Map<String, String> out = new LinkedHashMap<>();
        String family = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("# HELP ")) {
                family = line.split(" ")[2];
                assertFalse(families.contains(family), "family " + family + " appears once");
                families.add(family);
            } else if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                assertEquals(family, parts[2], "TYPE follows its HELP");
                assertEquals(parts[2].endsWith("_total"), parts[3].equals("counter"), "counters and only counters end in _total: " + line);
            } else {
                int space = line.lastIndexOf(' ');
                String key = line.substring(0, space);
                assertTrue(key.startsWith(family + "{"), "a sample of the family above: " + line);
                out.put(key, line.substring(space + 1));
            }
        }
        return out;
    }

    @Test
    void theSamplesAreTheInProcessFiguresInFamiliesOfTheConventions() {
        ExportScenario scenario = new ExportScenario();
        scenario.traffic(7, Duration.ofHours(5));
        List<String> families = new ArrayList<>();
        Map<String, String> samples = samples(Prometheus.exposition(scenario.slos), families);
        assertEquals(List.of("slo_events_total", "slo_excluded_events_total", "slo_slices_total", "slo_objective_ratio",
                "slo_error_budget_remaining_ratio", "slo_burn_rate", "slo_window_seconds", "slo_last_reading",
                "slo_group_events_total", "slo_group_excluded_events_total", "slo_group_slices_total",
                "slo_group_error_budget_remaining_ratio", "slo_group_burn_rate"), families);
        families.forEach(f -> assertFalse(f.contains(":"), "colons are for recording rules: " + f));
        for (Slo slo : scenario.slos.all()) {
            String l = "{slo=\"" + slo.name() + "\"";
            SloCounters counters = slo.counters();
            assertEquals(Long.toString(counters.goodEvents()), samples.get("slo_events_total" + l + ",outcome=\"good\"}"), slo.name());
            assertEquals(Long.toString(counters.badEvents()), samples.get("slo_events_total" + l + ",outcome=\"bad\"}"), slo.name());
            assertEquals(slo.spec().target(), Double.parseDouble(samples.get("slo_objective_ratio" + l + "}")));
            assertEquals(slo.errorBudget().remaining(), Double.parseDouble(samples.get("slo_error_budget_remaining_ratio" + l + "}")));
            for (Map.Entry<Duration, Double> burn : slo.burnRates().entrySet()) {
                assertEquals(burn.getValue(), Double.parseDouble(samples.get("slo_burn_rate" + l + ",window=\""
                        + PromSyntax.duration(burn.getKey()) + "\"}")), slo.name() + " " + burn.getKey());
            }
            String reading = samples.get("slo_last_reading" + l + "}");
            assertEquals(slo.lastReading().isPresent() ? PromSyntax.value(slo.lastReading().getAsDouble()) : null, reading, slo.name());
            if (Prometheus.bySlices(slo)) {
                assertEquals(counters.goodSlices(), Double.parseDouble(samples.get("slo_slices_total" + l + ",outcome=\"good\"}")));
            } else {
                assertFalse(samples.containsKey("slo_slices_total" + l + ",outcome=\"good\"}"));
            }
        }
        for (String grouped : List.of("api-by-endpoint", "search-by-tier")) {
            Slo whole = scenario.slo(grouped);
            double good = 0;
            double bad = 0;
            assertTrue(whole.groups().size() > 1, grouped);
            for (Slo group : whole.groups()) {
                String l = "{slo=\"" + grouped + "\"," + whole.grouping().orElseThrow().label() + "=\""
                        + PromSyntax.labelValue(group.groupValue().orElseThrow()) + "\"";
                SloCounters counters = group.counters();
                assertEquals(Long.toString(counters.goodEvents()), samples.get("slo_group_events_total" + l + ",outcome=\"good\"}"), l);
                assertEquals(group.errorBudget().remaining(), Double.parseDouble(samples.get("slo_group_error_budget_remaining_ratio" + l + "}")));
                for (Map.Entry<Duration, Double> burn : group.burnRates().entrySet()) {
                    assertEquals(burn.getValue(), Double.parseDouble(samples.get("slo_group_burn_rate" + l + ",window=\""
                            + PromSyntax.duration(burn.getKey()) + "\"}")), l);
                }
                if (Prometheus.bySlices(whole)) {                 // each group judges its own slices: they do not add up to the whole's
                    assertEquals(counters.goodSlices(), Double.parseDouble(samples.get("slo_group_slices_total" + l + ",outcome=\"good\"}")), l);
                }
                good += Double.parseDouble(samples.get("slo_group_events_total" + l + ",outcome=\"good\"}"));
                bad += Double.parseDouble(samples.get("slo_group_events_total" + l + ",outcome=\"bad\"}"));
            }
            SloCounters all = whole.counters();                   // every event of a group counts once in each family
            assertEquals(all.goodEvents(), good, grouped);
            assertEquals(all.badEvents(), bad, grouped);
        }
        assertTrue(samples.containsKey("slo_group_events_total{slo=\"api-by-endpoint\",endpoint=\"/search?q=\\\"a\\\\b\\\"\",outcome=\"good\"}"),
                "the endpoint's quote and backslash escaped");
        assertTrue(samples.containsKey("slo_group_events_total{slo=\"api-by-endpoint\",endpoint=\"__overflow__\",outcome=\"bad\"}"));
        long excluded = scenario.slo("api").counters().excludedEvents();
        assertTrue(excluded > 0, "the scenario records during the exclusion");
        assertEquals(Long.toString(excluded), samples.get("slo_excluded_events_total{slo=\"api\"}"));
        assertEquals("2592000", samples.get("slo_window_seconds{slo=\"api\"}"), "30 days in seconds");
        assertTrue(samples.containsKey("slo_last_reading{slo=\"queue_backlog\"}") && samples.containsKey("slo_last_reading{slo=\"orders-fresh\"}"));
    }

    @Test
    void anEmptyRegistryExportsOnlyTheFamiliesEveryRegistryHasAndPromtoolAcceptsIt() throws IOException, InterruptedException {
        SloRegistry empty = SloRegistry.create(ManualClock.at(Instant.parse("2026-01-01T00:00:00Z")));
        String text = Prometheus.exposition(empty);
        List<String> families = new ArrayList<>();
        assertEquals(Map.of(), samples(text, families));
        assertEquals(List.of("slo_events_total", "slo_objective_ratio", "slo_error_budget_remaining_ratio", "slo_burn_rate",
                "slo_window_seconds"), families);
        assertEquals(new Promtool.Result(0, ""), Promtool.run(text, "check", "metrics"));
    }

    @Test
    void valuesAndLabelsAreWrittenAsTheTextFormatReadsThem() {
        assertEquals("NaN", PromSyntax.value(Double.NaN));
        assertEquals("+Inf", PromSyntax.value(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", PromSyntax.value(Double.NEGATIVE_INFINITY));
        assertEquals("3", PromSyntax.value(3.0));
        assertEquals("0.999", PromSyntax.value(0.999));
        assertEquals("a\\\\b\\\"c\\nd", PromSyntax.labelValue("a\\b\"c\nd"));
        assertEquals("5m", PromSyntax.duration(Duration.ofMinutes(5)));
        assertEquals("1h30m", PromSyntax.duration(Duration.ofMinutes(90)));
        assertEquals("30d", PromSyntax.duration(Duration.ofDays(30)));
        assertEquals("10s500ms", PromSyntax.duration(Duration.ofMillis(10_500)));
        assertEquals("0.0144", PromSyntax.number(14.4 * 0.001));
        assertEquals("\"q\\\"b\\\\n\\n\\x01\\L\"", PromSyntax.yamlString("q\"b\\n\n\u0001\u2028"));
    }

    @Test
    void aNullRegistryIsRefusedNamingTheParameter() {
        assertEquals("slos must not be null", assertThrows(NullPointerException.class, () -> Prometheus.exposition(null)).getMessage());
        assertEquals("slos must not be null", assertThrows(NullPointerException.class, () -> Prometheus.rules(null)).getMessage());
        assertEquals("slos must not be null", assertThrows(NullPointerException.class, () -> SloHttp.handler(null)).getMessage());
        assertEquals("slos must not be null", assertThrows(NullPointerException.class, () -> SloHttp.serve(null, 0)).getMessage());
    }
}
