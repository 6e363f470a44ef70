package dev.slo;

// The findings about one cascade: dependencies not stricter than the root, targets that cannot compound, and the 3-sigma unexplained gap.

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;

/**
 * What {@link Cascade#check()} finds wrong with a cascade, each finding with what to do:
 * <ul>
 *   <li>{@link FindingKind#INTERNAL_NOT_TIGHTER}: a critical dependency whose own target is not above the
 *       root's, whatever its share; a redundant group whose members' targets compound to no more than it
 *       (one finding per member);</li>
 *   <li>{@link FindingKind#CASCADE_TARGET_UNREACHABLE}: the targets compound below the root's target;</li>
 *   <li>{@link FindingKind#UNEXPLAINED_GAP}: the root's bad events exceed what its dependencies predict by
 *       more than {@value #GAP_SIGMAS} standard deviations (plus 2 events) of a binomial count, and by at
 *       least {@value #GAP_BUDGET_SHARE} of the root's allowed bad events: a failure mode no internal SLO covers.</li>
 * </ul>
 *
 * <p>Package-private; stateless, so thread-safe. The figures it is given are read by the caller, at one
 * clock reading.
 */
final class CascadeFindings {
    /** Extra bad events beyond what the dependencies explain, in standard deviations, that count as a gap. */
    static final double GAP_SIGMAS = 3.0;
    /** The least share of the root's allowed bad events that an unexplained gap must reach. */
    static final double GAP_BUDGET_SHARE = 0.1;

    private CascadeFindings() {}

    /**
     * The findings, in the order above (units in the model's order).
     *
     * @param root                the cascade's root
     * @param rootTarget          the root's target
     * @param model               the flattened cascade
     * @param rootBudget          the root's error budget over its window
     * @param predictedAttainment the root's attainment its dependencies predict over its window; asked only
     *                            when the root has counted anything
     * @return the findings, possibly none
     */
    static List<Finding> of(Slo root, double rootTarget, CascadeModel model, ErrorBudget rootBudget,
                            DoubleSupplier predictedAttainment) {
        List<Finding> findings = new ArrayList<>();
        ToDoubleFunction<Slo> target = slo -> slo.spec().target();
        for (CascadeModel.Unit unit : model.units()) {
            if (unit.members().size() == 1) {
                Slo dependency = unit.members().get(0);
                double own = dependency.spec().target();
                if (own <= rootTarget) {
                    findings.add(new Finding(FindingKind.INTERNAL_NOT_TIGHTER, dependency.name(),
                            "\"" + dependency.name() + "\" (target " + own + ") supports \"" + root.name()
                                    + "\" (target " + rootTarget + ") but is not stricter: raise it above "
                                    + rootTarget + ", e.g. to " + oneExtraNine(rootTarget)
                                    + " (one extra nine), or the promise rests on luck"));
                }
            } else {
                double group = 1.0 - model.unitFailure(unit, target);
                if (group <= rootTarget) {
                    for (Slo member : unit.members()) {
                        findings.add(new Finding(FindingKind.INTERNAL_NOT_TIGHTER, member.name(),
                                "the redundant group " + names(unit.members()) + " compounds to " + group
                                        + ", not stricter than \"" + root.name() + "\" (target " + rootTarget
                                        + "): raise the members' targets or add a member"));
                    }
                }
            }
        }
        double compounded = model.product(target);
        if (compounded < rootTarget - 1e-12) {
            int n = model.units().size();
            findings.add(new Finding(FindingKind.CASCADE_TARGET_UNREACHABLE, root.name(),
                    "the dependencies of \"" + root.name() + "\" compound to " + compounded + ", below its target "
                            + rootTarget + ": raise each of the " + n + " dependencies to at least "
                            + TargetAllocation.of(rootTarget, n).equalSplitTarget()
                            + " (an equal split of the error budget), remove a dependency, or lower the promise"));
        }
        unexplainedGap(root, rootBudget, predictedAttainment).ifPresent(findings::add);
        return List.copyOf(findings);
    }

    private static Optional<Finding> unexplainedGap(Slo root, ErrorBudget budget, DoubleSupplier predictedAttainment) {
        long n = budget.total();
        if (n == 0) {
            return Optional.empty();
        }
        double predicted = predictedAttainment.getAsDouble();
        double p = Math.min(1.0, Math.max(0.0, 1.0 - predicted));
        double expected = n * p;
        double excess = budget.bad() - expected;
        double sigma = Math.sqrt(n * p * (1 - p));
        if (excess > GAP_SIGMAS * sigma + 2 && excess >= GAP_BUDGET_SHARE * budget.allowedBad()) {
            return Optional.of(new Finding(FindingKind.UNEXPLAINED_GAP, root.name(),
                    "\"" + root.name() + "\" attains " + budget.attainment() + " over its window but its dependencies predict "
                            + predicted + ": about " + Math.round(excess) + " of its " + budget.bad()
                            + " bad events are explained by no dependency. A failure mode that no internal SLO covers:"
                            + " add an internal SLO for it (a missing service, the network path, the client) or declare"
                            + " the dependency this cascade lacks"));
        }
        return Optional.empty();
    }

    /** {@code target} with one more nine: {@code 1 - (1 - target) / 10}, from the exact budget fraction. */
    static double oneExtraNine(double target) {
        return 1.0 - Targets.budgetFraction(target) / 10;
    }

    /** The names of {@code slos}, quoted, in brackets: {@code ["auth", "payments"]}. */
    static String names(List<Slo> slos) {
        StringBuilder names = new StringBuilder("[");
        for (Slo slo : slos) {
            names.append(names.length() > 1 ? ", " : "").append('"').append(slo.name()).append('"');
        }
        return names.append(']').toString();
    }
}
