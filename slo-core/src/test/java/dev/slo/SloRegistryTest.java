package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link SloRegistry}: its clock, find and all in definition order, independent registries, one SLO a name. */
final class SloRegistryTest {

    @Test
    void create_usesTheSystemUtcClock_orTheOneGiven() {
        assertEquals(Clock.systemUTC().getZone(), SloRegistry.create().clock().getZone());
        ManualClock clock = Fixtures.clock();
        assertSame(clock, SloRegistry.create(clock).clock());
    }

    @Test
    void find_andAll_inDefinitionOrder() {
        SloRegistry slos = SloRegistry.create(Fixtures.clock());
        Slo b = Fixtures.complete(slos, "b-second").register();
        Slo a = Fixtures.complete(slos, "a-first").register();
        Slo c = Fixtures.complete(slos, "c:third.v1_x").register();
        assertEquals(List.of(b, a, c), slos.all());
        assertEquals(Optional.of(a), slos.find("a-first"));
        assertEquals(Optional.empty(), slos.find("missing"));
        assertSame(slos, a.registry());
        assertEquals("a-first", a.name());
    }

    @Test
    void all_isASnapshot() {
        SloRegistry slos = SloRegistry.create(Fixtures.clock());
        Fixtures.complete(slos, "one").register();
        List<Slo> before = slos.all();
        Fixtures.complete(slos, "two").register();
        assertEquals(1, before.size());
        assertEquals(2, slos.all().size());
        assertThrows(UnsupportedOperationException.class, () -> before.clear());
    }

    @Test
    void registries_areIndependent() {
        ManualClock clock = Fixtures.clock();
        SloRegistry first = SloRegistry.create(clock);
        SloRegistry second = SloRegistry.create(clock);
        Slo one = Fixtures.complete(first, "same-name").register();
        Slo two = Fixtures.complete(second, "same-name").register();
        one.recordCounts(5, 1);
        assertEquals(6, one.errorBudget().total());
        assertEquals(0, two.errorBudget().total());
        assertEquals(List.of(one), first.all());
        assertEquals(List.of(two), second.all());
    }

    @Test
    void define_rejectsANameAlreadyRegistered() {
        SloRegistry slos = SloRegistry.create(Fixtures.clock());
        Slo original = Fixtures.complete(slos, "checkout").register();
        original.record(false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> slos.define("checkout"));
        assertTrue(e.getMessage().contains("\"checkout\""), e.getMessage());
        assertEquals(List.of(original), slos.all());
        assertEquals(1, original.errorBudget().total());
    }

    @Test
    void twoBuildersOfOneName_onlyTheFirstRegisters() {
        SloRegistry slos = SloRegistry.create(Fixtures.clock());
        SloBuilder first = Fixtures.complete(slos, "race");
        SloBuilder second = Fixtures.complete(slos, "race");
        Slo winner = first.register();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, second::register);
        assertTrue(e.getMessage().contains("\"race\""), e.getMessage());
        assertEquals(List.of(winner), slos.all());
    }
}
