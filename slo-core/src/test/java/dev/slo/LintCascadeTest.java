package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The findings of {@link SloRegistry#lint()} that come from cascades: one test per kind, firing and not firing. */
final class LintCascadeTest {
    private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final SloRegistry slos = SloRegistry.create(clock);

    private Slo customer(String name, double target) {
        return slos.define(name).customerFacing(name + " works").ownedBy(Owner.product("pm"), Owner.engineering("eng"))
                .sli(Sli.ratio()).target(target).window(Window.rolling(Duration.ofDays(30))).register();
    }

    private Slo internal(String name, double target) {
        return slos.define(name).internal(name + " answers").ownedBy(Owner.team("team-" + name))
                .sli(Sli.latency(Duration.ofMillis(300))).target(target).window(Window.rolling(Duration.ofDays(30))).register();
    }

    private List<Finding> findings(FindingKind kind, String slo) {
        return slos.lint().stream().filter(f -> f.kind() == kind && f.slo().equals(slo)).toList();
    }

    @Test
    void customer_without_internal_support_fires_until_a_cascade_backs_it() {
        Slo checkout = customer("checkout", 0.999);
        Slo auth = internal("auth", 0.9995);
        Finding f = findings(FindingKind.CUSTOMER_WITHOUT_INTERNAL_SUPPORT, "checkout").get(0);
        assertTrue(f.message().contains("slos.cascade(checkout)"), f.message());

        slos.cascade(checkout).dependsOn(auth).build();
        assertEquals(List.of(), findings(FindingKind.CUSTOMER_WITHOUT_INTERNAL_SUPPORT, "checkout"));
    }

    @Test
    void internal_not_rolled_up_fires_unless_a_customer_slo_reaches_it_through_nested_cascades() {
        Slo checkout = customer("checkout", 0.999);
        Slo payments = internal("payments", 0.9995);
        Slo ledger = internal("ledger", 0.9999);
        Slo orphan = internal("orphan", 0.9999);
        slos.cascade(payments).dependsOn(ledger).build();          // ledger supports payments: internal only so far
        assertEquals(1, findings(FindingKind.INTERNAL_NOT_ROLLED_UP, "ledger").size());
        assertEquals(1, findings(FindingKind.INTERNAL_NOT_ROLLED_UP, "payments").size());

        slos.cascade(checkout).dependsOn(payments).build();        // now checkout -> payments -> ledger
        assertEquals(List.of(), findings(FindingKind.INTERNAL_NOT_ROLLED_UP, "payments"));
        assertEquals(List.of(), findings(FindingKind.INTERNAL_NOT_ROLLED_UP, "ledger"));
        Finding f = findings(FindingKind.INTERNAL_NOT_ROLLED_UP, "orphan").get(0);
        assertTrue(f.message().contains("Add it to the cascade"), f.message());
        assertEquals(List.of(), findings(FindingKind.INTERNAL_NOT_ROLLED_UP, "checkout"), "customer SLOs are roots");
    }

    @Test
    void internal_not_tighter_comes_from_the_cascade_check_whatever_the_share() {
        Slo checkout = customer("checkout", 0.999);
        Slo search = internal("search", 0.999);    // equal to the customer's target: not stricter
        Slo auth = internal("auth", 0.9999);
        slos.cascade(checkout).dependsOn(search, 0.25).dependsOn(auth).build();
        assertEquals(1, findings(FindingKind.INTERNAL_NOT_TIGHTER, "search").size());
        assertEquals(List.of(), findings(FindingKind.INTERNAL_NOT_TIGHTER, "auth"));
    }

    @Test
    void cascade_target_unreachable_and_unrealistic_target_when_the_dependencies_compound_below_the_promise() {
        Slo checkout = customer("checkout", 0.999);
        Slo a = internal("a", 0.9995);
        Slo b = internal("b", 0.9995);
        Slo c = internal("c", 0.9995);
        slos.cascade(checkout).dependsOn(a).dependsOn(b).dependsOn(c).build();
        // 0.9995^3 = 0.998500749875 < 0.999
        assertEquals(1, findings(FindingKind.CASCADE_TARGET_UNREACHABLE, "checkout").size());
        Finding unrealistic = findings(FindingKind.UNREALISTIC_TARGET, "checkout").get(0);
        assertTrue(unrealistic.message().contains("allow only 0.9985"), unrealistic.message());
        assertTrue(unrealistic.message().contains("Lower the target to at most 0.9985"), unrealistic.message());

        SloRegistry fine = SloRegistry.create(clock);
        Slo promise = fine.define("checkout").customerFacing("Checkout completes").ownedBy(Owner.product("pm"), Owner.engineering("eng"))
                .sli(Sli.ratio()).target(0.998).window(Window.rolling(Duration.ofDays(30))).register();
        Slo x = fine.define("x").internal("x").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.9995)
                .window(Window.rolling(Duration.ofDays(30))).register();
        Slo y = fine.define("y").internal("y").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.9995)
                .window(Window.rolling(Duration.ofDays(30))).register();
        fine.cascade(promise).dependsOn(x).dependsOn(y).build();
        // 0.9995^2 = 0.99900025 >= 0.998
        assertTrue(fine.lint().stream().noneMatch(f -> f.kind() == FindingKind.CASCADE_TARGET_UNREACHABLE
                || f.kind() == FindingKind.UNREALISTIC_TARGET), fine.lint().toString());
    }

    @Test
    void ignored_downstream_impact_is_quiet_for_an_slo_a_cascade_depends_on() {
        Slo checkout = customer("checkout", 0.999);
        Slo auth = internal("auth", 0.9995);
        assertEquals(1, findings(FindingKind.IGNORED_DOWNSTREAM_IMPACT, "auth").size());
        slos.cascade(checkout).dependsOn(auth).build();
        assertEquals(List.of(), findings(FindingKind.IGNORED_DOWNSTREAM_IMPACT, "auth"));
    }

    @Test
    void a_dependency_shared_by_two_cascades_is_reported_once_and_findings_are_ordered() {
        Slo checkout = customer("checkout", 0.999);
        Slo refunds = customer("refunds", 0.999);
        Slo db = internal("db", 0.99);             // looser than both promises
        slos.cascade(checkout).dependsOn(db).build();
        slos.cascade(refunds).dependsOn(db).build();
        List<Finding> all = slos.lint();
        List<Finding> notTighter = all.stream().filter(f -> f.kind() == FindingKind.INTERNAL_NOT_TIGHTER).toList();
        assertEquals(2, notTighter.size(), "one per cascade, each naming its customer SLO: " + notTighter);
        assertNotEquals(notTighter.get(0).message(), notTighter.get(1).message());
        assertEquals(all.stream().distinct().count(), all.size(), "no duplicates");
        List<String> definitionOrder = List.of("", "checkout", "refunds", "db");
        List<Integer> positions = all.stream().map(f -> definitionOrder.indexOf(f.slo())).toList();
        for (int i = 1; i < positions.size(); i++) {
            assertTrue(positions.get(i - 1) <= positions.get(i), "registry-wide first, then definition order: " + all);
        }
    }
}
