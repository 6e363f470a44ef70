package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Early warning: an internal burn that would breach the customer SLO, named while the customer's own
 * alerts are quiet. Default policy (SRE Workbook ch. 5) on a 30-day window: thresholds 14.4 (1h/5m),
 * 6 (6h/30m), 3 (1d/2h), 1 (3d/6h).
 */
final class CascadeEarlyWarningTest {
    private final CascadeFixture f = new CascadeFixture();
    private final Slo checkout = f.customer("checkout", 0.999);
    private final Slo auth = f.internal("auth", 0.9995);
    private final Slo payments = f.internal("payments", 0.9995);
    private final Slo inventory = f.internal("inventory", 0.9995);
    private Cascade journey;

    @BeforeEach
    void twoQuietDaysThenAGap() {
        journey = f.slos.cascade(checkout).dependsOn(auth).dependsOn(payments).dependsOn(inventory).build();
        for (int hour = 0; hour < 48; hour++) {
            for (Slo slo : List.of(checkout, auth, payments, inventory)) {
                slo.recordCounts(6_000, 0);
            }
            f.clock.advance(Duration.ofHours(1));
        }
        f.clock.advance(Duration.ofMinutes(30)); // the incident starts half an hour after the last record
    }

    /**
     * One hour of minutes: payments fails 5% of calls, inventory 3%, auth 1%; checkout fails
     * {@code checkoutBad} of its 100 calls a minute.
     */
    private void incidentHour(int checkoutBad) {
        for (int minute = 0; minute < 60; minute++) {
            f.clock.advance(Duration.ofMinutes(1));
            payments.recordCounts(95, 5);
            inventory.recordCounts(97, 3);
            auth.recordCounts(99, 1);
            checkout.recordCounts(100 - checkoutBad, checkoutBad);
        }
    }

    @Test
    void quietDependenciesGiveNoWarning() {
        assertEquals(List.of(), journey.earlyWarnings());
    }

    @Test
    void warnsForTheDependenciesWhoseBurnWouldPageTheCustomer_mostUrgentFirst() {
        incidentHour(0);
        assertEquals(List.of(), checkout.alerts());
        List<EarlyWarning> warnings = journey.earlyWarnings();
        // Incident minutes T0+31m..T0+90m (100 calls each), hourly records of 6000 calls at T0-1h..T0-48h; now = T0+90m.
        // 1h:  payments 300/6000 = 0.05 -> 0.05/0.001 = 50 and inventory 0.03 -> 30 reach 14.4; auth 0.01 -> 10 does not.
        // 6h:  4 hourly records + the incident = 30000 calls: payments 300/30000 -> 10, inventory 180/30000 -> 6 reach 6
        //      (short 30m: 50 and 30); auth 60/30000 -> 2 does not.
        // 1d:  22 records + incident = 138000: payments 300/138000 -> 2.17 < 3.
        // 3d:  48 records + incident = 294000: payments 300/294000 -> 1.0204 >= 1 (short 6h: 10); inventory 0.61.
        List<BurnRateRule> rules = AlertPolicy.sreWorkbook().rules();
        assertEquals(List.of(payments, inventory, payments, inventory, payments),
                warnings.stream().map(EarlyWarning::dependency).toList(), warnings::toString);
        assertEquals(List.of(rules.get(0), rules.get(0), rules.get(1), rules.get(1), rules.get(3)),
                warnings.stream().map(EarlyWarning::rule).toList());
        double[] burns = {50, 30, 10, 6, 300 / 294_000.0 / 0.001};
        for (int i = 0; i < burns.length; i++) {
            assertEquals(burns[i], warnings.get(i).predictedBurnRate(), 1e-9);
        }
        // checkout's budget is untouched (remaining 1.0): 30 days / 50 = 14.4 hours to exhaustion
        Duration left = warnings.get(0).timeToExhaustion().orElseThrow();
        assertEquals(Duration.ofMinutes(864).toSeconds(), left.toSeconds(), 1);
    }

    @Test
    void aRuleTheCustomerAlreadyPagesOnIsNoLongerAWarning_theOthersStillWarn() {
        incidentHour(2);
        // checkout fails 2 of 100 a minute, 120 bad in the incident hour:
        // 1h:  120/6000 = 0.02 -> 20 >= 14.4, short 5m 10/500 = 0.02 -> 20: the fast page fires.
        // 6h:  120/30000 -> 4 < 6;  1d: 120/138000 -> 0.87 < 3;  3d: 120/294000 -> 0.41 < 1: all quiet.
        List<BurnRateRule> rules = AlertPolicy.sreWorkbook().rules();
        assertEquals(List.of(rules.get(0)), checkout.alerts().stream().map(BurnRateAlert::rule).toList());
        List<EarlyWarning> warnings = journey.earlyWarnings();
        // The dependencies' burns are those of the test above; rule 0's two warnings are gone, the rest stay:
        // payments and inventory at 6h (10 and 6), payments at 3d (300/294000/0.001 = 1.0204).
        assertEquals(List.of(payments, inventory, payments),
                warnings.stream().map(EarlyWarning::dependency).toList(), warnings::toString);
        assertEquals(List.of(rules.get(1), rules.get(1), rules.get(3)),
                warnings.stream().map(EarlyWarning::rule).toList());
        double[] burns = {10, 6, 300 / 294_000.0 / 0.001};
        for (int i = 0; i < burns.length; i++) {
            assertEquals(burns[i], warnings.get(i).predictedBurnRate(), 1e-9);
        }
    }

