package dev.slo;

import dev.slo.engine.Tally;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A root SLO (usually customer-facing) and the internal SLOs it depends on: how their targets compound,
 * what their observed attainments predict, who is to blame when the root falls short, and which
 * internal burn will breach the root before the root's own alerts see it.
 *
 * <pre>{@code
 * Cascade journey = slos.cascade(checkout)
 *         .dependsOn(auth)                 // critical on every checkout
 *         .dependsOn(payments)
 *         .dependsOn(search, 0.25)         // critical on 25% of checkouts
 *         .build();
 * journey.compoundedTarget();              // 0.9995 * 0.9995 * (1 - 0.25 * 0.001) ...
 * journey.blame();                         // payments 0.93, auth 0.05, search 0.02
 * journey.earlyWarnings();                 // payments burns: checkout will page if it goes on
 * }</pre>
 *
 * <p><b>The model.</b> Every SLO in a cascade stands for an independent failure mode. A dependency
 * critical on {@code share} of the root's events fails such an event with probability
 * {@code 1 - a}, so it contributes the factor {@code 1 - share * (1 - a)}; a redundant group fails
 * only when all its members fail and contributes {@code 1 - Π (1 - a_m)}. The root's availability is
 * the product of the factors: {@code a} is the target in {@link #compoundedTarget()}, the observed
 * attainment in {@link #predictedAttainment()} and {@code 1 - errorRatio} in {@link #predictedBurnRate}.
 *
 * <p><b>Nesting.</b> A cascade rooted at an internal SLO applies wherever that SLO is a dependency: the
 * critical dependencies reachable from the root are flattened into one product, shares multiplied along
 * the path, each SLO once with its largest share (for shares below 1 this errs slightly on the
 * pessimistic side). A member of a redundant group stands for itself and its own nested cascade.
 *
 * <p><b>Thread-safety.</b> Immutable and thread-safe; every query reads the SLOs' counts as of one
 * reading of the registry's clock, and flattens the cascades nested in it once, as the registry holds
 * them then.
 */
public final class Cascade {
    private final SloRegistry registry;
    private final Slo root;
    private final List<CascadeTerm> terms;

    Cascade(SloRegistry registry, Slo root, List<CascadeTerm> terms) {
        this.registry = registry;
        this.root = root;
        this.terms = List.copyOf(terms);
    }

    /** {@return the SLO this cascade explains, usually a CUSTOMER SLO} */
    public Slo root() {
        return root;
    }

    /** {@return the direct dependencies, in declaration order (members of a redundant group included)} */
    public List<Slo> dependencies() {
        List<Slo> direct = new ArrayList<>();
        for (CascadeTerm term : terms) {
            direct.addAll(term.members());
        }
        return List.copyOf(direct);
    }

    /**
     * Every SLO reachable from the root through this cascade and the cascades nested in it, each once:
     * the direct dependencies first, then theirs (breadth first).
     *
     * @return the reachable SLOs (the root excluded)
     */
    public List<Slo> allDependencies() {
        return CascadeModel.reachable(registry, this);
    }

    /**
     * The share of the root's events that {@code dependency} is directly critical on, in (0,1]; empty if it
     * is not a direct critical dependency (a member of a redundant group, a nested one, or none).
     *
     * @param dependency the SLO to look up
     * @return its declared share, if it is a direct critical dependency
     * @throws NullPointerException if {@code dependency} is null
     */
    public Optional<Double> share(Slo dependency) {
        Objects.requireNonNull(dependency, "dependency must not be null");
        for (CascadeTerm term : terms) {
            if (term instanceof CascadeTerm.Critical critical && critical.slo() == dependency) {
                return Optional.of(critical.share());
            }
        }
        return Optional.empty();
    }

    /**
     * The availability the dependencies' targets allow the root: the product over dependencies of
     * {@code 1 - share * (1 - target)} (redundant groups {@code 1 - Π (1 - target_m)}).
     * Three critical dependencies at 0.9995 give {@code 0.9995^3 = 0.998500749875}.
     *
     * @return the compounded target, in (0,1)
     */
    public double compoundedTarget() {
        return model().product(slo -> slo.spec().target());
    }

    /**
     * The root's attainment that the dependencies' observed attainments predict, over the root's window:
     * the same product as {@link #compoundedTarget()} with each dependency's attainment over the
     * root's window (1.0 for a dependency without events in it). Each attainment is counted as the
     * dependency's own budget counts it: events, or slices under time-slice budgeting; runs of a deadline
     * SLI whose deadline has passed unreported count bad, whether or not anyone asked that SLO first.
     *
     * @return the predicted attainment, in [0,1]
     */
    public double predictedAttainment() {
        long now = root.now();
        return model().product(CascadeReadings.attainments(allDependencies(), root.spec().window(), now));
    }

    /**
     * The root's burn rate over the last {@code lookBack} as the dependencies predict it:
     * {@code (1 - P) / (1 - root target)}, where {@code P} is the product of {@link #compoundedTarget()}
     * with each dependency's {@code 1 - errorRatio} over the look-back. Foresees a customer burn from
     * internal burn rates.
     *
     * @param lookBack at least 1 ms, at most the history every dependency keeps
     * @return the predicted burn rate, at least 0
     * @throws NullPointerException if {@code lookBack} is null
     * @throws IllegalArgumentException if {@code lookBack} is not positive or longer than a dependency keeps history
     */
    public double predictedBurnRate(Duration lookBack) {
        List<Slo> all = allDependencies();
        long lookBackMillis = CascadeReadings.lookBackMillis(lookBack, all);
        long now = root.now();
        double predicted = model().product(CascadeReadings.successes(all, lookBackMillis, now));
        return (1.0 - predicted) / root.spec().budgetFraction();
    }

    /**
     * Which dependencies the root's shortfall over its window comes from, largest share first; the
     * shares sum to 1. With {@code e_i = 1 - share_i * (1 - attainment_i)}, dependency {@code i}
     * carries {@code ln(e_i) / Σ ln(e_j)}; a redundant group's share is split among its members in
     * proportion to their failure ratios. When nothing failed, each SLO carries {@code 1/n}.
     *
     * @return one contribution per dependency of the flattened cascade, largest share first
     */
    public List<Contribution> blame() {
        long now = root.now();
        return Blame.of(model(), CascadeReadings.attainments(allDependencies(), root.spec().window(), now));
    }

    /**
     * What is wrong with this cascade, with what to do: {@link FindingKind#INTERNAL_NOT_TIGHTER} for each
     * dependency (or redundant group) whose target is not stricter than the root's, whatever its share;
     * {@link FindingKind#CASCADE_TARGET_UNREACHABLE} when the targets compound below the root's target;
     * {@link FindingKind#UNEXPLAINED_GAP} when the root's observed attainment is clearly below what its
     * dependencies predict (more unexplained bad events than chance allows, and at least a tenth of the
     * root's allowed bad events): a failure mode that no internal SLO covers.
     *
     * @return the findings, possibly none
     */
    public List<Finding> check() {
        long now = root.now();
        SloSpec rootSpec = root.spec();
        CascadeModel model = model();
        return CascadeFindings.of(root, rootSpec.target(), model, root.queries().errorBudget(now),
                () -> model.product(CascadeReadings.attainments(allDependencies(), rootSpec.window(), now)));
    }

    /**
     * The dependencies whose burn, if it goes on, would breach the root: for each rule of the root's
     * alert policy, the root burn predicted from one dependency alone ({@code share * errorRatio / (1 - root target)};
     * for a redundant group {@code Π errorRatio_m / (1 - root target)}, warning for each member) reaches
     * the rule's threshold for the root's window over both of the rule's windows, while the root's own
     * alert for that rule is quiet. Most urgent first: PAGE before TICKET, then the policy's rule order,
     * then the higher burn.
     *
     * @return the warnings, most urgent first; none while every dependency is quiet
     */
    public List<EarlyWarning> earlyWarnings() {
        long now = root.now();
        ErrorBudget budget = root.queries().errorBudget(now);
        return EarlyWarnings.of(root, model(), allDependencies(), budget, now);
    }

    /**
     * How well each dependency's burn foretold the root's bad periods over the last {@code lookBack},
     * measured from the recorded history at {@code resolution} (see {@link PredictiveValue}): one entry
     * per SLO of {@link #allDependencies()}, in that order.
     *
     * @param resolution hourly or finer: a multiple of 10 s (look-back up to 6 min), 1 min (up to 6 h) or 1 h
     * @param lookBack   how much history to judge, at least one bucket of {@code resolution}
     * @return one predictive value per SLO of {@link #allDependencies()}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code resolution} is longer than 1 hour, {@code lookBack} is shorter
     *     than {@code resolution}, or no kept history has that resolution over that look-back
     */
    public List<PredictiveValue> predictiveValue(Duration resolution, Duration lookBack) {
        PredictiveValues.checkArguments(resolution, lookBack);
        long now = root.now();
        return PredictiveValues.of(root, allDependencies(), resolution, lookBack, now);
    }

    /**
     * The internal targets that make this cascade's math work for the root's target, counting each
     * dependency (or redundant group) as critical on every event: see {@link TargetAllocation}.
     *
     * @return the allocation for the root's target over this cascade's flattened dependencies
     */
    public TargetAllocation targetAllocation() {
        return TargetAllocation.of(root.spec().target(), model().units().size());
    }

    @Override
    public String toString() {
        return "Cascade[" + root.name() + " <- " + CascadeFindings.names(dependencies()) + "]";
    }

    /** {@return the declared terms, in declaration order, for {@link CascadeModel} to flatten} */
    List<CascadeTerm> terms() {
        return terms;
    }

    /** {@return this cascade flattened as the registry holds its nested cascades now: once per query} */
    private CascadeModel model() {
        return CascadeModel.of(registry, this);
    }
}
