package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cascades rooted at internal SLOs apply wherever those SLOs appear: a tree. */
final class CascadeNestingTest {
    private final CascadeFixture f = new CascadeFixture();

    @Test
    void aNestedCascadeAppliesWhereItsRootIsADependency() {
        Slo checkout = f.customer("checkout", 0.999);
        Slo payments = f.internal("payments", 0.9995);
        Slo db = f.internal("db", 0.9999);
        Slo ledger = f.internal("ledger", 0.9999);
        Cascade journey = f.slos.cascade(checkout).dependsOn(payments).build();
        f.slos.cascade(payments).dependsOn(db).dependsOn(ledger).build(); // built later, still applies
        // 0.9995 * 0.9999 * 0.9999 = 0.999300109995
        assertEquals(0.999300109995, journey.compoundedTarget(), 1e-15);
        assertEquals(List.of(payments), journey.dependencies());
        assertEquals(List.of(payments, db, ledger), journey.allDependencies());
    }

    @Test
    void aDependencyReachedByTwoPathsCountsOnce() {
        Slo checkout = f.customer("checkout", 0.999);
        Slo auth = f.internal("auth", 0.9995);
        Slo payments = f.internal("payments", 0.9995);
        Slo db = f.internal("db", 0.9999);
        Cascade journey = f.slos.cascade(checkout).dependsOn(auth).dependsOn(payments).build();
        f.slos.cascade(auth).dependsOn(db).build();
        f.slos.cascade(payments).dependsOn(db).build();
        // db once: 0.9995^2 * 0.9999 = 0.99900025 * 0.9999 = 0.998900349975
        assertEquals(0.998900349975, journey.compoundedTarget(), 1e-15);
        assertEquals(List.of(auth, payments, db), journey.allDependencies());
        db.recordCounts(90, 10);
        f.clock.advance(Duration.ofMinutes(1));
        assertEquals(0.9, journey.predictedAttainment(), 1e-12); // db's 0.9 once, not 0.81
        assertEquals(List.of(db), journey.blame().stream().filter(x -> x.share() > 0).map(Contribution::slo).toList());
    }

    @Test
    void sharesMultiplyAlongThePath() {
        Slo checkout = f.customer("checkout", 0.999);
        Slo search = f.internal("search", 0.9999);
        Slo index = f.internal("index", 0.999);
        Cascade journey = f.slos.cascade(checkout).dependsOn(search, 0.25).build();
        f.slos.cascade(search).dependsOn(index, 0.5).build();
        // search: 1 - 0.25 * 0.0001 = 0.999975; index on 0.25 * 0.5 = 0.125 of checkouts: 1 - 0.125 * 0.001 = 0.999875
        // 0.999975 * 0.999875 = 0.999850003125
        assertEquals(0.999850003125, journey.compoundedTarget(), 1e-15);
    }

    @Test
    void aGroupMemberStandsForItsOwnSubtree() {
        Slo checkout = f.customer("checkout", 0.999);
        Slo regionA = f.internal("region-a", 0.99);
        Slo regionB = f.internal("region-b", 0.99);
        Slo dbA = f.internal("db-a", 0.99);
        Cascade journey = f.slos.cascade(checkout).dependsOnAny(regionA, regionB).build();
        f.slos.cascade(regionA).dependsOn(dbA).build();
        // region-a with its db: 0.99 * 0.99 = 0.9801 fails 0.0199; region-b fails 0.01
        // group: 1 - 0.0199 * 0.01 = 0.999801
        assertEquals(0.999801, journey.compoundedTarget(), 1e-15);
        assertEquals(List.of(regionA, regionB, dbA), journey.allDependencies());
    }

    @Test
    void registryListsCascadesInBuildOrderAndFindsThemByRoot() {
        Slo checkout = f.customer("checkout", 0.999);
        Slo payments = f.internal("payments", 0.9995);
        Slo db = f.internal("db", 0.9999);
        Cascade second = f.slos.cascade(payments).dependsOn(db).build();
        Cascade first = f.slos.cascade(checkout).dependsOn(payments).build();
        assertEquals(List.of(second, first), f.slos.cascades());
        assertSame(first, f.slos.cascadeRootedAt(checkout).orElseThrow());
        assertSame(checkout, first.root());
        assertTrue(f.slos.cascadeRootedAt(db).isEmpty());
    }
    @Test
    void aNestedDependencyWarnsWithItsShareAlongThePath() {
        Slo checkout = f.customer("checkout", 0.999);
        Slo search = f.internal("search", 0.9999);
        Slo index = f.internal("index", 0.9999);
        Cascade journey = f.slos.cascade(checkout).dependsOn(search, 0.5).build();
        f.slos.cascade(search).dependsOn(index).build();
        f.clock.advance(Duration.ofHours(1));
        index.recordCounts(90, 10); // fails 10% of its calls, made by half of the checkouts
        f.clock.advance(Duration.ofMinutes(1));
        // 0.5 * 0.1 / 0.001 = 50 >= 14.4
        EarlyWarning first = journey.earlyWarnings().get(0);
        assertEquals(index, first.dependency());
        assertEquals(50.0, first.predictedBurnRate(), 1e-9);
        // and the prediction: 1 - 0.5 * 0.1 = 0.95 over the last hour -> burn (1 - 0.95) / 0.001 = 50
        assertEquals(50.0, journey.predictedBurnRate(Duration.ofHours(1)), 1e-9);
    }

