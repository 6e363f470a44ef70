package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

/** Invariants of the cascade math, for any targets, shares and observed attainments. */
final class CascadeProperties {

    /** A dependency as generated: its target, its share of the root's events, its observed good and bad. */
    record Dep(double target, double share, long good, long bad) {}

    /** Targets mostly real (0.99 to 0.99999, three in four), failures mostly rare (bad up to 1% of good, three in four). */
    @Provide
    Arbitrary<Dep> deps() {
        Arbitrary<Double> targets = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.doubles().between(0.99, 0.99999).ofScale(5)),
                Tuple.of(1, Arbitraries.doubles().between(0.9, 0.99999).ofScale(5)));
        Arbitrary<long[]> counts = Arbitraries.longs().between(0, 10_000).flatMap(good -> Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(0, good / 100)),
                Tuple.of(1, Arbitraries.longs().between(0, 1_000))).map(bad -> new long[] {good, bad}));
        return Combinators.combine(targets, Arbitraries.doubles().between(0.01, 1.0).ofScale(2), counts)
                .as((target, share, c) -> new Dep(target, share, c[0], c[1]));
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

    /**
     * The compounded target and the predicted attainment against an oracle worked in BigDecimal from the
     * definition: a critical dependency with share s and availability v contributes 1 - s * (1 - v); a
     * redundant group fails only when every member fails, so it contributes 1 - Π (1 - v_m). Availability is
     * the target, or the observed good / (good + bad) (1 with no events).
     */
    @Property(tries = 300)
    void compoundedTargetAndPrediction_matchTheProductOfTheDefinition(
            @ForAll @Size(min = 1, max = 6) List<@From("deps") Dep> deps, @ForAll @IntRange(min = 0, max = 6) int groupFrom) {
        int from = Math.min(groupFrom, deps.size());
        Cascade cascade = build(new CascadeFixture(), deps, from);
        BigDecimal byTarget = BigDecimal.ONE;
        BigDecimal byAttainment = BigDecimal.ONE;
        List<Dep> group = deps.subList(from, deps.size());
        for (Dep d : deps.subList(0, from)) {
            byTarget = byTarget.multiply(critical(d.share(), exact(d.target())), MathContext.DECIMAL128);
            byAttainment = byAttainment.multiply(critical(d.share(), attainment(d)), MathContext.DECIMAL128);
        }
        if (group.size() == 1) {                            // build() makes a lone last dependency critical
            Dep d = group.get(0);
            byTarget = byTarget.multiply(critical(d.share(), exact(d.target())), MathContext.DECIMAL128);
            byAttainment = byAttainment.multiply(critical(d.share(), attainment(d)), MathContext.DECIMAL128);
        } else if (group.size() > 1) {
            BigDecimal allFailTarget = BigDecimal.ONE;
            BigDecimal allFailObserved = BigDecimal.ONE;
            for (Dep d : group) {
                allFailTarget = allFailTarget.multiply(BigDecimal.ONE.subtract(exact(d.target())), MathContext.DECIMAL128);
                allFailObserved = allFailObserved.multiply(BigDecimal.ONE.subtract(attainment(d)), MathContext.DECIMAL128);
            }
            byTarget = byTarget.multiply(BigDecimal.ONE.subtract(allFailTarget), MathContext.DECIMAL128);
            byAttainment = byAttainment.multiply(BigDecimal.ONE.subtract(allFailObserved), MathContext.DECIMAL128);
        }
        assertEquals(byTarget.doubleValue(), cascade.compoundedTarget(), 1e-13, deps + " group from " + from);
        assertEquals(byAttainment.doubleValue(), cascade.predictedAttainment(), 1e-13, deps + " group from " + from);
    }

    @Example
    void aRedundantPairOfThreeNinesIsSixNines() {
        // 1 - (1 - 0.999)^2 = 1 - 0.000001 = 0.999999; with a critical 0.9995 at share 0.5: x (1 - 0.5 * 0.0005) = 0.99975
        CascadeFixture f = new CascadeFixture();
        Cascade cascade = f.slos.cascade(f.customer("root", 0.99)).dependsOnAny(f.internal("a", 0.999), f.internal("b", 0.999))
                .dependsOn(f.internal("c", 0.9995), 0.5).build();
        assertEquals(0.999999 * 0.99975, cascade.compoundedTarget(), 1e-15);   // 0.99974900025
        assertEquals(0.99974900025, cascade.compoundedTarget(), 1e-15);
    }

    private static BigDecimal critical(double share, BigDecimal availability) {
        return BigDecimal.ONE.subtract(exact(share).multiply(BigDecimal.ONE.subtract(availability)));
    }

    private static BigDecimal exact(double written) {
        return new BigDecimal(Double.toString(written));
    }

    private static BigDecimal attainment(Dep d) {
        long total = d.good() + d.bad();
        return total == 0 ? BigDecimal.ONE : BigDecimal.valueOf(d.good()).divide(BigDecimal.valueOf(total), MathContext.DECIMAL128);
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
