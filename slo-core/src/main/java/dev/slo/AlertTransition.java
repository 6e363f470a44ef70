package dev.slo;

import dev.slo.engine.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A burn-rate alert that started or stopped firing, as {@link SloRegistry#evaluate()} saw it: what a pager
 * or a chat channel hears.
 *
 * <pre>{@code
 * slos.onAlert(t -> log.warn("{} {} {} since {}", t.state(), t.slo().displayName(), t.rule(), t.at()));
 * // FIRING checkout-completes PAGE 2.0% of budget in 1h (short 5m) since 2026-03-01T10:05:00Z
 * // RESOLVED checkout-completes PAGE 2.0% of budget in 1h (short 5m) since 2026-03-01T10:41:00Z (fired 36m)
 * }</pre>
 *
 * @param slo           the SLO whose rule changed
 * @param rule          the rule of the SLO's alert policy that started or stopped firing
 * @param state         {@link State#FIRING} when it started, {@link State#RESOLVED} when it stopped
 * @param at            the clock reading of the evaluation that saw the change
 * @param longBurnRate  the burn over the rule's long window at {@code at}
 * @param shortBurnRate the burn over the rule's short window at {@code at}
 * @param firedFor      on {@link State#RESOLVED}, how long the alert fired: from the evaluation that saw it
 *     start to the one that saw it stop; {@link Duration#ZERO} on {@link State#FIRING}
 */
public record AlertTransition(Slo slo, BurnRateRule rule, State state, Instant at, double longBurnRate, double shortBurnRate,
        Duration firedFor) {

    /** Whether an alert started or stopped firing. */
    public enum State {
        /** The rule fires now and did not at the previous evaluation (or there was none). */
        FIRING,
        /** The rule fired at the previous evaluation and does not now. */
        RESOLVED
    }

    /**
     * Checks the transition.
     *
     * @param slo           the SLO whose rule changed, not null
     * @param rule          the rule that changed, not null
     * @param state         FIRING or RESOLVED, not null
     * @param at            the evaluation's clock reading, not null
     * @param longBurnRate  the burn over the long window, at least 0
     * @param shortBurnRate the burn over the short window, at least 0
     * @param firedFor      not negative; {@link Duration#ZERO} when {@code state} is FIRING
     * @throws NullPointerException if an object argument is null
     * @throws IllegalArgumentException if a burn rate is negative or not a number, {@code firedFor} is
     *     negative, or a FIRING transition says it fired for some time already
     */
    public AlertTransition {
        Objects.requireNonNull(slo, "slo must not be null");
        Objects.requireNonNull(rule, "rule must not be null");
        Objects.requireNonNull(state, "state must not be null");
        Objects.requireNonNull(at, "at must not be null");
        Objects.requireNonNull(firedFor, "firedFor must not be null");
        Args.notNegative(longBurnRate, "longBurnRate");
        Args.notNegative(shortBurnRate, "shortBurnRate");
        if (firedFor.isNegative()) {
            throw new IllegalArgumentException("firedFor must not be negative, got " + Durations.format(firedFor));
        }
        if (state == State.FIRING && !firedFor.isZero()) {
            throw new IllegalArgumentException("firedFor must be zero for a FIRING transition, got " + Durations.format(firedFor));
        }
    }

    /**
     * A transition without a firing time: for {@link State#FIRING}, or a RESOLVED one whose start was not seen.
     *
     * @param slo           the SLO whose rule changed
     * @param rule          the rule that changed
     * @param state         FIRING or RESOLVED
     * @param at            the evaluation's clock reading
     * @param longBurnRate  the burn over the long window
     * @param shortBurnRate the burn over the short window
     * @throws NullPointerException if an object argument is null
     * @throws IllegalArgumentException if a burn rate is negative or not a number
     */
    public AlertTransition(Slo slo, BurnRateRule rule, State state, Instant at, double longBurnRate, double shortBurnRate) {
        this(slo, rule, state, at, longBurnRate, shortBurnRate, Duration.ZERO);
    }

    /**
     * {@return the rule's threshold burn rate at {@link #at()}: {@link BurnRateRule#threshold} of the SLO's window
     * length then (of the current period, for a calendar window), the bound both burns reached on FIRING}
     */
    public double threshold() {
        return rule.threshold(slo.spec().window().length(at));
    }

    /** {@return the rule's severity: whether this transition concerns a page or a ticket} */
    public Severity severity() {
        return rule.severity();
    }

    /** The state, the SLO by name, the rule, the time and the burns; on RESOLVED, how long it fired. */
    @Override
    public String toString() {
        return "AlertTransition[" + state + " " + slo.label() + ", " + rule + ", at " + at + ", long burn " + longBurnRate
                + ", short burn " + shortBurnRate + (state == State.RESOLVED ? ", fired " + Durations.format(firedFor) : "") + "]";
    }
}