    @Test
    void checkComparesEveryReachableDependencyWithTheRoot() {
        Slo checkout = f.customer("checkout", 0.999);
        Slo payments = f.internal("payments", 0.9999);
        Slo ledger = f.internal("ledger", 0.999);
        Cascade journey = f.slos.cascade(checkout).dependsOn(payments).build();
        f.slos.cascade(payments).dependsOn(ledger).build();
        List<Finding> findings = journey.check();
        // ledger 0.999 is not above checkout's 0.999, and 0.9999 * 0.999 = 0.9989001 < 0.999
        assertEquals(List.of(FindingKind.INTERNAL_NOT_TIGHTER, FindingKind.CASCADE_TARGET_UNREACHABLE),
                findings.stream().map(Finding::kind).toList());
        assertEquals("ledger", findings.get(0).slo());
    }

    @Test
    void aLooseRedundantGroupIsNotTighter() {
        Slo checkout = f.customer("checkout", 0.9999);
        Slo a = f.internal("a", 0.99);
        Slo b = f.internal("b", 0.99);
        Cascade journey = f.slos.cascade(checkout).dependsOnAny(a, b).build();
        // group 1 - 0.01^2 = 0.9999, not above 0.9999: a finding for each member, and no more than that
        List<Finding> findings = journey.check();
        assertEquals(List.of("a", "b"), findings.stream().map(Finding::slo).toList());
        assertTrue(findings.stream().allMatch(x -> x.kind() == FindingKind.INTERNAL_NOT_TIGHTER));
    }

    @Test
    void aCalendarMonthRootIsPredictedOverItsCurrentMonth() {
        Slo checkout = f.slos.define("checkout").customerFacing("Checkout completes")
                .ownedBy(Owner.product("pm"), Owner.engineering("eng")).sli(Sli.ratio()).target(0.999)
                .window(Window.calendarMonth(java.time.ZoneOffset.UTC)).register();
        Slo db = f.internal("db", 0.9999);
        Cascade journey = f.slos.cascade(checkout).dependsOn(db).build();
        db.recordCounts(0, 100);                       // January: all bad
        f.clock.advance(Duration.ofDays(31));          // February 1st, 00:00
        db.recordCounts(99, 1);                        // February: 0.99
        f.clock.advance(Duration.ofMinutes(1));
        assertEquals(0.99, journey.predictedAttainment(), 1e-12);
    }

    @Test
    void concurrentBuildsNeverCloseACycle() throws Exception {
        // a -> b and b -> a built at once, 200 times: exactly one wins each race; the other is refused as the
        // cycle it would close, named from its own root ("b -> a -> b" when a -> b was built first).
        for (int round = 0; round < 200; round++) {
            CascadeFixture g = new CascadeFixture();
            Slo a = g.internal("a", 0.999);
            Slo b = g.internal("b", 0.999);
            CascadeBuilder ab = g.slos.cascade(a).dependsOn(b);
            CascadeBuilder ba = g.slos.cascade(b).dependsOn(a);
            java.util.concurrent.atomic.AtomicInteger ready = new java.util.concurrent.atomic.AtomicInteger();
            Object[] outcomes = new Object[2];             // the Cascade built, or the Throwable thrown
            Thread t1 = new Thread(() -> outcomes[0] = build(ready, ab));
            Thread t2 = new Thread(() -> outcomes[1] = build(ready, ba));
            t1.start();
            t2.start();
            t1.join();
            t2.join();
            String where = "round " + round + ": " + java.util.Arrays.toString(outcomes);
            long built = java.util.Arrays.stream(outcomes).filter(o -> o instanceof Cascade).count();
            assertEquals(1, built, where);
            int winner = outcomes[0] instanceof Cascade ? 0 : 1;
            Slo winnerRoot = winner == 0 ? a : b;
            Slo loserRoot = winner == 0 ? b : a;
            Object refused = outcomes[1 - winner];
            assertInstanceOf(IllegalArgumentException.class, refused, where);
            assertEquals("dependencies must not form a cycle, got " + loserRoot.name() + " -> " + winnerRoot.name()
                    + " -> " + loserRoot.name(), ((Throwable) refused).getMessage(), where);
            assertEquals(List.of(outcomes[winner]), g.slos.cascades(), where);
            assertEquals(winnerRoot, ((Cascade) outcomes[winner]).root());
        }
    }

    /** Builds once both threads are ready, spinning (not parking) so that they start within nanoseconds. */
    private static Object build(java.util.concurrent.atomic.AtomicInteger ready, CascadeBuilder builder) {
        ready.incrementAndGet();
        while (ready.get() < 2) {
            Thread.onSpinWait();
        }
        try {
            return builder.build();
        } catch (Throwable t) {
            return t;
        }
    }
}
