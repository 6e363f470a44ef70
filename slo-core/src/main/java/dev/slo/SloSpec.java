package dev.slo;

import java.util.List;
import java.util.Objects;

/**
 * The immutable definition of an SLO, as registered (and as last {@link Slo#revise revised}).
 *
 * @param name        unique within its registry
 * @param audience    customer-facing promise or internal diagnostic
 * @param description outcome-shaped words, e.g. "Checkout completes"
 * @param owners      who owns it, in the order given; not empty
 * @param sli         what makes an event good
 * @param target      the objective, a fraction in (0,1), e.g. 0.999
 * @param window      the period the budget is counted over
 * @param alertPolicy the burn-rate rules it alerts under
 * @param budgeting   whether events or time slices count
 * @param consumers   the teams or systems downstream of it, in the order declared; may be empty
 * @param exclusions  maintenance windows whose events do not count against the budget, in the order
 *     declared; at most {@link #MAX_EXCLUSIONS}, no duplicates
 * @param budgetPolicy when its error budget stops releases ({@link Slo#releaseDecision()})
 */
public record SloSpec(
        String name,
        Audience audience,
        String description,
        List<Owner> owners,
        Sli sli,
        double target,
        Window window,
        AlertPolicy alertPolicy,
        Budgeting budgeting,
        List<DownstreamConsumer> consumers,
        List<Exclusion> exclusions,
        ErrorBudgetPolicy budgetPolicy) {

    /** The most exclusions one SLO may hold (bounded memory and a bounded hot-path refresh). */
    public static final int MAX_EXCLUSIONS = 64;

    /**
     * Checks every field and keeps unmodifiable copies of the lists.
     *
     * @param name        the SLO's name, unique within its registry; not null, without control characters
     * @param audience    customer-facing promise or internal diagnostic, not null
     * @param description outcome-shaped words, e.g. "Checkout completes"; not null, without control characters
     * @param owners      who owns it, in the order given; not empty, no null element
     * @param sli         what makes an event good, not null
     * @param target      the objective, a fraction in (0,1), e.g. 0.999
     * @param window      the period the budget is counted over, not null
     * @param alertPolicy the burn-rate rules it alerts under, not null
     * @param budgeting   whether events or time slices count, not null
     * @param consumers   the teams or systems downstream of it, in the order declared, with distinct names; may be empty, not null
     * @param exclusions  maintenance windows whose events do not count against the budget, in the order declared; at most
     *     {@link #MAX_EXCLUSIONS}, no duplicates; may be empty, not null
     * @param budgetPolicy when its error budget stops releases, not null
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if {@code name} or {@code description} holds a control character,
     *     {@code owners} is empty, {@code target} is not in (0,1), two consumers share a name, or
     *     {@code exclusions} holds more than {@link #MAX_EXCLUSIONS} or repeats one
     */
    public SloSpec {
        Args.requireNoControl(name, "name");
        Objects.requireNonNull(audience, "audience must not be null");
        Args.requireNoControl(description, "description");
        owners = List.copyOf(Objects.requireNonNull(owners, "owners must not be null"));
        if (owners.isEmpty()) {
            throw new IllegalArgumentException("owners must not be empty, got []");
        }
        Objects.requireNonNull(sli, "sli must not be null");
        Targets.checkTarget(target);
        Objects.requireNonNull(window, "window must not be null");
        Objects.requireNonNull(alertPolicy, "alertPolicy must not be null");
        Objects.requireNonNull(budgeting, "budgeting must not be null");
        consumers = List.copyOf(Objects.requireNonNull(consumers, "consumers must not be null"));
        if (consumers.stream().map(DownstreamConsumer::name).distinct().count() != consumers.size()) {
            throw new IllegalArgumentException("consumers must have distinct names, got " + consumers);
        }
        exclusions = List.copyOf(Objects.requireNonNull(exclusions, "exclusions must not be null"));
        if (exclusions.size() > MAX_EXCLUSIONS) {
            throw new IllegalArgumentException("exclusions must hold at most " + MAX_EXCLUSIONS + ", got " + exclusions.size());
        }
        if (exclusions.stream().distinct().count() != exclusions.size()) {
            throw new IllegalArgumentException("exclusions must not repeat, got " + exclusions);
        }
        Objects.requireNonNull(budgetPolicy, "budgetPolicy must not be null");
    }

    /**
     * A definition under the default error-budget policy, {@link ErrorBudgetPolicy#sreWorkbook()}.
     *
     * @param name        the SLO's name, unique within its registry; not null, without control characters
     * @param audience    customer-facing promise or internal diagnostic, not null
     * @param description outcome-shaped words, e.g. "Checkout completes"; not null, without control characters
     * @param owners      who owns it, in the order given; not empty, no null element
     * @param sli         what makes an event good, not null
     * @param target      the objective, a fraction in (0,1), e.g. 0.999
     * @param window      the period the budget is counted over, not null
     * @param alertPolicy the burn-rate rules it alerts under, not null
     * @param budgeting   whether events or time slices count, not null
     * @param consumers   the teams or systems downstream of it, in the order declared, with distinct names; may be empty, not null
     * @param exclusions  maintenance windows whose events do not count against the budget, in the order declared; at most
     *     {@link #MAX_EXCLUSIONS}, no duplicates; may be empty, not null
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException as the canonical constructor
     */
    public SloSpec(String name, Audience audience, String description, List<Owner> owners, Sli sli, double target,
            Window window, AlertPolicy alertPolicy, Budgeting budgeting, List<DownstreamConsumer> consumers, List<Exclusion> exclusions) {
        this(name, audience, description, owners, sli, target, window, alertPolicy, budgeting, consumers, exclusions,
                ErrorBudgetPolicy.sreWorkbook());
    }

    /**
     * A definition without exclusions.
     *
     * @param name        the SLO's name, unique within its registry; not null, without control characters
     * @param audience    customer-facing promise or internal diagnostic, not null
     * @param description outcome-shaped words, e.g. "Checkout completes"; not null, without control characters
     * @param owners      who owns it, in the order given; not empty, no null element
     * @param sli         what makes an event good, not null
     * @param target      the objective, a fraction in (0,1), e.g. 0.999
     * @param window      the period the budget is counted over, not null
     * @param alertPolicy the burn-rate rules it alerts under, not null
     * @param budgeting   whether events or time slices count, not null
     * @param consumers   the teams or systems downstream of it, in the order declared, with distinct names; may be empty, not null
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if {@code owners} is empty, {@code target} is not in (0,1) or two consumers share a name
     */
    public SloSpec(String name, Audience audience, String description, List<Owner> owners, Sli sli, double target,
            Window window, AlertPolicy alertPolicy, Budgeting budgeting, List<DownstreamConsumer> consumers) {
        this(name, audience, description, owners, sli, target, window, alertPolicy, budgeting, consumers, List.of());
    }

    /**
     * A definition without declared consumers or exclusions.
     *
     * @param name        the SLO's name, unique within its registry; not null, without control characters
     * @param audience    customer-facing promise or internal diagnostic, not null
     * @param description outcome-shaped words, e.g. "Checkout completes"; not null, without control characters
     * @param owners      who owns it, in the order given; not empty, no null element
     * @param sli         what makes an event good, not null
     * @param target      the objective, a fraction in (0,1), e.g. 0.999
     * @param window      the period the budget is counted over, not null
     * @param alertPolicy the burn-rate rules it alerts under, not null
     * @param budgeting   whether events or time slices count, not null
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if {@code owners} is empty or {@code target} is not in (0,1)
     */
    public SloSpec(String name, Audience audience, String description, List<Owner> owners, Sli sli, double target,
            Window window, AlertPolicy alertPolicy, Budgeting budgeting) {
        this(name, audience, description, owners, sli, target, window, alertPolicy, budgeting, List.of());
    }

    /** {@return {@code 1 - target}, in (0,1), derived in decimal so that a target of 0.999 gives exactly 0.001} */
    public double budgetFraction() {
        return Targets.budgetFraction(target);
    }

    /** The same definition with another target. */
    SloSpec withTarget(double newTarget) {
        return new SloSpec(name, audience, description, owners, sli, newTarget, window, alertPolicy, budgeting, consumers, exclusions,
                budgetPolicy);
    }

    /** The same definition with other exclusions. */
    SloSpec withExclusions(List<Exclusion> newExclusions) {
        return new SloSpec(name, audience, description, owners, sli, target, window, alertPolicy, budgeting, consumers, newExclusions,
                budgetPolicy);
    }
}
