package dev.slo;

// Early warnings: the dependencies whose burn alone would fire one of the root's alert rules while the root's own alert is quiet.

import dev.slo.engine.Tally;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The early warnings of a cascade, for {@link Cascade#earlyWarnings()}.
 *
 * <p>For each unit of the {@link CascadeModel}, the root's error ratio over each look-back of the root's
 * alert policy is predicted from that unit alone: {@code share * errorRatio} for a critical dependency,
 * {@code Π errorRatio_m} for a redundant group (whose long window counts the fewest events of its
 * members). That prediction goes through the same {@link RuleEvaluation} as the root's own
 * {@link Slo#alerts()}, against the root's budget fraction and window length; a rule that fires on a
 * positive predicted burn, while the root's own alert for it is quiet, warns for each member of the unit.
 * Most urgent first: PAGE before TICKET, then the policy's rule order, then the higher burn (ties in the
 * order of the model's units).
 *
 * <p>Package-private; stateless, so thread-safe. Every count it reads, the root's and the dependencies',
 * is read through {@link Slo}'s tally methods at the one clock reading it is given.
 */
final class EarlyWarnings {

    private EarlyWarnings() {}

    /**
     * The warnings, most urgent first.
     *
     * @param root         the cascade's root
     * @param model        the flattened cascade
     * @param dependencies every SLO the model reaches ({@link Cascade#allDependencies()})
     * @param rootBudget   the root's error budget as of {@code now}: the time to exhaustion spends what remains
     * @param now          the query's clock reading, in epoch ms
     * @return the warnings, possibly none
     */
    static List<EarlyWarning> of(Slo root, CascadeModel model, List<Slo> dependencies, ErrorBudget rootBudget,
                                 long now) {
        SloSpec rootSpec = root.spec();
        AlertPolicy policy = rootSpec.alertPolicy();
        Set<BurnRateRule> firing = new HashSet<>();
        for (BurnRateAlert alert : root.queries().alerts(now)) {
            firing.add(alert.rule());
        }
        Duration windowLength = rootSpec.window().length(Instant.ofEpochMilli(now));
        double fraction = rootSpec.budgetFraction();
        long[] lookBacks = RuleEvaluation.lookBacks(policy.rules());
        Map<Slo, Tally[]> tallies = new IdentityHashMap<>();
        for (Slo slo : dependencies) {
            tallies.put(slo, slo.queries().tally(now, lookBacks));
        }
        record Ranked(EarlyWarning warning, int ruleIndex) {}
        List<Ranked> ranked = new ArrayList<>();
        for (CascadeModel.Unit unit : model.units()) {
            RuleEvaluation.Seen[] seen = predicted(unit, tallies, lookBacks.length);
            for (RuleEvaluation.Firing fired : RuleEvaluation.firing(policy, windowLength, fraction, seen)) {
                if (firing.contains(fired.rule()) || !(fired.longBurn() > 0)) {
                    continue;
                }
                Optional<Duration> left = Optional.empty();
                if (rootBudget.remaining() > 0) {
                    double nanos = rootBudget.remaining() * windowLength.toNanos() / fired.longBurn();
                    left = Optional.of(Duration.ofNanos((long) Math.min(nanos, Long.MAX_VALUE)));
                }
                for (Slo member : unit.members()) {
                    ranked.add(new Ranked(new EarlyWarning(member, fired.rule(), fired.longBurn(), left), fired.index()));
                }
            }
        }
        ranked.sort(Comparator.<Ranked>comparingInt(x -> x.warning().severity().ordinal())
                .thenComparingInt(Ranked::ruleIndex)
                .thenComparing(Comparator.comparingDouble((Ranked x) -> x.warning().predictedBurnRate()).reversed()));
        List<EarlyWarning> warnings = new ArrayList<>();
        for (Ranked r : ranked) {
            warnings.add(r.warning());
        }
        return List.copyOf(warnings);
    }

    /**
     * The root's error ratio over each look-back as {@code unit} alone predicts it: the unit's share times
     * the product of its members' error ratios; the count is the fewest events any member saw.
     */
    private static RuleEvaluation.Seen[] predicted(CascadeModel.Unit unit, Map<Slo, Tally[]> tallies, int lookBacks) {
        RuleEvaluation.Seen[] seen = new RuleEvaluation.Seen[lookBacks];
        for (int k = 0; k < lookBacks; k++) {
            double ratio = unit.share();
            long total = Long.MAX_VALUE;
            for (Slo member : unit.members()) {
                Tally t = tallies.get(member)[k];
                ratio *= t.errorRatio();
                total = Math.min(total, t.total());
            }
            seen[k] = new RuleEvaluation.Seen(ratio, total);
        }
        return seen;
    }
}
