package dev.slo;

import java.util.List;
import java.util.Objects;

/**
 * Declares one SLO; start with {@link SloRegistry#define(String)}, end with {@link #register()}.
 *
 * <pre>{@code
 * Slo checkout = slos.define("checkout-completes")
 *         .customerFacing("Checkout completes")
 *         .ownedBy(Owner.product("payments-pm"), Owner.engineering("payments-eng"))
 *         .sli(Sli.ratio())
 *         .target(0.999)
 *         .window(Window.rolling(Duration.ofDays(30)))
 *         .register();
 * }</pre>
 *
 * <p>Each setter checks its argument at once and may be called only once. Required: the audience
 * ({@link #customerFacing} or {@link #internal}), {@link #ownedBy}, {@link #sli}, {@link #target} and
 * {@link #window}. Not thread-safe: one builder belongs to one thread.
 */
public final class SloBuilder {
    private final SloRegistry registry;
    private final String name;
    private Audience audience;
    private String description;
    private List<Owner> owners;
    private Sli sli;
    private Double target;
    private Window window;
    private AlertPolicy alertPolicy;
    private Budgeting budgeting;
    private List<DownstreamConsumer> consumers;
    private List<Exclusion> exclusions;
    private ErrorBudgetPolicy budgetPolicy;
    private Grouping grouping;
    private boolean registered;

    SloBuilder(SloRegistry registry, String name) {
        this.registry = registry;
        this.name = name;
    }

    /**
     * Makes this a {@link Audience#CUSTOMER} SLO: a public promise, described in outcome-shaped words.
     *
     * @param outcome what the customer gets, e.g. "Checkout completes"; not blank, without control characters
     * @return this builder
     * @throws NullPointerException if {@code outcome} is null
     * @throws IllegalArgumentException if {@code outcome} is blank or holds a control character
     * @throws IllegalStateException if the audience was already set
     */
    public SloBuilder customerFacing(String outcome) {
        return audience(Audience.CUSTOMER, outcome, "outcome");
    }

    /**
     * Makes this an {@link Audience#INTERNAL} SLO: a diagnostic objective of one service.
     *
     * @param description what the service does well, e.g. "auth-svc answers within 300 ms"; not blank,
     *     without control characters
     * @return this builder
     * @throws NullPointerException if {@code description} is null
     * @throws IllegalArgumentException if {@code description} is blank or holds a control character
     * @throws IllegalStateException if the audience was already set
     */
    public SloBuilder internal(String description) {
        return audience(Audience.INTERNAL, description, "description");
    }

    private SloBuilder audience(Audience value, String words, String parameter) {
        Args.requireWords(words, parameter);
        requireUnset(audience, "audience (customerFacing or internal)");
        this.audience = value;
        this.description = words;
        return this;
    }

    /**
     * Who owns the SLO. A customer SLO should have both a product and an engineering owner
     * ({@link SloRegistry#lint()} reports it otherwise).
     *
     * @param owners at least one owner, none repeated, kept in the order given
     * @return this builder
     * @throws NullPointerException if {@code owners} or one of them is null
     * @throws IllegalArgumentException if none is given or one is given twice
     * @throws IllegalStateException if owners were already set
     */
    public SloBuilder ownedBy(Owner... owners) {
        Objects.requireNonNull(owners, "owners must not be null");
        for (int i = 0; i < owners.length; i++) {
            Objects.requireNonNull(owners[i], "owners[" + i + "] must not be null");
        }
        if (owners.length == 0) {
            throw new IllegalArgumentException("owners must name at least one owner, got none");
        }
        List<Owner> list = List.of(owners);
        if (list.stream().distinct().count() != list.size()) {
            throw new IllegalArgumentException("owners must not repeat, got " + list);
        }
        requireUnset(this.owners, "owners");
        this.owners = list;
        return this;
    }

    /**
     * What makes an event good.
     *
     * @param sli the indicator, e.g. {@link Sli#ratio()} or {@link Sli#latency(java.time.Duration)}
     * @return this builder
     * @throws NullPointerException if {@code sli} is null
     * @throws IllegalStateException if the SLI was already set
     */
    public SloBuilder sli(Sli sli) {
        Objects.requireNonNull(sli, "sli must not be null");
        requireUnset(this.sli, "sli");
        this.sli = sli;
        return this;
    }

