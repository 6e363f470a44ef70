package dev.slo;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The burn-rate rules an SLO alerts under.
 *
 * <p>{@link #sreWorkbook()} is the default: the four multiwindow, multi-burn-rate rules recommended
 * by the Google SRE Workbook (chapter 5, "Alerting on SLOs"):
 *
 * <table>
 *   <caption>The default rules</caption>
 *   <tr><th>severity</th><th>budget share</th><th>long</th><th>short</th><th>threshold (30 d)</th></tr>
 *   <tr><td>PAGE</td><td>2%</td><td>1 h</td><td>5 m</td><td>14.4</td></tr>
 *   <tr><td>PAGE</td><td>5%</td><td>6 h</td><td>30 m</td><td>6</td></tr>
 *   <tr><td>TICKET</td><td>10%</td><td>1 d</td><td>2 h</td><td>3</td></tr>
 *   <tr><td>TICKET</td><td>10%</td><td>3 d</td><td>6 h</td><td>1</td></tr>
 * </table>
 *
 * @param rules the rules, in the order alerts are listed; not empty
 * @param minimumEvents how many events the long window must hold before its rule may fire; 0 (the
 *     default) fires on any traffic. Guards low-traffic services from paging on one failed request.
 */
public record AlertPolicy(List<BurnRateRule> rules, long minimumEvents) {

    private static final AlertPolicy SRE_WORKBOOK = of(
            new BurnRateRule(Severity.PAGE, 0.02, Duration.ofHours(1), Duration.ofMinutes(5)),
            new BurnRateRule(Severity.PAGE, 0.05, Duration.ofHours(6), Duration.ofMinutes(30)),
            new BurnRateRule(Severity.TICKET, 0.10, Duration.ofDays(1), Duration.ofHours(2)),
            new BurnRateRule(Severity.TICKET, 0.10, Duration.ofDays(3), Duration.ofHours(6)));

    /**
     * Checks the fields and keeps an unmodifiable copy of {@code rules}.
     *
     * @param rules         the rules, in the order alerts are listed; not empty, no null element
     * @param minimumEvents events the long window must hold before its rule may fire, at least 0
     * @throws NullPointerException if {@code rules} or one of them is null
     * @throws IllegalArgumentException if {@code rules} is empty or {@code minimumEvents} is negative
     */
    public AlertPolicy {
        Objects.requireNonNull(rules, "rules must not be null");
        for (int i = 0; i < rules.size(); i++) {
            Objects.requireNonNull(rules.get(i), "rules[" + i + "] must not be null");
        }
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("rules must not be empty, got []");
        }
        if (minimumEvents < 0) {
            throw new IllegalArgumentException("minimumEvents must not be negative, got " + minimumEvents);
        }
    }

    /** {@return the four rules of the Google SRE Workbook, firing on any traffic; see the class documentation} */
    public static AlertPolicy sreWorkbook() {
        return SRE_WORKBOOK;
    }

    /**
     * A policy of the given rules, in that order, firing on any traffic.
     *
     * @param rules the rules, at least one, none null
     * @return the policy, with {@code minimumEvents} 0
     * @throws NullPointerException if a rule is null
     * @throws IllegalArgumentException if no rule is given
     */
    public static AlertPolicy of(BurnRateRule... rules) {
        Objects.requireNonNull(rules, "rules must not be null");
        for (int i = 0; i < rules.length; i++) {
            Objects.requireNonNull(rules[i], "rules[" + i + "] must not be null");
        }
        return new AlertPolicy(List.of(rules), 0);
    }

    /**
     * The same rules, firing only once a rule's long window holds at least {@code minimumEvents} events.
     *
     * @param minimumEvents events a long window must hold before its rule may fire, at least 0; 0 fires on any traffic
     * @return a new policy; this one is unchanged
     * @throws IllegalArgumentException if {@code minimumEvents} is negative
     */
    public AlertPolicy withMinimumEvents(long minimumEvents) {
        return new AlertPolicy(rules, minimumEvents);
    }

    /** {@return the longest look-back any rule needs: the longest of the rules' long windows} */
    public Duration longestWindow() {
        Duration longest = Duration.ZERO;
        for (BurnRateRule rule : rules) {
            if (rule.longWindow().compareTo(longest) > 0) {
                longest = rule.longWindow();
            }
        }
        return longest;
    }
}
