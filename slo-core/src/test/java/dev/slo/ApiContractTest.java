package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Meanings of the public API contract that no other test pins down: each test cites its section and
 * works the numbers by hand.
 */
final class ApiContractTest {

    /** §4: {@code timeToExhaustion = remaining * windowLength / burnRate}, windowLength = this month for a calendar window. */
    @Test
    void timeToExhaustionInACalendarMonthUsesThisMonthsLength() {
        ManualClock clock = ManualClock.at(Instant.parse("2026-02-10T00:30:00Z"));
        Slo slo = Fixtures.ratioSlo(SloRegistry.create(clock), "monthly", 0.99, Window.calendarMonth(ZoneOffset.UTC));
        slo.recordCounts(9_990, 10);
        clock.advance(Duration.ofMinutes(30));
        // allowedBad = 0.01 * 10000 = 100; consumed = 10 / 100 = 0.1; remaining = 0.9
        // burn(1h) = (10 / 10000) / 0.01 = 0.1; February 2026 = 28 d = 672 h
        // 0.9 * 672 h / 0.1 = 6048 h (252 days), not the 6480 h a 30-day month would give
        assertEquals(0.1, slo.burnRate(Duration.ofHours(1)), 1e-12);
        Duration left = slo.timeToExhaustion(Duration.ofHours(1)).orElseThrow();
        assertEquals(Duration.ofHours(6048).toSeconds(), left.toSeconds(), 1);
    }

    /** §4: {@code threshold = budgetShare * windowLength / longWindow} for any rule, not only the table's. */
    @Test
    void thresholdOfACustomRule() {
        BurnRateRule rule = new BurnRateRule(Severity.PAGE, 0.5, Duration.ofHours(2), Duration.ofMinutes(10));
        // 0.5 * 168 h / 2 h = 42
        assertEquals(42.0, rule.threshold(Duration.ofDays(7)), 1e-12);
        // 0.5 * 1 h / 2 h = 0.25: a window shorter than the long window still scales linearly
        assertEquals(0.25, rule.threshold(Duration.ofHours(1)), 1e-12);
    }

    /**
     * §5: early warnings, most urgent first: PAGE before TICKET even when the policy lists a ticket first,
     * then the policy's rule order, then the higher burn (not the declaration order).
     */
    @Test
    void earlyWarningsPutPagesFirstWhateverThePolicyOrder() {
        CascadeFixture f = new CascadeFixture();
        BurnRateRule ticket = new BurnRateRule(Severity.TICKET, 0.10, Duration.ofDays(1), Duration.ofHours(2));
        BurnRateRule page = new BurnRateRule(Severity.PAGE, 0.02, Duration.ofHours(1), Duration.ofMinutes(5));
        Slo checkout = f.slos.define("checkout").customerFacing("Checkout completes")
                .ownedBy(Owner.product("pm"), Owner.engineering("eng")).sli(Sli.ratio()).target(0.999)
                .window(Window.rolling(Duration.ofDays(30))).alertPolicy(AlertPolicy.of(ticket, page)).register();
        Slo inventory = f.internal("inventory", 0.9995);
        Slo payments = f.internal("payments", 0.9995);
        Cascade journey = f.slos.cascade(checkout).dependsOn(inventory).dependsOn(payments).build();
        for (int minute = 0; minute < 60; minute++) {
            f.clock.advance(Duration.ofMinutes(1));
            inventory.recordCounts(97, 3);
            payments.recordCounts(95, 5);
        }
        // every look-back holds only this hour: inventory 0.03 / 0.001 = 30, payments 0.05 / 0.001 = 50;
        // thresholds on 30 days: page 0.02 * 720 = 14.4, ticket 0.10 * 30 = 3; both reach both
        assertEquals(List.of(), checkout.alerts());
        List<EarlyWarning> warnings = journey.earlyWarnings();
        assertEquals(List.of(page, page, ticket, ticket), warnings.stream().map(EarlyWarning::rule).toList());
        assertEquals(List.of(payments, inventory, payments, inventory),
                warnings.stream().map(EarlyWarning::dependency).toList());
        assertEquals(50.0, warnings.get(0).predictedBurnRate(), 1e-9);
        assertEquals(30.0, warnings.get(1).predictedBurnRate(), 1e-9);
    }