    /**
     * The objective: the share of events (or slices) that must be good, a fraction in (0,1).
     *
     * @param target a fraction in (0,1), e.g. 0.999 for "three nines"
     * @return this builder
     * @throws IllegalArgumentException if {@code target} is not in (0,1), e.g. 99.9 (did you mean 0.999?)
     * @throws IllegalStateException if the target was already set
     */
    public SloBuilder target(double target) {
        Targets.checkTarget(target);
        requireUnset(this.target, "target");
        this.target = target;
        return this;
    }

    /**
     * The period the budget is counted over.
     *
     * @param window a rolling or calendar window, e.g. {@code Window.rolling(Duration.ofDays(30))}
     * @return this builder
     * @throws NullPointerException if {@code window} is null
     * @throws IllegalStateException if the window was already set
     */
    public SloBuilder window(Window window) {
        Objects.requireNonNull(window, "window must not be null");
        requireUnset(this.window, "window");
        this.window = window;
        return this;
    }

    /**
     * The burn-rate rules to alert under. Default: {@link AlertPolicy#sreWorkbook()}.
     *
     * @param policy the rules, in the order alerts are listed
     * @return this builder
     * @throws NullPointerException if {@code policy} is null
     * @throws IllegalStateException if the policy was already set
     */
    public SloBuilder alertPolicy(AlertPolicy policy) {
        Objects.requireNonNull(policy, "policy must not be null");
        requireUnset(this.alertPolicy, "alertPolicy");
        this.alertPolicy = policy;
        return this;
    }

    /**
     * Whether events or time slices count. Default: {@link Budgeting#occurrences()}, or for a gauge
     * SLI {@code Budgeting.timeslices(Duration.ofMinutes(1))}. {@link #register()} checks that a slice
     * fits the window (a whole number of slices in a rolling window), that a gauge SLI counts slices
     * and that a deadline SLI counts runs. An alert window shorter than a slice never holds a whole
     * slice, so its rule cannot fire: with the default policy (shortest window 5 minutes) page rules
     * need slices of at most 5 minutes.
     *
     * @param budgeting occurrences, timeslices or ratio-timeslices
     * @return this builder
     * @throws NullPointerException if {@code budgeting} is null
     * @throws IllegalStateException if budgeting was already set
     */
    public SloBuilder budgeting(Budgeting budgeting) {
        Objects.requireNonNull(budgeting, "budgeting must not be null");
        requireUnset(this.budgeting, "budgeting");
        this.budgeting = budgeting;
        return this;
    }

    /**
     * The teams or systems downstream of this SLO: who is affected when it is missed, and how severely.
     * Meant for internal SLOs; shown in the internal report only. Default: none.
     *
     * @param consumers the consumers, with distinct names, in the order to list them; may be none
     * @return this builder
     * @throws NullPointerException if {@code consumers} or one of them is null
     * @throws IllegalArgumentException if two consumers share a name
     * @throws IllegalStateException if consumers were already set
     */
    public SloBuilder consumers(DownstreamConsumer... consumers) {
        Objects.requireNonNull(consumers, "consumers must not be null");
        for (int i = 0; i < consumers.length; i++) {
            Objects.requireNonNull(consumers[i], "consumers[" + i + "] must not be null");
        }
        List<DownstreamConsumer> list = List.of(consumers);
        if (list.stream().map(DownstreamConsumer::name).distinct().count() != list.size()) {
            throw new IllegalArgumentException("consumers must have distinct names, got " + list);
        }
        requireUnset(this.consumers, "consumers");
        this.consumers = list;
        return this;
    }

    /**
     * Maintenance windows whose events do not count against the budget (see {@link Exclusion}).
     * Default: none. More can be added while the SLO runs, with {@link Slo#exclude(Exclusion)}.
     *
     * @param exclusions the maintenance windows, none repeated, at most {@link SloSpec#MAX_EXCLUSIONS}
     * @return this builder
     * @throws NullPointerException if {@code exclusions} or one of them is null
     * @throws IllegalArgumentException if one is given twice, or more than {@link SloSpec#MAX_EXCLUSIONS}
     * @throws IllegalStateException if exclusions were already set
     */
    public SloBuilder exclude(Exclusion... exclusions) {
        Objects.requireNonNull(exclusions, "exclusions must not be null");
        for (int i = 0; i < exclusions.length; i++) {
            Objects.requireNonNull(exclusions[i], "exclusions[" + i + "] must not be null");
        }
        List<Exclusion> list = List.of(exclusions);
        if (list.stream().distinct().count() != list.size()) {
            throw new IllegalArgumentException("exclusions must not repeat, got " + list);
        }
        if (list.size() > SloSpec.MAX_EXCLUSIONS) {
            throw new IllegalArgumentException("exclusions must hold at most " + SloSpec.MAX_EXCLUSIONS + ", got " + list.size());
        }
        requireUnset(this.exclusions, "exclusions");
        this.exclusions = list;
        return this;
    }

