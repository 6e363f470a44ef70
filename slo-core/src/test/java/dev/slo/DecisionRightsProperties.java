package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.*;
import net.jqwik.api.constraints.*;

/**
 * The decision rights as an oracle: a revision goes through exactly when the rule allows it, and a refused one
 * changes nothing.
 */
final class DecisionRightsProperties {

    @Provide
    Arbitrary<Owner> people() {
        return Combinators.combine(Arbitraries.of("ann", "bob", "core-team"), Arbitraries.of(Owner.Role.values()))
                .as(Owner::new);
    }

    @Property(tries = 200)
    void reviseSucceedsExactlyWhenTheRulesAllow(
            @ForAll Audience audience,
            @ForAll("people") Owner firstOwner,
            @ForAll("people") Owner secondOwner,
            @ForAll("people") Owner actor,
            @ForAll @IntRange(min = 1, max = 9999) int fromBasisPoints,
            @ForAll @IntRange(min = 1, max = 9999) int toBasisPoints) {
        Assume.that(!firstOwner.equals(secondOwner) && fromBasisPoints != toBasisPoints);
        double from = fromBasisPoints / 10_000.0;
        double to = toBasisPoints / 10_000.0;
        SloRegistry slos = SloRegistry.create(ManualClock.at(Instant.parse("2026-01-01T00:00:00Z")));
        SloBuilder builder = slos.define("s").ownedBy(firstOwner, secondOwner).sli(Sli.ratio()).target(from)
                .window(Window.rolling(Duration.ofDays(7)));
        Slo slo = (audience == Audience.CUSTOMER ? builder.customerFacing("x") : builder.internal("x")).register();
        slo.recordCounts(7, 3);

        boolean owner = List.of(firstOwner, secondOwner).contains(actor);
        boolean allowed = owner && (audience == Audience.INTERNAL || to > from || actor.role() == Owner.Role.PRODUCT);
        if (allowed) {
            Revision r = slo.revise(to, actor, "why");
            assertEquals(List.of(r), slo.revisions());
            assertEquals(to, slo.spec().target());
        } else {
            assertThrows(DecisionRightsException.class, () -> slo.revise(to, actor, "why"));
            assertEquals(List.of(), slo.revisions());
            assertEquals(from, slo.spec().target());
        }
        assertEquals(ErrorBudget.of(10, 7, slo.spec().target()), slo.errorBudget(), "events kept either way");
    }
}
