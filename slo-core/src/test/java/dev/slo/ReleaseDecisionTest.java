package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Error-budget policies and the release decisions they give, on budgets worked by hand. */
final class ReleaseDecisionTest {
    private final ManualClock clock = Fixtures.clock();
    private final SloRegistry slos = SloRegistry.create(clock);

    private Slo slo(String name, double target, ErrorBudgetPolicy policy) {
        return slos.define(name).internal("test " + name).ownedBy(Owner.team("team")).sli(Sli.ratio()).target(target)
                .window(Window.rolling(Fixtures.DAYS_30)).errorBudgetPolicy(policy).register();
    }

    @Test
    void theDefault_isTheSreWorkbooksPolicy_releasesStopWhileTheBudgetIsSpent_andResumeOnceItIsBack() {
        Slo api = Fixtures.ratioSlo(slos, "api", 0.99, Window.rolling(Fixtures.DAYS_30));
        assertEquals(ErrorBudgetPolicy.sreWorkbook(), api.spec().budgetPolicy());
        api.recordCounts(991, 9);                         // 9 bad of an allowance of 10: 10% left
        ReleaseDecision open = api.releaseDecision();
        assertTrue(open.allowed());
        assertEquals(List.of(), open.blocking());
        assertEquals("\"api\" allows releases: 10.0% of its rolling 30d error budget left; the policy stops releases while the "
                + "budget is spent, until it is back above zero", open.reason());

        api.recordCounts(0, 1);                           // 10 bad of 1001: the allowance of 10.01 is not reached yet
        assertTrue(api.releaseDecision().allowed());
        api.recordCounts(0, 1);                           // 11 bad of 1002, allowance 10.02: spent
        ReleaseDecision stopped = api.releaseDecision();
        assertFalse(stopped.allowed());
        assertEquals(List.of(api), stopped.blocking());
        assertTrue(stopped.reason().startsWith("\"api\" stops releases: -9.8% of its rolling 30d error budget left, the budget is spent;"),
                stopped.reason());                        // 1 - 11 / 10.02 = -0.0978

        api.recordCounts(1000, 0);                        // 11 bad of 2002, allowance 20.02: 45.1% left
        ReleaseDecision resumed = api.releaseDecision();
        assertTrue(resumed.allowed());
        assertTrue(resumed.reason().contains("45.1% of its rolling 30d error budget left"), resumed.reason());
    }

    @Test
    void freezeBelow_keepsAReserve() {
        Slo api = slo("api", 0.99, ErrorBudgetPolicy.freezeBelow(0.25));
        api.recordCounts(992, 8);                         // 20% left, below the 25% reserve
        ReleaseDecision d = api.releaseDecision();
        assertFalse(d.allowed());
        assertEquals("\"api\" stops releases: 20.0% of its rolling 30d error budget left, below the 25.0% kept in reserve; "
                + "the policy stops releases while less than 25.0% of the budget remains", d.reason());
        api.recordCounts(1000, 0);                        // 8 of 20: 60% left
        assertTrue(api.releaseDecision().allowed());
    }

    @Test
    void andWhilePaging_stopsReleasesWhileAPageFires_thoughBudgetRemains() {
        Slo api = slo("api", 0.999, ErrorBudgetPolicy.sreWorkbook().andWhilePaging());
        api.recordCounts(1_000_000, 0);
        clock.advance(Duration.ofDays(10));
        api.recordCounts(980, 20);                        // 2% bad in the last hour and 5 minutes: burn 20 >= 14.4
        assertEquals(Severity.PAGE, api.alerts().get(0).severity());   // and tickets: the 1 M events are older than 3 days
        ReleaseDecision d = api.releaseDecision();
        assertFalse(d.allowed());                         // 20 bad of an allowance of 1001: 98% left
        assertEquals("\"api\" stops releases: a page fires (PAGE 2.0% of budget in 1h (short 5m)); 98.0% of its rolling 30d error "
                + "budget left; the policy stops releases while the budget is spent, until it is back above zero, and while a page fires",
                d.reason());
        Slo plain = slo("plain", 0.999, ErrorBudgetPolicy.sreWorkbook());
        plain.recordCounts(1_000_000, 0);
        assertTrue(plain.releaseDecision().allowed());
        clock.advance(Duration.ofHours(2));                // the page stops: releases go on
        assertTrue(api.releaseDecision().allowed());
    }