    /**
     * When the error budget stops releases ({@link Slo#releaseDecision()}). Default:
     * {@link ErrorBudgetPolicy#sreWorkbook()}, releases stop while the window's budget is spent.
     *
     * @param policy the error-budget policy
     * @return this builder
     * @throws NullPointerException if {@code policy} is null
     * @throws IllegalStateException if the policy was already set
     */
    public SloBuilder errorBudgetPolicy(ErrorBudgetPolicy policy) {
        Objects.requireNonNull(policy, "policy must not be null");
        requireUnset(this.budgetPolicy, "errorBudgetPolicy");
        this.budgetPolicy = policy;
        return this;
    }

    /**
     * Splits the SLO by the value of {@code label} (an endpoint, a tenant tier, a region): {@link Slo#group}
     * returns each group's SLO, which counts its own events and the whole's. At most {@code maxGroups} named
     * groups; values beyond count in one overflow group, {@link Grouping#OVERFLOW}. Each group holds recorders
     * of its own ({@link Slo#footprintBytes()} of the whole, again), so choose a label of bounded values.
     * For event SLIs (ratio, latency, retries, feedback); gauges and deadlines are not grouped. Default: not grouped.
     *
     * @param label     the label's name, e.g. {@code "endpoint"} (see {@link Grouping} for what it may be)
     * @param maxGroups the most named groups, from 1 to {@link Grouping#MAX_GROUPS}
     * @return this builder
     * @throws NullPointerException if {@code label} is null
     * @throws IllegalArgumentException if {@code label} is malformed or reserved, or {@code maxGroups} is out of range
     * @throws IllegalStateException if the grouping was already set
     */
    public SloBuilder groupedBy(String label, int maxGroups) {
        Grouping g = new Grouping(label, maxGroups);
        requireUnset(this.grouping, "groupedBy");
        this.grouping = g;
        return this;
    }

    /**
     * Checks the declaration as a whole and adds the SLO to the registry.
     *
     * @return the SLO, ready to record
     * @throws IllegalStateException if a required field is missing (the message names it), a gauge or
     *     deadline SLI is grouped, or this builder was already registered
     * @throws IllegalArgumentException if the registry already holds an SLO of this name
     */
    public Slo register() {
        if (registered) {
            throw new IllegalStateException("register() was already called for \"" + name + "\"");
        }
        requireSet(audience, "audience", "customerFacing(...) or internal(...)");
        requireSet(owners, "owners", "ownedBy(...)");
        requireSet(sli, "sli", "sli(...)");
        requireSet(target, "target", "target(...)");
        requireSet(window, "window", "window(...)");
        AlertPolicy policy = alertPolicy == null ? AlertPolicy.sreWorkbook() : alertPolicy;
        Budgeting counting = SliceChecks.budgetingFor(name, sli, window, policy, budgeting);
        SloSpec spec = new SloSpec(name, audience, description, owners, sli, target, window, policy, counting,
                consumers == null ? List.of() : consumers,
                exclusions == null ? List.of() : exclusions,
                budgetPolicy == null ? ErrorBudgetPolicy.sreWorkbook() : budgetPolicy);
        if (grouping != null && (sli instanceof Sli.Gauge || sli instanceof Sli.Deadline)) {
            throw new IllegalStateException("groupedBy needs an event SLI (ratio, latency, retries or feedback), but \"" + name
                    + "\" has " + sli.describe() + ": a gauge or a job's deadline has no per-event label");
        }
        Slo slo = registry.add(spec, grouping);
        registered = true;
        return slo;
    }

    private void requireUnset(Object field, String what) {
        if (field != null) {
            throw new IllegalStateException(what + " was already set for \"" + name + "\", to " + field);
        }
    }

    private void requireSet(Object field, String what, String call) {
        if (field == null) {
            throw new IllegalStateException(what + " is required for \"" + name + "\": call ." + call + " before register()");
        }
    }
}
