package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision rights: who may change which target, in which direction. */
final class DecisionRightsTest {
    private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final SloRegistry slos = SloRegistry.create(clock);
    private final Slo checkout = slos.define("checkout-completes")
            .customerFacing("Checkout completes")
            .ownedBy(Owner.product("payments-pm"), Owner.engineering("payments-eng"))
            .sli(Sli.ratio()).target(0.999).window(Window.rolling(Duration.ofDays(30))).register();
    private final Slo auth = slos.define("auth-latency")
            .internal("auth-svc answers within 300 ms")
            .ownedBy(Owner.team("identity"))
            .sli(Sli.latency(Duration.ofMillis(300))).target(0.9995).window(Window.rolling(Duration.ofDays(30))).register();

    @Test
    void engineering_cannot_lower_a_customer_target() {
        DecisionRightsException e = assertThrows(DecisionRightsException.class,
                () -> checkout.revise(0.995, Owner.engineering("payments-eng"), "too strict"));
        assertEquals(0.999, checkout.spec().target());
        assertTrue(checkout.revisions().isEmpty());
        assertEquals("checkout-completes", e.slo());
        assertEquals(Owner.engineering("payments-eng"), e.actor());
        assertTrue(e.getMessage().contains("product owner"), e.getMessage());
        assertTrue(e.getMessage().contains("product:payments-pm"), "names who may: " + e.getMessage());
    }

    @Test
    void product_can_lower_a_customer_target() {
        Revision r = checkout.revise(0.995, Owner.product("payments-pm"), "agreed in review");
        assertEquals(0.995, checkout.spec().target());
        assertEquals(0.999, r.from());
        assertEquals(0.995, r.to());
        assertTrue(r.relaxes());
    }

    @Test
    void any_owner_may_raise_a_customer_target() {
        checkout.revise(0.9995, Owner.engineering("payments-eng"), "we deliver better than promised");
        checkout.revise(0.9999, Owner.product("payments-pm"), "customers ask for more");
        assertEquals(0.9999, checkout.spec().target());
        assertEquals(2, checkout.revisions().size());
    }

    @Test
    void internal_target_may_be_lowered_or_raised_by_any_owner() {
        auth.revise(0.999, Owner.engineering("identity"), "noisy pages");
        auth.revise(0.9999, Owner.team("identity"), "cache fixed");
        assertEquals(0.9999, auth.spec().target());
    }

    @Test
    void a_stranger_is_rejected_on_both_audiences_in_both_directions() {
        Owner stranger = Owner.engineering("growth");
        assertThrows(DecisionRightsException.class, () -> checkout.revise(0.9999, stranger, "raise"));
        assertThrows(DecisionRightsException.class, () -> checkout.revise(0.99, stranger, "lower"));
        assertThrows(DecisionRightsException.class, () -> auth.revise(0.9999, stranger, "raise"));
        DecisionRightsException e = assertThrows(DecisionRightsException.class, () -> auth.revise(0.99, stranger, "lower"));
        assertTrue(e.getMessage().contains("engineering:growth"), e.getMessage());
        assertEquals(0.999, checkout.spec().target());
        assertEquals(0.9995, auth.spec().target());
    }

    @Test
    void the_right_name_in_the_wrong_role_does_not_match() {
        // "identity" owns auth as engineering; as product it is someone else.
        assertThrows(DecisionRightsException.class, () -> auth.revise(0.99, Owner.product("identity"), "lower"));
        // payments-pm owns checkout as product; as engineering it may not lower it.
        assertThrows(DecisionRightsException.class, () -> checkout.revise(0.99, Owner.engineering("payments-pm"), "lower"));
    }

    @Test
    void team_equals_engineering() {
        assertEquals(Owner.engineering("identity"), Owner.team("identity"));
        assertEquals(Owner.engineering("identity").hashCode(), Owner.team("identity").hashCode());
        assertNotEquals(Owner.product("identity"), Owner.team("identity"));
    }

    @Test
    void bad_input_is_rejected_with_the_value_and_nothing_changes() {
        Owner pm = Owner.product("payments-pm");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> checkout.revise(99.5, pm, "x"))
                .getMessage().contains("99.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> checkout.revise(0.999, pm, "same"))
                .getMessage().contains("0.999"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> checkout.revise(0.99, pm, "  "))
                .getMessage().contains("reason"));
        assertTrue(assertThrows(NullPointerException.class, () -> checkout.revise(0.99, null, "x"))
                .getMessage().contains("actor"));
        assertTrue(assertThrows(NullPointerException.class, () -> checkout.revise(0.99, pm, null))
                .getMessage().contains("reason"));
        assertEquals(0.999, checkout.spec().target());
        assertTrue(checkout.revisions().isEmpty());
    }

    /** On a CUSTOMER SLO a matching engineering owner may raise the target but not lower it back. */
    @Test
    void engineeringRaisesButCannotLowerACustomerTarget() {
        SloRegistry registry = SloRegistry.create(Fixtures.clock());
        Slo checkout = registry.define("checkout").customerFacing("Checkout completes")
                .ownedBy(Owner.product("pm"), Owner.team("eng")).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(Duration.ofDays(30))).register();
        checkout.revise(0.995, Owner.engineering("eng"), "we can do better");   // team("eng") == engineering("eng")
        assertThrows(DecisionRightsException.class, () -> checkout.revise(0.99, Owner.engineering("eng"), "back"));
        assertEquals(0.995, checkout.spec().target());
        checkout.revise(0.99, Owner.product("pm"), "back, agreed");
        assertEquals(List.of(0.995, 0.99), checkout.revisions().stream().map(Revision::to).toList());
    }
}
