package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SloRegistry#lint()}: one test per finding kind, firing and not firing; each message says what to do. */
final class LintTest {
    private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final SloRegistry slos = SloRegistry.create(clock);

    private Slo customer(String name, double target, Owner... owners) {
        return slos.define(name).customerFacing("Checkout completes").ownedBy(owners)
                .sli(Sli.ratio()).target(target).window(Window.rolling(Duration.ofDays(30))).register();
    }

    private Slo customer(String name, double target) {
        return customer(name, target, Owner.product("pm"), Owner.engineering("eng"));
    }

    private Slo internal(String name, double target, DownstreamConsumer... consumers) {
        return slos.define(name).internal(name + " answers").ownedBy(Owner.team("team-" + name))
                .sli(Sli.latency(Duration.ofMillis(300))).target(target).window(Window.rolling(Duration.ofDays(30)))
                .consumers(consumers).register();
    }

    private List<Finding> findings(FindingKind kind) {
        return slos.lint().stream().filter(f -> f.kind() == kind).toList();
    }

    private List<Finding> findings(FindingKind kind, String slo) {
        return findings(kind).stream().filter(f -> f.slo().equals(slo)).toList();
    }

    @Test
    void empty_registry_has_no_findings() {
        assertEquals(List.of(), slos.lint());
    }

    @Test
    void one_slo_type_only_fires_for_customer_only_and_internal_only() {
        customer("checkout", 0.999);
        List<Finding> f = findings(FindingKind.ONE_SLO_TYPE_ONLY);
        assertEquals(1, f.size());
        assertEquals("", f.get(0).slo(), "registry-wide");
        assertTrue(f.get(0).message().contains("Add internal SLOs"), f.get(0).message());

        internal("auth", 0.9995);
        assertEquals(List.of(), findings(FindingKind.ONE_SLO_TYPE_ONLY));

        SloRegistry internalOnly = SloRegistry.create(clock);
        internalOnly.define("db").internal("db answers").ownedBy(Owner.team("dba")).sli(Sli.ratio()).target(0.999)
                .window(Window.rolling(Duration.ofDays(30))).register();
        Finding only = internalOnly.lint().stream().filter(x -> x.kind() == FindingKind.ONE_SLO_TYPE_ONLY).findFirst().orElseThrow();
        assertTrue(only.message().contains("customer-facing SLO"), only.message());
    }

    @Test
    void missing_joint_ownership_fires_without_product_or_without_engineering() {
        customer("eng-only", 0.999, Owner.engineering("eng"));
        customer("pm-only", 0.999, Owner.product("pm"));
        customer("joint", 0.999);
        internal("auth", 0.9995); // internal SLOs need no product owner
        Finding engOnly = findings(FindingKind.MISSING_JOINT_OWNERSHIP, "eng-only").get(0);
        assertTrue(engOnly.message().contains("Add a product owner"), engOnly.message());
        Finding pmOnly = findings(FindingKind.MISSING_JOINT_OWNERSHIP, "pm-only").get(0);
        assertTrue(pmOnly.message().contains("Add an engineering owner"), pmOnly.message());
        assertEquals(List.of(), findings(FindingKind.MISSING_JOINT_OWNERSHIP, "joint"));
        assertEquals(List.of(), findings(FindingKind.MISSING_JOINT_OWNERSHIP, "auth"));
    }

    @Test
    void uptime_only_focus_fires_when_every_sli_is_a_ratio() {
        customer("checkout", 0.999);
        slos.define("db").internal("db answers").ownedBy(Owner.team("dba")).sli(Sli.ratio()).target(0.9995)
                .window(Window.rolling(Duration.ofDays(30))).register();
        Finding f = findings(FindingKind.UPTIME_ONLY_FOCUS).get(0);
        assertEquals("", f.slo());
        assertTrue(f.message().contains("Sli.latency"), f.message());

        internal("auth", 0.9995); // a latency SLI
        assertEquals(List.of(), findings(FindingKind.UPTIME_ONLY_FOCUS));
    }

    @Test
    void neglected_observability_fires_with_no_events_in_the_window() {
        Slo checkout = customer("checkout", 0.99);
        Finding f = findings(FindingKind.NEGLECTED_OBSERVABILITY, "checkout").get(0);
        assertTrue(f.message().contains("record("), f.message());

        checkout.record(true);
        assertEquals(List.of(), findings(FindingKind.NEGLECTED_OBSERVABILITY));

        clock.advance(Duration.ofDays(31)); // the event has left the 30-day window
        assertEquals(1, findings(FindingKind.NEGLECTED_OBSERVABILITY, "checkout").size());
    }

    @Test
    void unrealistic_target_fires_when_a_window_holds_fewer_than_one_over_budget_events() {
        Slo strict = customer("strict", 0.9999);   // 1 / 0.0001 = 10 000 events per window needed
        Slo modest = customer("modest", 0.999);    // 1 / 0.001  =  1 000 events per window needed
        for (int hour = 0; hour < 24; hour++) {    // one day of 10 events an hour
            strict.recordCounts(10, 0);
            modest.recordCounts(10, 0);
            clock.advance(Duration.ofHours(1));
        }
        // 240 events over the 24 h since the first hour with events, projected to 30 days: 240 * 720 / 24 = 7 200.
        Finding f = findings(FindingKind.UNREALISTIC_TARGET, "strict").get(0);
        assertTrue(f.message().contains("about 7200 events per window"), f.message());
        assertTrue(f.message().contains("at least 10000"), f.message());
        // 1 - 1/7200 = 0.99986..., floored to four places
        assertTrue(f.message().contains("Lower the target to at most 0.9998"), f.message());
        assertEquals(List.of(), findings(FindingKind.UNREALISTIC_TARGET, "modest"), "7 200 >= 1 000");
    }

