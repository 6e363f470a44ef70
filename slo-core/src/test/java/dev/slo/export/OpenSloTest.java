package dev.slo.export;

import static dev.slo.export.OpenSloSpecTest.at;
import static dev.slo.export.OpenSloSpecTest.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.AlertPolicy;
import dev.slo.Budgeting;
import dev.slo.BurnRateRule;
import dev.slo.ManualClock;
import dev.slo.Owner;
import dev.slo.Severity;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Window;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The OpenSLO export states each SLO of a registry as the library evaluates it, in documents the spec accepts. */
final class OpenSloTest {
    private static final Pattern RFC1123 = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    private final ManualClock clock = ManualClock.at(Instant.parse("2026-02-10T12:00:00Z"));
    private final SloRegistry slos = SloRegistry.create(clock);

    private Slo checkout() {
        return slos.define("checkout-completes").customerFacing("Checkout completes")
                .ownedBy(Owner.product("pm-alice"), Owner.engineering("Payments Team"))
                .sli(Sli.ratio()).target(0.999).window(Window.rolling(THIRTY_DAYS)).register();
    }

    @Test
    void rolling30DaySreWorkbookSlo_isStatedDocumentByDocument() {
        checkout();
        List<Map<String, Object>> docs = check(OpenSlo.yaml(slos));

        assertEquals(List.of("Service", "AlertNotificationTarget", "AlertNotificationTarget", "SLI",
                "AlertCondition", "AlertPolicy", "AlertCondition", "AlertPolicy",
                "AlertCondition", "AlertPolicy", "AlertCondition", "AlertPolicy", "SLO"),
                docs.stream().map(d -> d.get("kind")).toList());

        Map<String, Object> service = docs.get(0);
        assertEquals("payments-team", at(service, "metadata.name"));
        assertEquals("Payments Team", at(service, "metadata.displayName"));

        Map<String, Object> sli = docs.get(3);
        assertEquals("checkout-completes", at(sli, "metadata.name"));
        assertEquals(true, at(sli, "spec.ratioMetric.counter"));
        assertEquals("Prometheus", at(sli, "spec.ratioMetric.good.metricSource.type"));
        assertEquals("slo_events_total{slo=\"checkout-completes\",outcome=\"good\"}", at(sli, "spec.ratioMetric.good.metricSource.spec.query"));
        assertEquals("slo_events_total{slo=\"checkout-completes\"}", at(sli, "spec.ratioMetric.total.metricSource.spec.query"));

        Map<String, Object> slo = docs.get(12);
        assertEquals("checkout-completes", at(slo, "metadata.name"));
        assertEquals("checkout-completes", at(slo, "metadata.displayName"));
        assertEquals("customer", at(slo, "metadata.labels.audience"));
        assertEquals("Checkout completes", at(slo, "spec.description"));
        assertEquals("payments-team", at(slo, "spec.service"));
        assertEquals("checkout-completes", at(slo, "spec.indicatorRef"));
        assertEquals("30d", at(slo, "spec.timeWindow[0].duration"));
        assertEquals(true, at(slo, "spec.timeWindow[0].isRolling"));
        assertEquals("Occurrences", at(slo, "spec.budgetingMethod"));
        assertEquals(new BigDecimal("0.999"), at(slo, "spec.objectives[0].target"));
        assertEquals("ratio of good events", at(slo, "spec.objectives[0].displayName"));
        assertEquals(List.of("checkout-completes-page-1h", "checkout-completes-page-6h", "checkout-completes-ticket-1d",
                "checkout-completes-ticket-3d"),
                ((List<?>) at(slo, "spec.alertPolicies")).stream().map(p -> ((Map<?, ?>) p).get("alertPolicyRef")).toList());
    }

    @Test
    void sreWorkbookConditions_have_thresholds_14_4_6_3_1_longWindowsAsLookbackAndShortOnesAsAlertAfter() {
        checkout();
        List<Map<String, Object>> conditions = ofKind(check(OpenSlo.yaml(slos)), "AlertCondition");
        assertEquals(List.of(new BigDecimal("14.4"), new BigDecimal("6"), new BigDecimal("3"), new BigDecimal("1")),
                conditions.stream().map(c -> at(c, "spec.condition.threshold")).toList());
        assertEquals(List.of("1h", "6h", "1d", "3d"), conditions.stream().map(c -> at(c, "spec.condition.lookbackWindow")).toList());
        assertEquals(List.of("5m", "30m", "2h", "6h"), conditions.stream().map(c -> at(c, "spec.condition.alertAfter")).toList());
        assertEquals(List.of("page", "page", "ticket", "ticket"), conditions.stream().map(c -> at(c, "spec.severity")).toList());
        for (Map<String, Object> c : conditions) {
            assertEquals("burnrate", at(c, "spec.condition.kind"));
            assertEquals("gte", at(c, "spec.condition.op"));
        }
    }