    /** §5: predictedBurnRate uses {@code 1 - share * errorRatio} for a dependency on a share of events. */
    @Test
    void predictedBurnRateScalesByShare() {
        CascadeFixture f = new CascadeFixture();
        Slo checkout = f.customer("checkout", 0.999);
        Slo auth = f.internal("auth", 0.9995);
        Slo search = f.internal("search", 0.9995);
        Cascade journey = f.slos.cascade(checkout).dependsOn(auth).dependsOn(search, 0.25).build();
        f.clock.advance(Duration.ofMinutes(30));
        auth.recordCounts(1_000, 0);
        search.recordCounts(960, 40);
        f.clock.advance(Duration.ofMinutes(1));
        // P = (1 - 1 * 0) * (1 - 0.25 * 0.04) = 0.99; (1 - 0.99) / 0.001 = 10
        assertEquals(10.0, journey.predictedBurnRate(Duration.ofHours(1)), 1e-9);
    }

    /** §6: every finding of lint names an SLO or is registry-wide with {@code ""}, never null. */
    @Test
    void lintFindingsNeverHaveANullSlo() {
        SloRegistry slos = SloRegistry.create(Fixtures.clock());
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

    /** §6: MISSING_JOINT_OWNERSHIP names the role that is missing, in plain words. */
    @Test
    void missingJointOwnershipNamesTheMissingRole() {
        SloRegistry slos = SloRegistry.create(Fixtures.clock());
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

    /** §3: a ratio SLI ignores the latency, which must still be >= 0; nothing is recorded by the rejected call. */
    @Test
    void ratioSliStillRejectsANegativeLatency() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        slo.record(true, 5_000_000_000L);   // 5 s: still good, the ratio SLI ignores it
        assertThrows(IllegalArgumentException.class, () -> slo.record(true, -1L));
        assertEquals(1, slo.errorBudget().total());
        assertEquals(1, slo.errorBudget().good());
    }

    /** §6: on a CUSTOMER SLO a matching engineering owner may raise the target but not lower it back. */
    @Test
    void engineeringRaisesButCannotLowerACustomerTarget() {
        SloRegistry slos = SloRegistry.create(Fixtures.clock());
        Slo checkout = slos.define("checkout").customerFacing("Checkout completes")
                .ownedBy(Owner.product("pm"), Owner.team("eng")).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(Duration.ofDays(30))).register();
        checkout.revise(0.995, Owner.engineering("eng"), "we can do better");   // team("eng") == engineering("eng")
        assertThrows(DecisionRightsException.class, () -> checkout.revise(0.99, Owner.engineering("eng"), "back"));
        assertEquals(0.995, checkout.spec().target());
        checkout.revise(0.99, Owner.product("pm"), "back, agreed");
        assertEquals(List.of(0.995, 0.99), checkout.revisions().stream().map(Revision::to).toList());
    }

    /**
     * Frameworks call Slo reflectively (method handles, proxies, scripting): every public method, the
     * recording half included, is reachable through {@code Slo.class} and counts as a direct call does.
     */
    @Test
    void everyPublicMethodIsReachableReflectivelyThroughSlo() throws ReflectiveOperationException {
        Slo slo = Fixtures.complete(SloRegistry.create(Fixtures.clock()), "reflective").register();
        for (java.lang.reflect.Method method : Slo.class.getMethods()) {
            if (method.getDeclaringClass() != Object.class) {
                assertEquals(Slo.class, method.getDeclaringClass(), method.toString());
            }
        }
        Slo.class.getMethod("record", boolean.class).invoke(slo, false);
        Slo.class.getMethod("recordCounts", long.class, long.class).invoke(slo, 9L, 0L);
        assertEquals(10, slo.errorBudget().total());
        assertEquals(1, slo.errorBudget().bad());
    }
}
