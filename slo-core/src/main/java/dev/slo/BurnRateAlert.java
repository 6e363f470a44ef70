package dev.slo;

import java.util.Objects;

/**
 * A burn-rate rule of an SLO that fires now: the burn over both of its windows reached its threshold.
 *
 * <pre>{@code
 * for (BurnRateAlert alert : checkout.alerts()) {
 *     log.warn(alert.toString());   // "BurnRateAlert[checkout-completes, PAGE 2.0% of budget in 1h (short 5m), ...]"
 * }
 * }</pre>
 *
 * @param slo            the SLO whose rule fires
 * @param rule           the rule that fires
 * @param longBurnRate   the burn rate over the rule's long window
 * @param shortBurnRate  the burn rate over the rule's short window
 * @param threshold      the rule's threshold for the SLO's window length at the time of the query
 */
public record BurnRateAlert(Slo slo, BurnRateRule rule, double longBurnRate, double shortBurnRate, double threshold) {

    /**
     * Checks that the alert names its SLO and rule.
     *
     * @param slo           the SLO whose rule fires, not null
     * @param rule          the rule that fires, not null
     * @param longBurnRate  the burn rate over the rule's long window (for an alert of {@link Slo#alerts()}, at least {@code threshold})
     * @param shortBurnRate the burn rate over the rule's short window (likewise at least {@code threshold})
     * @param threshold     the rule's threshold for the SLO's window length at the time of the query
     * @throws NullPointerException if {@code slo} or {@code rule} is null
     */
    public BurnRateAlert {
        Objects.requireNonNull(slo, "slo must not be null");
        Objects.requireNonNull(rule, "rule must not be null");
    }

    /** {@return the rule's severity: whether this alert should page or open a ticket} */
    public Severity severity() {
        return rule.severity();
    }

    /** The SLO by name (not its whole definition), the rule, and the burn rates against the threshold. */
    @Override
    public String toString() {
        return "BurnRateAlert[" + slo.label() + ", " + rule + ", long burn " + longBurnRate + ", short burn " + shortBurnRate
                + ", threshold " + threshold + "]";
    }
}
