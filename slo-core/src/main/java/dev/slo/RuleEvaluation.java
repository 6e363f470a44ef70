package dev.slo;

// The one burn-rate rule loop: which rules of an alert policy fire, given what was seen over their windows.

import dev.slo.engine.Tally;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The multiwindow burn-rate test (SRE Workbook ch. 5), said once for every reader that applies an {@link AlertPolicy}:
 * {@link Slo#alerts()} judges an SLO's own counts with it, and {@link Cascade#earlyWarnings()} judges the
 * customer burn that a dependency alone predicts. A rule fires when the burn over its long window and over
 * its short window both reach {@link BurnRateRule#threshold(Duration)} for the window's length (as
 * {@link #reaches} judges it, allowing for the last bits of floating error), and the long window holds
 * at least the policy's {@link AlertPolicy#minimumEvents()}.
 *
 * <p>The look-backs of a policy's rules travel as one array, {@link #lookBacks}: rule {@code i}'s long
 * window at {@code 2*i}, its short window at {@code 2*i+1}. What a reader saw over them travels as a
 * {@link Seen} array in the same order.
 *
 * <p>Package-private; stateless, so thread-safe.
 */
final class RuleEvaluation {

    private RuleEvaluation() {}

    /**
     * What a reader saw over one look-back.
     *
     * @param errorRatio the share of bad events (or slices) in it, in [0,1]; 0.0 with none
     * @param total      how many events (or slices) it held: the policy's minimum is judged on this
     */
    record Seen(double errorRatio, long total) {

        /** What one SLO's tally shows. */
        static Seen of(Tally tally) {
            return new Seen(tally.errorRatio(), tally.total());
        }

        /** What each of one SLO's tallies shows, in their order. */
        static Seen[] of(Tally[] tallies) {
            Seen[] seen = new Seen[tallies.length];
            for (int i = 0; i < tallies.length; i++) {
                seen[i] = of(tallies[i]);
            }
            return seen;
        }
    }

    /**
     * One rule that fires.
     *
     * @param index     the rule's place in the policy's rules
     * @param rule      the rule
     * @param longBurn  the burn over its long window
     * @param shortBurn the burn over its short window
     * @param threshold the threshold both reached
     */
    record Firing(int index, BurnRateRule rule, double longBurn, double shortBurn, double threshold) {

        /** The alert {@code slo} shows for this rule. */
        BurnRateAlert alert(Slo slo) {
            return new BurnRateAlert(slo, rule, longBurn, shortBurn, threshold);
        }
    }

    /** The look-backs of {@code rules}, in ms: long window of rule {@code i} at {@code 2*i}, short window at {@code 2*i+1}. */
    static long[] lookBacks(List<BurnRateRule> rules) {
        long[] lookBacks = new long[2 * rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            lookBacks[2 * i] = rules.get(i).longWindow().toMillis();
            lookBacks[2 * i + 1] = rules.get(i).shortWindow().toMillis();
        }
        return lookBacks;
    }

    /**
     * The rules of {@code policy} that fire, in the policy's order.
     *
     * @param policy         the alert policy whose rules are judged
     * @param windowLength   the length of the SLO's window (for a calendar window, of the current period)
     * @param budgetFraction {@code 1 - target} of the SLO whose budget the burns spend
     * @param seen           what was seen over each of {@link #lookBacks}{@code (policy.rules())}, in that order
     * @return the firing rules with their burns, in the policy's order
     */
    static List<Firing> firing(AlertPolicy policy, Duration windowLength, double budgetFraction, Seen[] seen) {
        List<BurnRateRule> rules = policy.rules();
        List<Firing> firing = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            BurnRateRule rule = rules.get(i);
            Seen longWindow = seen[2 * i];
            double longBurn = longWindow.errorRatio() / budgetFraction;
            double shortBurn = seen[2 * i + 1].errorRatio() / budgetFraction;
            double threshold = rule.threshold(windowLength);
            if (reaches(longBurn, threshold) && reaches(shortBurn, threshold)
                    && longWindow.total() >= policy.minimumEvents()) {
                firing.add(new Firing(i, rule, longBurn, shortBurn, threshold));
            }
        }
        return firing;
    }

    /** A burn "reaches" a threshold allowing for the last bits of floating error (14.399999... reaches 14.4). */
    static boolean reaches(double burn, double threshold) {
        return burn >= threshold * (1 - 1e-9);
    }
}
