package dev.slo;

import static dev.slo.Rejections.rejects;
import static dev.slo.Rejections.row;
import static dev.slo.Rejections.withEvents;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Bad input to cascades: {@link SloRegistry#cascade}, {@link CascadeBuilder} (dependencies, shares,
 * groups, cycles) and {@link Cascade}'s queries.
 */
final class CascadeBadInputTest implements Rejections.Table {
    private final CascadeFixture f = new CascadeFixture();
    private final Slo checkout = f.customer("checkout", 0.999);
    private final Slo auth = f.internal("auth", 0.9995);
    private final Slo payments = f.internal("payments", 0.9995);

    @Test
    void shareAboveOne() {
        var e = assertThrows(IllegalArgumentException.class, () -> f.slos.cascade(checkout).dependsOn(auth, 1.5));
        assertEquals("share must be in (0,1], got 1.5", e.getMessage());
    }

    @Test
    void shareAsAPercentageGetsAHint() {
        var e = assertThrows(IllegalArgumentException.class, () -> f.slos.cascade(checkout).dependsOn(auth, 25));
        assertEquals("share must be in (0,1], got 25.0 (did you mean 0.25?)", e.getMessage());
    }

    @Test
    void shareZeroNegativeOrNaN() {
        CascadeBuilder b = f.slos.cascade(checkout);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.dependsOn(auth, 0)).getMessage().contains("got 0.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.dependsOn(auth, -0.1)).getMessage().contains("got -0.1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> b.dependsOn(auth, Double.NaN)).getMessage().contains("got NaN"));
    }

    @Test
    void nullRootOrDependency() {
        assertEquals("root must not be null", assertThrows(NullPointerException.class, () -> f.slos.cascade(null)).getMessage());
        assertEquals("dependency must not be null",
                assertThrows(NullPointerException.class, () -> f.slos.cascade(checkout).dependsOn(null)).getMessage());
        assertEquals("members must not be null",
                assertThrows(NullPointerException.class, () -> f.slos.cascade(checkout).dependsOnAny((Slo[]) null)).getMessage());
        assertEquals("members[1] must not be null",
                assertThrows(NullPointerException.class, () -> f.slos.cascade(checkout).dependsOnAny(auth, null)).getMessage());
    }

    @Test
    void dependencyFromAnotherRegistry() {
        CascadeFixture other = new CascadeFixture();
        Slo foreign = other.internal("auth", 0.9999);
        var e = assertThrows(IllegalArgumentException.class, () -> f.slos.cascade(checkout).dependsOn(foreign));
        assertEquals("dependency must belong to this registry, got \"auth\" from another one", e.getMessage());
        var r = assertThrows(IllegalArgumentException.class, () -> other.slos.cascade(checkout));
        assertEquals("root must belong to this registry, got \"checkout\" from another one", r.getMessage());
    }

    @Test
    void rootAsItsOwnDependency() {
        var e = assertThrows(IllegalArgumentException.class, () -> f.slos.cascade(checkout).dependsOn(checkout));
        assertEquals("dependency must not be the cascade's root, got \"checkout\"", e.getMessage());
        var g = assertThrows(IllegalArgumentException.class, () -> f.slos.cascade(checkout).dependsOnAny(auth, checkout));
        assertEquals("members[1] must not be the cascade's root, got \"checkout\"", g.getMessage());
    }

    @Test
    void sameDependencyTwice() {
        CascadeBuilder b = f.slos.cascade(checkout).dependsOn(auth);
        var e = assertThrows(IllegalArgumentException.class, () -> b.dependsOn(auth, 0.5));
        assertEquals("dependency is already a dependency of \"checkout\", got \"auth\" again", e.getMessage());
        var g = assertThrows(IllegalArgumentException.class, () -> b.dependsOnAny(payments, payments));
        assertEquals("members must be distinct, got \"payments\" twice", g.getMessage());
    }

    @Test
    void groupOfOne() {
        var e = assertThrows(IllegalArgumentException.class, () -> f.slos.cascade(checkout).dependsOnAny(auth));
        assertEquals("members must hold at least 2 SLOs (a single one is dependsOn), got 1", e.getMessage());
    }

    @Test
    void noDependencies() {
        var e = assertThrows(IllegalStateException.class, () -> f.slos.cascade(checkout).build());
        assertTrue(e.getMessage().startsWith("dependencies:"), e.getMessage());
        assertEquals(List.of(), f.slos.cascades());
    }

    @Test
    void aCycleIsRejectedNamingItsPath() {
        f.slos.cascade(checkout).dependsOn(auth).build();
        f.slos.cascade(auth).dependsOn(payments).build();
        var e = assertThrows(IllegalArgumentException.class, () -> f.slos.cascade(payments).dependsOn(checkout).build());
        assertEquals("dependencies must not form a cycle, got payments -> checkout -> auth -> payments", e.getMessage());
        assertEquals(2, f.slos.cascades().size());
        assertTrue(f.slos.cascadeRootedAt(payments).isEmpty());
    }

    @Test
    void oneCascadePerRoot() {
        CascadeBuilder early = f.slos.cascade(checkout).dependsOn(auth);
        f.slos.cascade(checkout).dependsOn(payments).build();
        var e = assertThrows(IllegalArgumentException.class, early::build);
        assertEquals("root must have one cascade only, got \"checkout\" which already has one", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> f.slos.cascade(checkout));
        assertEquals(List.of(payments), f.slos.cascadeRootedAt(checkout).orElseThrow().dependencies());
    }

    @Test
    void predictedBurnRateLookBack() {
        Cascade c = f.slos.cascade(checkout).dependsOn(auth).build();
        assertEquals("lookBack must not be null", assertThrows(NullPointerException.class, () -> c.predictedBurnRate(null)).getMessage());
        assertEquals("lookBack must be positive (at least 1 ms), got 0s",
                assertThrows(IllegalArgumentException.class, () -> c.predictedBurnRate(Duration.ZERO)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> c.predictedBurnRate(Duration.ofDays(400)))
                .getMessage().endsWith("got 400d"));
        // Past Long.MAX_VALUE ms: refused by name and value, not with an ArithmeticException from toMillis.
        String huge = assertThrows(IllegalArgumentException.class,
                () -> c.predictedBurnRate(Duration.ofSeconds(Long.MAX_VALUE))).getMessage();
        assertTrue(huge.startsWith("lookBack must be at most "), huge);
    }

    @Test
    void rejectedCallsLeaveRecordedEventsAlone() {
        auth.recordCounts(10, 1);
        assertThrows(IllegalArgumentException.class, () -> f.slos.cascade(checkout).dependsOn(auth, 2));
        assertEquals(11, auth.errorBudget().total());
    }

    @Test
    void cascadesRejectBadDependenciesAndShares() {
        ManualClock clock = Fixtures.clock();
        SloRegistry slos = SloRegistry.create(clock);
        Slo root = withEvents(Fixtures.ratioSlo(slos, "root", 0.99, Window.rolling(Fixtures.DAYS_30)));
        Slo dep = Fixtures.ratioSlo(slos, "dep", 0.999, Window.rolling(Fixtures.DAYS_30));
        Slo other = Fixtures.ratioSlo(SloRegistry.create(clock), "elsewhere", 0.999, Window.rolling(Fixtures.DAYS_30));
        rejects(NullPointerException.class, root, () -> slos.cascade(null), "root");
        rejects(IllegalArgumentException.class, root, () -> slos.cascade(other), "root", "elsewhere");
        CascadeBuilder builder = slos.cascade(root);
        rejects(NullPointerException.class, root, () -> builder.dependsOn(null), "dependency");
        rejects(IllegalArgumentException.class, root, () -> builder.dependsOn(dep, 0.0), "share", "0.0");
        rejects(IllegalArgumentException.class, root, () -> builder.dependsOn(dep, 25), "share", "25", "0.25");
        rejects(IllegalArgumentException.class, root, () -> builder.dependsOn(dep, Double.NaN), "share", "NaN");
        rejects(IllegalArgumentException.class, root, () -> builder.dependsOn(root), "dependency", "root");
        rejects(IllegalArgumentException.class, root, () -> builder.dependsOn(other), "dependency", "elsewhere");
        rejects(NullPointerException.class, root, () -> builder.dependsOnAny(dep, null), "members[1]");
        rejects(IllegalArgumentException.class, root, () -> builder.dependsOnAny(dep), "members", "1");
        rejects(IllegalArgumentException.class, root, () -> builder.dependsOnAny(dep, dep), "members", "dep");
        rejects(IllegalStateException.class, root, builder::build, "dependencies");
        Cascade cascade = builder.dependsOn(dep).build();
        rejects(NullPointerException.class, root, () -> cascade.predictedBurnRate(null), "lookBack");
        rejects(IllegalArgumentException.class, root, () -> cascade.predictedBurnRate(Duration.ofMinutes(-5)),
                "lookBack", "-5m");
        rejects(NullPointerException.class, root, () -> cascade.share(null), "dependency");
        rejects(IllegalArgumentException.class, root, () -> slos.cascade(root), "root", "root");
        rejects(IllegalArgumentException.class, root, () -> slos.cascade(dep).dependsOn(root).build(), "root");
        assertEquals(List.of(cascade), slos.cascades(), "rejected cascades are not added");
    }

    /** The rows this type adds to the table of rejected calls that {@link Rejections.Table} runs. */
    static Stream<Arguments> cases() {
        return Stream.of(
                row("cascade share as a percentage", w -> w.slos.cascade(w.auth).dependsOn(w.fresh, 25),
                        IllegalArgumentException.class, "share must be in (0,1], got 25.0 (did you mean 0.25?)"),
                row("a second cascade for a root", w -> w.slos.cascade(w.checkout),
                        IllegalArgumentException.class, "root must have one cascade only, got \"checkout\""),
                row("a cascade closing a cycle", w -> w.slos.cascade(w.auth).dependsOn(w.checkout).build(),
                        IllegalArgumentException.class, "dependencies must not form a cycle, got auth-latency -> checkout -> auth-latency"));
    }
}