    @Test
    void unrealistic_target_projects_a_young_slo_to_its_whole_window() {
        Slo strict = customer("strict", 0.9999);
        for (int hour = 0; hour < 24; hour++) {    // one day of 100 events an hour
            strict.recordCounts(100, 0);
            clock.advance(Duration.ofHours(1));
        }
        // 2 400 events in the first day project to 2 400 * 30 = 72 000 a window: enough for 0.9999 (10 000).
        assertEquals(List.of(), findings(FindingKind.UNREALISTIC_TARGET));
    }

    @Test
    void unrealistic_target_fires_for_too_few_slices_however_busy() {
        slos.define("hourly").internal("hourly slices").ownedBy(Owner.team("t")).sli(Sli.ratio())
                .budgeting(Budgeting.timeslices(Duration.ofHours(1))).target(0.999)
                .window(Window.rolling(Duration.ofDays(7))).register();
        slos.define("minutely").internal("minute slices").ownedBy(Owner.team("t")).sli(Sli.ratio())
                .budgeting(Budgeting.timeslices(Duration.ofMinutes(1))).target(0.9995)
                .window(Window.rolling(Duration.ofDays(7))).register();
        // 7 days of 1-hour slices = 168 < 1 / 0.001 = 1 000; of 1-minute slices = 10 080 >= 1 / 0.0005 = 2 000.
        Finding f = findings(FindingKind.UNREALISTIC_TARGET, "hourly").get(0);
        assertTrue(f.message().contains("168 slices"), f.message());
        assertTrue(f.message().contains("Use shorter slices"), f.message());
        assertEquals(List.of(), findings(FindingKind.UNREALISTIC_TARGET, "minutely"));
    }

    @Test
    void ignored_downstream_impact_fires_for_an_internal_slo_without_consumers() {
        internal("lonely", 0.9995);
        internal("useful", 0.9995, new DownstreamConsumer("billing", DownstreamConsumer.Impact.BLOCKING, "invoices stall"));
        customer("checkout", 0.999); // customer SLOs are never "ignored": their consumers are the customers
        Finding f = findings(FindingKind.IGNORED_DOWNSTREAM_IMPACT, "lonely").get(0);
        assertTrue(f.message().contains("Declare its consumers"), f.message());
        assertEquals(List.of(), findings(FindingKind.IGNORED_DOWNSTREAM_IMPACT, "useful"));
        assertEquals(List.of(), findings(FindingKind.IGNORED_DOWNSTREAM_IMPACT, "checkout"));
    }

    @Test
    void every_message_says_what_to_do() {
        customer("eng-only", 0.9999, Owner.engineering("eng")).recordCounts(5, 0);
        slos.define("quiet").internal("quiet").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.999)
                .window(Window.rolling(Duration.ofDays(1))).register();
        for (Finding f : slos.lint()) {
            assertTrue(f.message().matches("(?s).*\\b(Add|Call|Lower|Use|Remove|Declare|Tie|Tighten|Raise|Give|Check)\\b.*"),
                    f.kind() + ": " + f.message());
        }
        assertFalse(slos.lint().isEmpty());
    }

    /** Every finding of lint names an SLO or is registry-wide with {@code ""}, never null. */
    @Test
    void lintFindingsNeverHaveANullSlo() {
        slos.define("checkout").customerFacing("Checkout completes").ownedBy(Owner.engineering("eng"))
                .sli(Sli.ratio()).target(0.999).window(Window.rolling(Duration.ofDays(30))).register();
        List<Finding> findings = slos.lint();
        assertFalse(findings.isEmpty());
        for (Finding finding : findings) {
            assertNotNull(finding.slo());
            assertTrue(finding.slo().isEmpty() || finding.slo().equals("checkout"), finding.toString());
        }
        // customer SLOs only: one registry-wide finding, listed first
        assertEquals(FindingKind.ONE_SLO_TYPE_ONLY, findings.get(0).kind());
        assertEquals("", findings.get(0).slo());
        assertTrue(findings.stream().anyMatch(x -> x.kind() == FindingKind.MISSING_JOINT_OWNERSHIP && x.slo().equals("checkout")));
        assertTrue(findings.stream().anyMatch(x -> x.kind() == FindingKind.CUSTOMER_WITHOUT_INTERNAL_SUPPORT));
    }

    /** MISSING_JOINT_OWNERSHIP names the role that is missing, in plain words. */
    @Test
    void missingJointOwnershipNamesTheMissingRole() {
        slos.define("checkout").customerFacing("Checkout completes").ownedBy(Owner.product("pm"))
                .sli(Sli.ratio()).target(0.999).window(Window.rolling(Duration.ofDays(30))).register();
        slos.define("search").customerFacing("Search answers").ownedBy(Owner.team("eng"))
                .sli(Sli.ratio()).target(0.999).window(Window.rolling(Duration.ofDays(30))).register();
        List<String> messages = slos.lint().stream().filter(x -> x.kind() == FindingKind.MISSING_JOINT_OWNERSHIP)
                .map(Finding::message).toList();
        assertEquals(2, messages.size());
        assertTrue(messages.get(0).startsWith("Customer SLO \"checkout\" has no engineering owner ("), messages.get(0));
        assertTrue(messages.get(1).startsWith("Customer SLO \"search\" has no product owner ("), messages.get(1));
    }
}
