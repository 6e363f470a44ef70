package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

/** Invariants of the cascade math, for any targets, shares and observed attainments. */
final class CascadeProperties {

    /** A dependency as generated: its target, its share of the root's events, its observed good and bad. */
    record Dep(double target, double share, long good, long bad) {}

    @Provide
    Arbitrary<Dep> deps() {
        return Combinators.combine(
                        Arbitraries.doubles().between(0.9, 0.99999).ofScale(5),
                        Arbitraries.doubles().between(0.01, 1.0).ofScale(2),
                        Arbitraries.longs().between(0, 10_000),
                        Arbitraries.longs().between(0, 1_000))
                .as(Dep::new);
    }

    private static Cascade build(CascadeFixture f, List<Dep> deps, int groupFrom) {
        Slo root = f.customer("root", 0.99);
        CascadeBuilder builder = f.slos.cascade(root);
        List<Slo> group = new ArrayList<>();
        for (int i = 0; i < deps.size(); i++) {
            Dep d = deps.get(i);
            Slo slo = f.internal("dep-" + i, d.target());
            slo.recordCounts(d.good(), d.bad());
            if (i >= groupFrom) {
                group.add(slo);
            } else {
                builder.dependsOn(slo, d.share());
            }
        }
        if (group.size() == 1) {
            builder.dependsOn(group.get(0), deps.get(groupFrom).share());
        } else if (group.size() > 1) {
            builder.dependsOnAny(group.toArray(Slo[]::new));
        }
        Cascade cascade = builder.build();
        f.clock.advance(Duration.ofMinutes(1));
        return cascade;
    }

    @Property(tries = 300)
    void addingACriticalDependencyNeverRaisesTheCompoundedTarget(
            @ForAll @Size(min = 1, max = 6) List<@From("deps") Dep> deps, @ForAll("deps") Dep extra) {
        double before = build(new CascadeFixture(), deps, deps.size()).compoundedTarget();
        List<Dep> more = new ArrayList<>(deps);
        more.add(extra);
        double after = build(new CascadeFixture(), more, more.size()).compoundedTarget();
        assertTrue(after <= before, after + " > " + before);
    }

    @Property(tries = 300)
    void redundancyNeverLowersTheCompoundedTarget(
            @ForAll @Size(min = 1, max = 5) List<@From("deps") Dep> deps, @ForAll("deps") Dep spare) {
        // the last dependency critical on every event, then the same one backed by a spare
        List<Dep> alone = new ArrayList<>(deps);
        Dep last = alone.remove(alone.size() - 1);
        alone.add(new Dep(last.target(), 1.0, last.good(), last.bad()));
        double single = build(new CascadeFixture(), alone, alone.size()).compoundedTarget();
        List<Dep> backed = new ArrayList<>(alone);
        backed.add(spare);
        double redundant = build(new CascadeFixture(), backed, alone.size() - 1).compoundedTarget();
        assertTrue(redundant >= single, redundant + " < " + single);
    }

    @Property(tries = 300)
    void blameSharesAreNonNegativeAndSumToOne(
            @ForAll @Size(min = 1, max = 6) List<@From("deps") Dep> deps, @ForAll @IntRange(min = 0, max = 6) int groupFrom) {
        List<Contribution> blame = build(new CascadeFixture(), deps, Math.min(groupFrom, deps.size())).blame();
        assertEquals(deps.size(), blame.size());
        double sum = 0;
        for (int i = 0; i < blame.size(); i++) {
            assertTrue(blame.get(i).share() >= 0);
            assertTrue(i == 0 || blame.get(i - 1).share() >= blame.get(i).share(), "largest first");
            sum += blame.get(i).share();
        }
        assertEquals(1.0, sum, 1e-9);
    }

    @Property(tries = 300)
    void compoundedTargetNeverExceedsTheWeakestCriticalFactor(@ForAll @Size(min = 1, max = 6) List<@From("deps") Dep> deps) {
        Cascade cascade = build(new CascadeFixture(), deps, deps.size());
        for (Dep d : deps) {
            assertTrue(cascade.compoundedTarget() <= 1 - d.share() * (1 - d.target()) + 1e-15);
        }
    }