    @Test
    void overSeveralSlos_oneThatBlocksStopsReleases_andTheReasonNamesOnlyThose() {
        Slo checkout = slo("checkout", 0.99, ErrorBudgetPolicy.sreWorkbook());
        Slo payments = slo("payments", 0.99, ErrorBudgetPolicy.sreWorkbook());
        Slo search = slo("search", 0.99, ErrorBudgetPolicy.sreWorkbook());
        checkout.recordCounts(1000, 0);
        payments.recordCounts(900, 100);
        search.recordCounts(1000, 0);
        ReleaseDecision all = slos.releaseDecision(List.of(checkout, payments, search, payments));
        assertFalse(all.allowed());
        assertEquals(List.of(payments), all.blocking());
        assertTrue(all.reason().startsWith("\"payments\" stops releases: -900.0% of its rolling 30d error budget left"), all.reason());
        assertFalse(all.reason().contains("checkout"), all.reason());

        ReleaseDecision fine = slos.releaseDecision(List.of(checkout, search));
        assertTrue(fine.allowed());
        assertEquals(Arrays.asList(checkout.releaseDecision().reason(), search.releaseDecision().reason()),
                List.of(fine.reason().split("\n")));
    }

    @Test
    void ofGroups_theReasonNamesEachGroupThatBlocks() {
        Slo api = slos.define("api").internal("test api").ownedBy(Owner.team("team")).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(Fixtures.DAYS_30)).groupedBy("endpoint", 10).register();
        api.group("/pay").recordCounts(900, 100);
        api.group("/search").recordCounts(1000, 0);
        ReleaseDecision d = slos.releaseDecision(api.groups());
        assertEquals(List.of(api.group("/pay")), d.blocking());
        assertTrue(d.reason().startsWith("api{endpoint=\"/pay\"} stops releases: -900.0% of its rolling 30d error budget left"),
                d.reason());
        assertTrue(slos.releaseDecision(List.of(api.group("/search"))).reason().startsWith("api{endpoint=\"/search\"} allows releases: "));
        assertTrue(api.releaseDecision().reason().startsWith("\"api\" stops releases: "), api.releaseDecision().reason());
    }

    @Test
    void badInput_isRefusedNamingTheParameter() {
        Slo api = slo("api", 0.99, ErrorBudgetPolicy.sreWorkbook());
        Rejections.throwsNaming(IllegalArgumentException.class, () -> slos.releaseDecision(List.of()),
                "slos must hold at least one SLO to consult, got none");
        Rejections.throwsNaming(NullPointerException.class, () -> slos.releaseDecision(null), "slos must not be null");
        Rejections.throwsNaming(NullPointerException.class, () -> slos.releaseDecision(Arrays.asList(api, null)),
                "slos must not hold null, got null at 1");
        Slo stranger = Fixtures.checkout(Fixtures.clock());
        Rejections.throwsNaming(IllegalArgumentException.class, () -> slos.releaseDecision(List.of(stranger)),
                "slos must belong to this registry, got \"checkout\"");
        Rejections.throwsNaming(IllegalArgumentException.class, () -> ErrorBudgetPolicy.freezeBelow(0), "share must be a fraction in (0,1), got 0.0");
        Rejections.throwsNaming(IllegalArgumentException.class, () -> ErrorBudgetPolicy.freezeBelow(25), "share must be a fraction in (0,1), got 25.0");
        Rejections.throwsNaming(IllegalArgumentException.class, () -> new ErrorBudgetPolicy(1, false), "freezeBelow must be in [0,1), got 1.0");
        Rejections.throwsNaming(IllegalArgumentException.class, () -> new ErrorBudgetPolicy(Double.NaN, false),
                "freezeBelow must be in [0,1), got NaN");
        SloBuilder builder = Fixtures.complete(slos, "twice").errorBudgetPolicy(ErrorBudgetPolicy.sreWorkbook());
        Rejections.throwsNaming(IllegalStateException.class, () -> builder.errorBudgetPolicy(ErrorBudgetPolicy.freezeBelow(0.5)),
                "errorBudgetPolicy was already set for \"twice\"");
        Rejections.throwsNaming(NullPointerException.class, () -> Fixtures.complete(slos, "none").errorBudgetPolicy(null),
                "policy must not be null");
        Rejections.throwsNaming(IllegalArgumentException.class, () -> new ReleaseDecision(false, "why", List.of()),
                "blocking must be empty exactly when allowed");
        Rejections.throwsNaming(IllegalArgumentException.class, () -> new ReleaseDecision(true, " ", List.of()),
                "reason must not be blank");
    }
}