    @Test
    void eachAlertPolicyHoldsTheOneConditionOfItsRule_andNotifiesItsSeverity() {
        checkout();
        List<Map<String, Object>> docs = check(OpenSlo.yaml(slos));
        List<Map<String, Object>> policies = ofKind(docs, "AlertPolicy");
        assertEquals(4, policies.size());
        for (Map<String, Object> p : policies) {
            assertEquals(at(p, "metadata.name"), at(p, "spec.conditions[0].conditionRef"));
            assertEquals(true, at(p, "spec.alertWhenBreaching"));
        }
        assertEquals(List.of("page", "page", "ticket", "ticket"),
                policies.stream().map(p -> at(p, "spec.notificationTargets[0].targetRef")).toList());
        assertEquals(List.of("page", "ticket"), ofKind(docs, "AlertNotificationTarget").stream().map(t -> at(t, "spec.target")).toList());
    }

    @Test
    void thresholds_areThoseTheLibraryApplies_toTheDigit() {
        BurnRateRule odd = new BurnRateRule(Severity.PAGE, 0.03, Duration.ofHours(7), Duration.ofMinutes(35));
        slos.define("odd").internal("odd rule").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(Duration.ofDays(29))).alertPolicy(AlertPolicy.of(odd).withMinimumEvents(50)).register();
        List<Map<String, Object>> docs = check(OpenSlo.yaml(slos));
        Map<String, Object> condition = ofKind(docs, "AlertCondition").get(0);
        assertEquals(odd.threshold(Duration.ofDays(29)), ((BigDecimal) at(condition, "spec.condition.threshold")).doubleValue());
        assertEquals("7h", at(condition, "spec.condition.lookbackWindow"));
        assertEquals("35m", at(condition, "spec.condition.alertAfter"));
        assertTrue(((String) at(ofKind(docs, "AlertPolicy").get(0), "spec.description")).contains("at least 50 events"));
    }

    @Test
    void everySliKindAndBudgetingMethod_passesTheSpec_withTheSeriesOfItsBudgeting() {
        Owner team = Owner.team("platform");
        Window month = Window.rolling(THIRTY_DAYS);
        slos.define("ratio").internal("r").ownedBy(team).sli(Sli.ratio()).target(0.99).window(month).register();
        slos.define("latency").internal("l").ownedBy(team).sli(Sli.latency(Duration.ofMillis(300))).target(0.99).window(month).register();
        slos.define("queue").internal("q").ownedBy(team).sli(Sli.gaugeAtMost(1_000)).target(0.99).window(month).register();
        slos.define("rate").internal("g").ownedBy(team).sli(Sli.gaugeAtLeast(50)).target(0.99).window(month)
                .budgeting(Budgeting.timeslices(Duration.ofMinutes(5), 0.95)).register();
        slos.define("fresh").internal("f").ownedBy(team).sli(Sli.freshness(Duration.ofMinutes(15))).target(0.99).window(month)
                .budgeting(Budgeting.timeslices(Duration.ofMinutes(1))).register();
        slos.define("nightly").internal("n").ownedBy(team).sli(Sli.deadline(Duration.ofMinutes(30))).target(0.99).window(month).register();
        slos.define("retries").internal("w").ownedBy(team).sli(Sli.withinRetries(2)).target(0.99).window(month)
                .budgeting(Budgeting.timeslices(Duration.ofMinutes(1), 0.9)).register();
        slos.define("feedback").internal("b").ownedBy(team).sli(Sli.feedback()).target(0.9).window(month)
                .budgeting(Budgeting.ratioTimeslices(Duration.ofMinutes(5))).register();

        List<Map<String, Object>> docs = check(OpenSlo.yaml(slos));
        Map<String, Map<String, Object>> slo = byName(ofKind(docs, "SLO"));
        Map<String, Map<String, Object>> sli = byName(ofKind(docs, "SLI"));
        assertEquals(8, slo.size());

        for (String events : List.of("ratio", "latency", "nightly")) {
            assertEquals("Occurrences", at(slo.get(events), "spec.budgetingMethod"));
            Map<?, ?> objective = (Map<?, ?>) at(slo.get(events), "spec.objectives[0]");
            assertFalse(objective.containsKey("timeSliceTarget") || objective.containsKey("timeSliceWindow"), events);
            assertEquals("slo_events_total{slo=\"" + events + "\"}", at(sli.get(events), "spec.ratioMetric.total.metricSource.spec.query"));
        }
        assertEquals("Timeslices", at(slo.get("queue"), "spec.budgetingMethod"));
        assertEquals(BigDecimal.ONE, at(slo.get("queue"), "spec.objectives[0].timeSliceTarget"));
        assertEquals("1m", at(slo.get("queue"), "spec.objectives[0].timeSliceWindow"));
        assertEquals(new BigDecimal("0.95"), at(slo.get("rate"), "spec.objectives[0].timeSliceTarget"));
        assertEquals("5m", at(slo.get("rate"), "spec.objectives[0].timeSliceWindow"));
        assertEquals(new BigDecimal("0.9"), at(slo.get("retries"), "spec.objectives[0].timeSliceTarget"));
        assertEquals("RatioTimeslices", at(slo.get("feedback"), "spec.budgetingMethod"));
        assertEquals("5m", at(slo.get("feedback"), "spec.objectives[0].timeSliceWindow"));
        for (String slices : List.of("queue", "rate", "fresh", "retries", "feedback")) {
            assertEquals("slo_slices_total{slo=\"" + slices + "\",outcome=\"good\"}", at(sli.get(slices), "spec.ratioMetric.good.metricSource.spec.query"));
            assertEquals("slo_slices_total{slo=\"" + slices + "\"}", at(sli.get(slices), "spec.ratioMetric.total.metricSource.spec.query"));
        }
        assertEquals("success within 300 ms", at(sli.get("latency"), "spec.description"));
        assertEquals(1, ofKind(docs, "Service").size());
    }

    @Test
    void calendarMonthInKolkata_startsAtTheCurrentMonthsLocalMidnight_withThresholdsOfItsLength() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        Window february = Window.calendarMonth(kolkata);
        slos.define("india-payments").customerFacing("UPI payments settle").ownedBy(Owner.team("upi"))
                .sli(Sli.ratio()).target(0.995).window(february).register();
        List<Map<String, Object>> docs = check(OpenSlo.yaml(slos));
        Map<?, ?> window = (Map<?, ?>) at(ofKind(docs, "SLO").get(0), "spec.timeWindow[0]");
        assertEquals("1M", window.get("duration"));
        assertEquals(false, window.get("isRolling"));
        assertEquals("2026-02-01 00:00:00", at(window, "calendar.startTime"));
        assertEquals("Asia/Kolkata", at(window, "calendar.timeZone"));

        Duration length = february.length(clock.instant());
        assertEquals(Duration.ofDays(28), length);
        List<Double> expected = AlertPolicy.sreWorkbook().rules().stream().map(r -> r.threshold(length)).toList();
        assertEquals(expected, ofKind(docs, "AlertCondition").stream()
                .map(c -> ((BigDecimal) at(c, "spec.condition.threshold")).doubleValue()).toList());
        assertEquals(new BigDecimal("13.44"), at(ofKind(docs, "AlertCondition").get(0), "spec.condition.threshold"));
    }

    @Test
    void calendarWeeks_startOnMonday_andFixedOffsetsTakeTheirIanaNames() {
        slos.define("weekly-utc").internal("w").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.99)
                .window(Window.calendarWeek(ZoneOffset.UTC)).register();
        slos.define("weekly-plus5").internal("w").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.99)
                .window(Window.calendarWeek(ZoneOffset.ofHours(5))).register();
        slos.define("weekly-minus3").internal("w").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.99)
                .window(Window.calendarWeek(ZoneOffset.ofHours(-3))).register();
        Map<String, Map<String, Object>> slo = byName(ofKind(check(OpenSlo.yaml(slos)), "SLO"));
        assertEquals("1w", at(slo.get("weekly-utc"), "spec.timeWindow[0].duration"));
        assertEquals("2026-02-09 00:00:00", at(slo.get("weekly-utc"), "spec.timeWindow[0].calendar.startTime"));   // 2026-02-09 is a Monday
        assertEquals("UTC", at(slo.get("weekly-utc"), "spec.timeWindow[0].calendar.timeZone"));
        assertEquals("Etc/GMT-5", at(slo.get("weekly-plus5"), "spec.timeWindow[0].calendar.timeZone"));
        assertEquals("Etc/GMT+3", at(slo.get("weekly-minus3"), "spec.timeWindow[0].calendar.timeZone"));
    }

    @Test
    void anOffsetWithMinutes_hasNoIanaName_andIsRefusedNamingTheSlo() {
        slos.define("half-hour").internal("h").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.99)
                .window(Window.calendarMonth(ZoneOffset.ofHoursMinutes(5, 30))).register();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpenSlo.yaml(slos));
        assertTrue(e.getMessage().contains("half-hour") && e.getMessage().contains("+05:30"), e.getMessage());
    }

    @Test
    void subMinuteSlicesAndAlertWindows_haveNoShorthand_andAreRefusedNamingTheSlo() {
        slos.define("fast-slices").internal("s").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(THIRTY_DAYS)).budgeting(Budgeting.timeslices(Duration.ofSeconds(30))).register();
        IllegalArgumentException slices = assertThrows(IllegalArgumentException.class, () -> OpenSlo.yaml(slos));
        assertTrue(slices.getMessage().contains("fast-slices") && slices.getMessage().contains("PT30S"), slices.getMessage());

        SloRegistry other = SloRegistry.create(clock);
        other.define("fast-alert").internal("a").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(THIRTY_DAYS))
                .alertPolicy(AlertPolicy.of(new BurnRateRule(Severity.PAGE, 0.02, Duration.ofHours(1), Duration.ofSeconds(90)))).register();
        IllegalArgumentException alert = assertThrows(IllegalArgumentException.class, () -> OpenSlo.yaml(other));
        assertTrue(alert.getMessage().contains("fast-alert") && alert.getMessage().contains("short window"), alert.getMessage());
    }

    @Test
    void namesAreRfc1123_withTheOriginalInDisplayName() {
        slos.define("Checkout.Latency:P99_eu").internal("c").ownedBy(Owner.team("Team Ünïcode / EU")).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(THIRTY_DAYS)).register();
        List<Map<String, Object>> docs = check(OpenSlo.yaml(slos));
        Map<String, Object> slo = ofKind(docs, "SLO").get(0);
        assertEquals("checkout-latency-p99-eu", at(slo, "metadata.name"));
        assertEquals("Checkout.Latency:P99_eu", at(slo, "metadata.displayName"));
        assertEquals("checkout-latency-p99-eu", at(ofKind(docs, "SLI").get(0), "metadata.name"));
        assertEquals("Checkout.Latency:P99_eu", at(ofKind(docs, "SLI").get(0), "metadata.displayName"));
        assertEquals("team-n-code-eu", at(ofKind(docs, "Service").get(0), "metadata.name"));
        assertEquals("Team Ünïcode / EU", at(ofKind(docs, "Service").get(0), "metadata.displayName"));
        // the query names the series by the original name, which the exposition uses
        assertEquals("slo_events_total{slo=\"Checkout.Latency:P99_eu\"}",
                at(ofKind(docs, "SLI").get(0), "spec.ratioMetric.total.metricSource.spec.query"));
    }

    @Test
    void namesThatCollideAfterMapping_getDistinctNames_whateverTheOrderOfDefinition() {
        List<String> names = List.of("checkout_latency", "Checkout.Latency", "checkout-latency", "CHECKOUT:LATENCY");
        Map<String, Object> forward = namesOf(names);
        Map<String, Object> backward = namesOf(List.of(names.get(3), names.get(2), names.get(1), names.get(0)));
        assertEquals(forward, backward);
        assertEquals(4, new HashSet<>(forward.values()).size(), forward.toString());
        assertEquals("checkout-latency", forward.get("checkout-latency"));          // already a valid name: kept
        for (Object name : forward.values()) {
            assertTrue(RFC1123.matcher((String) name).matches(), (String) name);
            assertTrue(((String) name).startsWith("checkout-latency"), (String) name);
        }
    }

    /** Registers {@code names} in a fresh registry, in that order: each original name to its SLO document's name. */
    private Map<String, Object> namesOf(List<String> names) {
        SloRegistry registry = SloRegistry.create(clock);
        for (String name : names) {
            registry.define(name).internal("x").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.99)
                    .window(Window.rolling(THIRTY_DAYS)).register();
        }
        List<Map<String, Object>> docs = check(OpenSlo.yaml(registry));
        Map<String, Object> byOriginal = new TreeMap<>();
        for (Map<String, Object> slo : ofKind(docs, "SLO")) {
            byOriginal.put((String) at(slo, "metadata.displayName"), at(slo, "metadata.name"));
        }
        return byOriginal;
    }

    @Test
    void longNames_areCutTo63_distinct_withTheWholeOriginalInAnAnnotation() {
        String a = "a".repeat(100) + "-one";
        String b = "a".repeat(100) + "-two";
        for (String name : List.of(a, b)) {
            slos.define(name).internal("long").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.99)
                    .window(Window.rolling(THIRTY_DAYS)).register();
        }
        List<Map<String, Object>> docs = check(OpenSlo.yaml(slos));
        List<Map<String, Object>> slo = ofKind(docs, "SLO");
        assertNotEquals(at(slo.get(0), "metadata.name"), at(slo.get(1), "metadata.name"));
        assertEquals(a, at(slo.get(0), "metadata.annotations." + OpenSlo.NAME_ANNOTATION));
        assertEquals(b, at(slo.get(1), "metadata.annotations." + OpenSlo.NAME_ANNOTATION));
        assertEquals("a".repeat(62) + "\u2026", at(slo.get(0), "metadata.displayName"));
        Set<Object> alertNames = new HashSet<>();
        for (Map<String, Object> c : ofKind(docs, "AlertCondition")) {
            assertTrue(alertNames.add(at(c, "metadata.name")), "distinct: " + at(c, "metadata.name"));
        }
        assertEquals(8, alertNames.size());
    }

    @Test
    void anAdversarialDescription_survivesTheYamlExactly() {
        String nasty = "He said \"hi\" \\ and \\\" left: # not a comment\u2028--- \u2029--- {x: [y]} &a *b !t %p 'q' `r` \uD800 end \"";
        slos.define("nasty").customerFacing(nasty).ownedBy(Owner.team("Team \"Q\" \\ \u2028---")).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(THIRTY_DAYS)).register();
        String yaml = OpenSlo.yaml(slos);
        List<Map<String, Object>> docs = check(yaml);
        assertEquals(nasty, at(ofKind(docs, "SLO").get(0), "spec.description"));
        assertEquals("Team \"Q\" \\ \u2028---", at(ofKind(docs, "Service").get(0), "metadata.displayName"));
        assertEquals(docs.size() - 1, yaml.lines().filter(l -> l.equals("---")).count());
    }

    @Test
    void newlinesAndDocumentMarkers_inAnyString_stayInsideTheirScalar() {
        String nasty = "first\n---\nkind: SLO\r\n\t\0\u0007\u007F\u009F\uFFFE\uDC00 last\\";
        OpenSloYaml out = new OpenSloYaml();
        out.document("Service").begin("metadata").string("name", "x").string("displayName", "y").end()
                .begin("spec").string("description", nasty).end();
        List<Map<String, Object>> docs = check(out.text());
        assertEquals(1, docs.size());
        assertEquals(nasty, at(docs.get(0), "spec.description"));
    }

    @Test
    void aDescriptionLongerThanTheSpecAllows_isCutTo1050() {
        slos.define("wordy").internal("x".repeat(2_000)).ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(THIRTY_DAYS)).register();
        String description = (String) at(ofKind(check(OpenSlo.yaml(slos)), "SLO").get(0), "spec.description");
        assertEquals("x".repeat(1049) + "\u2026", description);
    }

    @Test
    void aTeamOfProductOwnersOnly_isTheServiceOfItsFirstOwner() {
        slos.define("promise").customerFacing("p").ownedBy(Owner.product("growth"), Owner.product("pricing")).sli(Sli.ratio())
                .target(0.99).window(Window.rolling(THIRTY_DAYS)).register();
        assertEquals("growth", at(ofKind(check(OpenSlo.yaml(slos)), "SLO").get(0), "spec.service"));
    }

    @Test
    void anEmptyRegistry_givesNoDocuments_andTheSameRegistryGivesTheSameText() {
        assertEquals("", OpenSlo.yaml(slos));
        checkout();
        assertEquals(OpenSlo.yaml(slos), OpenSlo.yaml(slos));
        assertTrue(OpenSlo.yaml(slos).startsWith("apiVersion: \"openslo/v1\"\nkind: \"Service\"\n"));
    }

    @Test
    void yaml_null_throwsNullPointerExceptionNamingTheParameter() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> OpenSlo.yaml(null));
        assertEquals("slos must not be null", e.getMessage());
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static Map<String, Map<String, Object>> byName(List<Map<String, Object>> docs) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (Map<String, Object> d : docs) {
            byName.put((String) at(d, "metadata.name"), d);
        }
        return byName;
    }
}