    /**
     * The customer's failures are exactly the union of independent internal failures: each event calls
     * dependency i with probability share_i and that call fails with probability q_i, all independent; the
     * event is bad when any call failed. Then the observed customer attainment matches the prediction
     * within sampling error (6 standard deviations of the two estimates).
     */
    @Property(tries = 50)
    void predictionEqualsObservedWhenFailuresAreTheUnionOfIndependentInternalFailures(
            @ForAll long seed,
            @ForAll @Size(min = 1, max = 4) List<@DoubleRange(min = 0.0, max = 0.02) @Scale(4) Double> failureRates,
            @ForAll @Size(min = 4, max = 4) List<@DoubleRange(min = 0.1, max = 1.0) Double> shares) {
        Random random = new Random(seed);
        CascadeFixture f = new CascadeFixture();
        Slo root = f.customer("checkout", 0.99);
        CascadeBuilder builder = f.slos.cascade(root);
        int n = failureRates.size();
        Slo[] slos = new Slo[n];
        for (int i = 0; i < n; i++) {
            slos[i] = f.internal("dep-" + i, 0.999);
            builder.dependsOn(slos[i], shares.get(i));
        }
        Cascade cascade = builder.build();
        int events = 100_000;
        long[] good = new long[n];
        long[] bad = new long[n];
        long rootBad = 0;
        for (int e = 0; e < events; e++) {
            boolean failed = false;
            for (int i = 0; i < n; i++) {
                if (random.nextDouble() < shares.get(i)) {
                    if (random.nextDouble() < failureRates.get(i)) {
                        bad[i]++;
                        failed = true;
                    } else {
                        good[i]++;
                    }
                }
            }
            rootBad += failed ? 1 : 0;
        }
        for (int i = 0; i < n; i++) {
            slos[i].recordCounts(good[i], bad[i]);
        }
        root.recordCounts(events - rootBad, rootBad);
        f.clock.advance(Duration.ofMinutes(1));
        double predictedBad = 1 - cascade.predictedAttainment();
        double observedBad = 1 - root.errorBudget().attainment();
        double sigma = Math.sqrt(Math.max(predictedBad, 1.0 / events) / events);
        assertEquals(predictedBad, observedBad, 6 * sigma * Math.sqrt(2));
    }
    /**
     * Any acyclic web of nested cascades, all shares 1: the root's compounded target is the product of the
     * targets of the SLOs it reaches, each counted once however many paths lead to it.
     */
    @Property(tries = 300)
    void aDependencyReachedByManyPathsCountsOnce(
            @ForAll @Size(min = 2, max = 7) List<@DoubleRange(min = 0.99, max = 0.99999) @Scale(5) Double> targets,
            @ForAll long seed) {
        Random random = new Random(seed);
        CascadeFixture f = new CascadeFixture();
        Slo root = f.customer("root", 0.9);
        int n = targets.size();
        Slo[] slos = new Slo[n];
        for (int i = 0; i < n; i++) {
            slos[i] = f.internal("s" + i, targets.get(i));
        }
        // edges only from lower to higher index (and root -> 0): acyclic by construction
        boolean[] reached = new boolean[n];
        reached[0] = true;
        f.slos.cascade(root).dependsOn(slos[0]).build();
        for (int i = 0; i < n - 1; i++) {
            CascadeBuilder builder = f.slos.cascade(slos[i]);
            boolean any = false;
            for (int j = i + 1; j < n; j++) {
                if (random.nextInt(3) == 0 || j == i + 1 && random.nextBoolean()) {
                    builder.dependsOn(slos[j]);
                    any = true;
                    reached[j] |= reached[i];
                }
            }
            if (any) {
                builder.build();
            }
        }
        double expected = 1.0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (reached[i]) {
                expected *= targets.get(i);
                count++;
            }
        }
        Cascade cascade = f.slos.cascadeRootedAt(root).orElseThrow();
        assertEquals(expected, cascade.compoundedTarget(), 1e-12);
        assertEquals(count, cascade.allDependencies().size());
    }
}
