package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link SloBuilder}: register keeps every field and names a missing one; a second register or a field set
 * twice is refused.
 */
final class SloBuilderTest {

    @Test
    void register_keepsEveryField() {
        SloRegistry slos = SloRegistry.create(Fixtures.clock());
        Slo checkout = slos.define("checkout-completes")
                .customerFacing("Checkout completes")
                .ownedBy(Owner.product("payments-pm"), Owner.engineering("payments-eng"))
                .sli(Sli.ratio())
                .target(0.999)
                .window(Window.rolling(Duration.ofDays(30)))
                .register();
        SloSpec spec = checkout.spec();
        assertEquals("checkout-completes", spec.name());
        assertEquals(Audience.CUSTOMER, spec.audience());
        assertEquals("Checkout completes", spec.description());
        assertEquals(List.of(Owner.product("payments-pm"), Owner.engineering("payments-eng")), spec.owners());
        assertEquals(Sli.ratio(), spec.sli());
        assertEquals(0.999, spec.target());
        assertEquals(0.001, spec.budgetFraction(), 0.0);
        assertEquals(Window.rolling(Duration.ofDays(30)), spec.window());
        assertEquals(AlertPolicy.sreWorkbook(), spec.alertPolicy());           // default
        assertEquals(Budgeting.occurrences(), spec.budgeting());               // default
    }

    @Test
    void internal_andTeamOwner() {
        SloRegistry slos = SloRegistry.create(Fixtures.clock());
        Slo auth = slos.define("auth-latency")
                .internal("auth-svc answers within 300 ms")
                .ownedBy(Owner.team("identity"))
                .sli(Sli.latency(Duration.ofMillis(300)))
                .target(0.9995)
                .window(Window.rolling(Duration.ofDays(30)))
                .register();
        assertEquals(Audience.INTERNAL, auth.spec().audience());
        assertEquals(Owner.engineering("identity"), auth.spec().owners().get(0));
        assertEquals(new Sli.Latency(Duration.ofMillis(300)), auth.spec().sli());
        assertEquals(300_000_000L, ((Sli.Latency) auth.spec().sli()).thresholdNanos());
    }

    private static void assertMissing(String field, UnaryOperator<SloBuilder> fill) {
        SloRegistry slos = SloRegistry.create(Fixtures.clock());
        SloBuilder builder = fill.apply(slos.define("incomplete"));
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::register);
        assertTrue(e.getMessage().startsWith(field + " is required"), e.getMessage());
        assertTrue(e.getMessage().contains("\"incomplete\""), e.getMessage());
        assertEquals(List.of(), slos.all());
    }

    @Test
    void register_withoutAudience_namesIt() {
        assertMissing("audience", b -> b.ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(Duration.ofDays(7))));
    }

    @Test
    void register_withoutOwners_namesThem() {
        assertMissing("owners", b -> b.internal("x").sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(Duration.ofDays(7))));
    }

    @Test
    void register_withoutSli_namesIt() {
        assertMissing("sli", b -> b.internal("x").ownedBy(Owner.team("t")).target(0.99)
                .window(Window.rolling(Duration.ofDays(7))));
    }

    @Test
    void register_withoutTarget_namesIt() {
        assertMissing("target", b -> b.internal("x").ownedBy(Owner.team("t")).sli(Sli.ratio())
                .window(Window.rolling(Duration.ofDays(7))));
    }

    @Test
    void register_withoutWindow_namesIt() {
        assertMissing("window", b -> b.internal("x").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.99));
    }

    @Test
    void register_twice_isRejected() {
        SloRegistry slos = SloRegistry.create(Fixtures.clock());
        SloBuilder builder = Fixtures.complete(slos, "once");
        builder.register();
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::register);
        assertTrue(e.getMessage().contains("\"once\""), e.getMessage());
        assertEquals(1, slos.all().size());
    }

    @Test
    void settingAFieldTwice_isRejected_andNamesIt() {
        SloBuilder builder = Fixtures.complete(SloRegistry.create(Fixtures.clock()), "twice");
        assertTrue(assertThrows(IllegalStateException.class, () -> builder.target(0.99)).getMessage().startsWith("target"));
        assertTrue(assertThrows(IllegalStateException.class, () -> builder.sli(Sli.ratio())).getMessage().startsWith("sli"));
        assertTrue(assertThrows(IllegalStateException.class, () -> builder.internal("again")).getMessage().startsWith("audience"));
        assertTrue(assertThrows(IllegalStateException.class, () -> builder.customerFacing("again")).getMessage().startsWith("audience"));
        assertTrue(assertThrows(IllegalStateException.class, () -> builder.ownedBy(Owner.team("u"))).getMessage().startsWith("owners"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> builder.window(Window.rolling(Duration.ofDays(1)))).getMessage().startsWith("window"));
        builder.alertPolicy(AlertPolicy.sreWorkbook());
        assertTrue(assertThrows(IllegalStateException.class,
                () -> builder.alertPolicy(AlertPolicy.sreWorkbook())).getMessage().startsWith("alertPolicy"));
        builder.budgeting(Budgeting.occurrences());
        assertTrue(assertThrows(IllegalStateException.class,
                () -> builder.budgeting(Budgeting.occurrences())).getMessage().startsWith("budgeting"));
        assertEquals(0.999, builder.register().spec().target());              // the first values stand
    }

    @Test
    void alertPolicy_isPerSlo() {
        SloRegistry slos = SloRegistry.create(Fixtures.clock());
        AlertPolicy policy = AlertPolicy.of(new BurnRateRule(Severity.PAGE, 0.1, Duration.ofHours(2), Duration.ofMinutes(10)));
        Slo custom = Fixtures.ratioSlo(slos, "custom", 0.99, Window.rolling(Duration.ofDays(7)), policy);
        Slo plain = Fixtures.ratioSlo(slos, "plain", 0.99, Window.rolling(Duration.ofDays(7)));
        assertEquals(policy, custom.spec().alertPolicy());
        assertEquals(AlertPolicy.sreWorkbook(), plain.spec().alertPolicy());
    }

    @Test
    void aLongAlertWindow_extendsTheHistoryKept() {
        ManualClock clock = Fixtures.clock();
        SloRegistry slos = SloRegistry.create(clock);
        AlertPolicy policy = AlertPolicy.of(new BurnRateRule(Severity.TICKET, 0.5, Duration.ofDays(60), Duration.ofDays(1)));
        Slo slo = Fixtures.ratioSlo(slos, "long-alert", 0.99, Window.rolling(Duration.ofDays(7)), policy);
        slo.recordCounts(90, 10);                        // day 0: 10 bad of 100
        clock.advance(Duration.ofDays(50));
        slo.recordCounts(100, 0);                        // day 50: 100 good
        // The 7-day window has forgotten day 0; the 60-day alert window has not: 10 bad of 200 = 0.05, / 0.01 = 5.
        assertEquals(100, slo.errorBudget().total());
        assertEquals(5.0, slo.burnRate(Duration.ofDays(60)), 1e-9);
        assertEquals(0.0, slo.burnRate(Duration.ofDays(7)));
    }
}