    @Test
    void aCustomerAlertingOnEveryRuleGetsNoWarning() {
        incidentHour(20);
        // checkout fails 20%, 1200 bad: 1h 0.2 -> 200 (5m: 200); 6h 1200/30000 -> 40 (30m: 200);
        // 1d 1200/138000 -> 8.7 >= 3 (2h: only the incident, 200); 3d 1200/294000 -> 4.08 >= 1 (6h: 40).
        assertEquals(AlertPolicy.sreWorkbook().rules(), checkout.alerts().stream().map(BurnRateAlert::rule).toList());
        assertEquals(List.of(), journey.earlyWarnings());
    }

    @Test
    void aRedundantGroupWarnsOnlyWhenAllMembersBurn() {
        CascadeFixture g = new CascadeFixture();
        Slo shop = g.customer("shop", 0.999);
        Slo a = g.internal("cache-a", 0.9995);
        Slo b = g.internal("cache-b", 0.9995);
        Cascade c = g.slos.cascade(shop).dependsOnAny(a, b).build();
        g.clock.advance(Duration.ofHours(1));
        a.recordCounts(95, 5);
        b.recordCounts(95, 5);
        g.clock.advance(Duration.ofMinutes(1));
        // both fail 5%: the group fails 0.05 * 0.05 = 0.0025 -> burn 2.5, below every page
        assertTrue(c.earlyWarnings().stream().noneMatch(w -> w.severity() == Severity.PAGE));
        a.recordCounts(0, 100);
        b.recordCounts(0, 100);
        g.clock.advance(Duration.ofMinutes(1));
        // now each fails 105 / 200 = 0.525: the group 0.275625 -> burn 275.6, a page warning for each member
        List<EarlyWarning> pages = c.earlyWarnings().stream().filter(w -> w.rule().equals(AlertPolicy.sreWorkbook().rules().get(0))).toList();
        assertEquals(List.of(a, b), pages.stream().map(EarlyWarning::dependency).toList());
        assertEquals(0.525 * 0.525 / 0.001, pages.get(0).predictedBurnRate(), 1e-9);
    }

    @Test
    void anExhaustedCustomerBudgetHasNoTimeLeft() {
        CascadeFixture g = new CascadeFixture();
        Slo shop = g.customer("shop", 0.999);
        Slo db = g.internal("db", 0.9995);
        Cascade c = g.slos.cascade(shop).dependsOn(db).build();
        shop.recordCounts(900, 100);
        g.clock.advance(Duration.ofDays(2)); // shop's page windows forget it, its 30-day budget does not
        db.recordCounts(50, 50);
        g.clock.advance(Duration.ofMinutes(1));
        List<EarlyWarning> warnings = c.earlyWarnings();
        assertFalse(warnings.isEmpty());
        assertEquals(Optional.empty(), warnings.get(0).timeToExhaustion());
    }

    /**
     * Early warnings, most urgent first: PAGE before TICKET even when the policy lists a ticket first,
     * then the policy's rule order, then the higher burn (not the declaration order).
     */
    @Test
    void earlyWarningsPutPagesFirstWhateverThePolicyOrder() {
        CascadeFixture own = new CascadeFixture();
        BurnRateRule ticket = new BurnRateRule(Severity.TICKET, 0.10, Duration.ofDays(1), Duration.ofHours(2));
        BurnRateRule page = new BurnRateRule(Severity.PAGE, 0.02, Duration.ofHours(1), Duration.ofMinutes(5));
        Slo checkout = own.slos.define("checkout").customerFacing("Checkout completes")
                .ownedBy(Owner.product("pm"), Owner.engineering("eng")).sli(Sli.ratio()).target(0.999)
                .window(Window.rolling(Duration.ofDays(30))).alertPolicy(AlertPolicy.of(ticket, page)).register();
        Slo inventory = own.internal("inventory", 0.9995);
        Slo payments = own.internal("payments", 0.9995);
        Cascade journey = own.slos.cascade(checkout).dependsOn(inventory).dependsOn(payments).build();
        for (int minute = 0; minute < 60; minute++) {
            own.clock.advance(Duration.ofMinutes(1));
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
}
