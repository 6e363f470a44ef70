package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared checks of the bad-input tests: a rejected call throws at once, names the parameter and the
 * value, and changes nothing.
 */
final class Rejections {
    private Rejections() {}

    /** Asserts {@code call} throws {@code type} with a message holding every fragment, and returns what it threw. */
    static <T extends Throwable> T throwsNaming(Class<T> type, Executable call, String... fragments) {
        T thrown = assertThrows(type, call);
        String message = thrown.getMessage();
        for (String fragment : fragments) {
            assertTrue(message != null && message.contains(fragment),
                    "message \"" + message + "\" should contain \"" + fragment + "\"");
        }
        return thrown;
    }

    /** As {@link #throwsNaming}, and the budget, revisions and spec of {@code slo} are as they were before the call. */
    static void rejects(Class<? extends Throwable> type, Slo slo, Executable call, String... fragments) {
        ErrorBudget before = slo.errorBudget();
        List<Revision> revisions = slo.revisions();
        SloSpec spec = slo.spec();
        throwsNaming(type, call, fragments);
        assertEquals(before, slo.errorBudget(), "a rejected call must not change what was recorded");
        assertEquals(revisions, slo.revisions());
        assertEquals(spec, slo.spec());
    }

    /** Returns {@code slo} after recording 990 good events and 10 bad ones in it. */
    static Slo withEvents(Slo slo) {
        slo.recordCounts(990, 10);
        return slo;
    }

    /** A registry on a manual clock holding one SLO, "existing", with 90 good events of 100. */
    static final class Recorded {
        final ManualClock clock = Fixtures.clock();
        final SloRegistry slos = SloRegistry.create(clock);
        final Slo slo = Fixtures.complete(slos, "existing").register();

        Recorded() {
            slo.recordCounts(90, 10);
        }

        /** A builder of a new SLO, "fresh", with no field set yet. */
        SloBuilder builder() {
            return slos.define("fresh");
        }

        /** As {@link Rejections#throwsNaming}, and the SLO still holds 90 good events of 100 and is the registry's only one. */
        void rejects(Class<? extends RuntimeException> type, Executable call, String... fragments) {
            throwsNaming(type, call, fragments);
            ErrorBudget b = slo.errorBudget();
            assertEquals(100, b.total(), "nothing recorded changes");
            assertEquals(90, b.good(), "nothing recorded changes");
            assertEquals(List.of(slo), slos.all());
        }
    }

    /** A call against a prepared {@link World}: one row of a table of rejected calls. */
    @FunctionalInterface
    interface Call {
        void run(World w) throws Throwable;
    }

    /** A registry with recorded events in every SLO, one revision, one exclusion and one cascade. */
    static final class World {
        final ManualClock clock = Fixtures.clock();
        final SloRegistry slos = SloRegistry.create(clock);
        final Owner pm = Owner.product("payments-pm");
        final Owner eng = Owner.engineering("payments-eng");
        final Slo checkout = slos.define("checkout")
                .customerFacing("Checkout completes")
                .ownedBy(pm, eng)
                .sli(Sli.ratio())
                .target(0.999)
                .window(Window.rolling(Fixtures.DAYS_30))
                .register();
        final Slo auth = slos.define("auth-latency")
                .internal("auth answers within 300 ms")
                .ownedBy(Owner.team("identity"))
                .sli(Sli.latency(Duration.ofMillis(300)))
                .target(0.9995)
                .window(Window.rolling(Fixtures.DAYS_30))
                .exclude(Exclusion.once(Fixtures.START.plus(Duration.ofDays(3)), Duration.ofHours(1), "migration"))
                .register();
        final Slo fresh = slos.define("orders-fresh")
                .internal("orders are fresh")
                .ownedBy(Owner.team("fulfilment"))
                .sli(Sli.freshness(Duration.ofMinutes(5)))
                .target(0.99)
                .window(Window.rolling(Duration.ofDays(7)))
                .register();
        final Cascade journey;

        World() {
            checkout.recordCounts(990, 10);
            auth.record(true, 120_000_000L);
            auth.record(false, 500_000_000L);
            fresh.observe(30);
            clock.advance(Duration.ofMinutes(2));
            fresh.observe(900);
            clock.advance(Duration.ofMinutes(2));
            checkout.revise(0.995, pm, "agreed in review");
            journey = slos.cascade(checkout).dependsOn(auth).build();
        }

        /** What a rejected call must leave alone. */
        List<Object> recordedState() {
            List<Object> state = new ArrayList<>();
            for (Slo slo : slos.all()) {
                ErrorBudget b = slo.errorBudget();
                state.add(List.of(slo.name(), b.good(), b.total(), slo.revisions(), slo.spec().exclusions().size(),
                        slo.spec()));
            }
            state.add(slos.cascades());
            return state;
        }
    }

    /** One row of a table of rejected calls: a label, the call, the exception it must throw and a fragment of its message. */
    static Arguments row(String label, Call call, Class<? extends Throwable> type, String fragment) {
        return Arguments.of(label, call, type, fragment);
    }

    /**
     * Runs one row against a fresh {@link World}: the call throws {@code type} with {@code fragment} in its
     * message, the message shows control characters escaped, and the recorded state and the clock are as before.
     */
    static void inWorld(String label, Call call, Class<? extends Throwable> type, String fragment) {
        World w = new World();
        List<Object> before = w.recordedState();
        Instant clockBefore = w.clock.instant();

        Throwable thrown = assertThrows(type, () -> call.run(w), label);

        String message = thrown.getMessage();
        assertTrue(message != null && message.contains(fragment),
                "message should contain <" + fragment + ">, was <" + message + ">");
        assertFalse(message.chars().anyMatch(Character::isISOControl),
                "message should show control characters escaped, was <" + message + ">");
        assertEquals(before, w.recordedState(), "a rejected call must not change what was recorded");
        assertEquals(clockBefore, w.clock.instant());
    }

    /**
     * A test class's table of rejected calls: the class supplies {@code static Stream<Arguments> cases()} of
     * {@link #row} and each row runs through {@link #inWorld}.
     */
    interface Table {
        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        default void isRejectedNamingTheValueAndChangesNothing(String label, Call call, Class<? extends Throwable> type,
                String fragment) {
            inWorld(label, call, type, fragment);
        }
    }
}
