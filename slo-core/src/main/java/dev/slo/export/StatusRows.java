// The row model of the status page: what it shows of each SLO and cascade, read once, then rendered.
package dev.slo.export;

import dev.slo.AlertTransition;
import dev.slo.Audience;
import dev.slo.BurnRateRule;
import dev.slo.DownstreamConsumer;
import dev.slo.ErrorBudget;
import dev.slo.Owner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the status page shows, as values: no {@link dev.slo.Slo} handle, no
 * {@link dev.slo.AlertTransition} or {@link dev.slo.BurnRateAlert} (which carry one), so that the renderer
 * cannot reach anything the reader did not put here. For {@link Audience#CUSTOMER} the reader puts in
 * customer SLOs only, no {@link Internals} and no cascades: owners, teams, consumers and internal SLOs
 * are then not in the rows at all, as in the customer report's rows.
 *
 * @param asOf     the registry clock's reading the page was built at
 * @param audience whom the page is for
 * @param panels   one per SLO shown, in definition order
 * @param cascades every built cascade (internal page only; empty for customers)
 */
record StatusRows(Instant asOf, Audience audience, List<Panel> panels, List<CascadeRow> cascades) {

    StatusRows {
        Objects.requireNonNull(asOf, "asOf must not be null");
        Objects.requireNonNull(audience, "audience must not be null");
        panels = List.copyOf(panels);
        cascades = List.copyOf(cascades);
    }

    /**
     * One SLO.
     *
     * @param name        its name
     * @param description its promise or diagnostic in words
     * @param target      its target, a fraction in (0,1)
     * @param window      its window in words
     * @param slices      whether its budget counts time slices rather than events
     * @param budget      its error budget over the window
     * @param burnDown    the budget's burn-down over the window; empty under time-slice budgeting
     * @param rules       each rule of its alert policy with the burn over its windows, in policy order
     * @param firing      the rules firing now ({@link dev.slo.Slo#alerts()}), in policy order
     * @param history     its alert transitions ({@link dev.slo.SloRegistry#alertHistory()}), newest first (one
     *     evaluation's in policy order)
     * @param internals   owners, consumers, SLI: on the internal page only
     */
    record Panel(String name, String description, double target, String window, boolean slices, ErrorBudget budget,
            Optional<BurnDown> burnDown, List<RuleRow> rules, List<Firing> firing, List<Change> history,
            Optional<Internals> internals) {

        Panel {
            rules = List.copyOf(rules);
            firing = List.copyOf(firing);
            history = List.copyOf(history);
        }
    }

    /**
     * One rule of an alert policy and the burn now over its two windows ({@link dev.slo.Slo#burnRates()}).
     *
     * @param rule      the rule
     * @param longBurn  the burn rate over its long window
     * @param shortBurn the burn rate over its short window
     * @param threshold the burn both must reach for it to fire, for the window's length now
     */
    record RuleRow(BurnRateRule rule, double longBurn, double shortBurn, double threshold) {}

    /**
     * A rule firing now, with the burns it fired on.
     *
     * @param rule      the rule
     * @param longBurn  the burn rate over its long window
     * @param shortBurn the burn rate over its short window
     */
    record Firing(BurnRateRule rule, double longBurn, double shortBurn) {}

    /**
     * An alert that started or stopped firing: an {@link AlertTransition} without its SLO.
     *
     * @param at        the evaluation's clock reading
     * @param state     FIRING or RESOLVED
     * @param rule      the rule
     * @param longBurn  the burn over the long window then
     * @param shortBurn the burn over the short window then
     * @param firedFor  on RESOLVED, how long it fired; zero on FIRING
     */
    record Change(Instant at, AlertTransition.State state, BurnRateRule rule, double longBurn, double shortBurn,
            Duration firedFor) {

        static Change of(AlertTransition t) {
            return new Change(t.at(), t.state(), t.rule(), t.longBurnRate(), t.shortBurnRate(), t.firedFor());
        }
    }

    /**
     * What only engineers see of an SLO.
     *
     * @param audience  customer-facing or internal
     * @param sli       its SLI in words
     * @param owners    its owners, in the order given
     * @param consumers the teams or systems downstream of it
     */
    record Internals(Audience audience, String sli, List<Owner> owners, List<DownstreamConsumer> consumers) {

        Internals {
            owners = List.copyOf(owners);
            consumers = List.copyOf(consumers);
        }
    }

    /**
     * A cascade: its prediction of the root and who is to blame.
     *
     * @param root                the root SLO's name
     * @param rootTarget          the root's target
     * @param rootAttainment      the root's observed attainment over its window
     * @param compoundedTarget    the product of the dependencies' targets ({@link dev.slo.Cascade#compoundedTarget()})
     * @param predictedAttainment the same product over their attainments
     * @param blame               each dependency's share of the blame, largest first
     * @param warnings            the early warnings, most urgent first
     */
    record CascadeRow(String root, double rootTarget, double rootAttainment, double compoundedTarget, double predictedAttainment,
            List<Blame> blame, List<Warning> warnings) {

        CascadeRow {
            blame = List.copyOf(blame);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * A dependency's share of a cascade's blame.
     *
     * @param slo   the dependency's name
     * @param share its share, in [0,1]
     */
    record Blame(String slo, double share) {}

    /**
     * An early warning of a cascade.
     *
     * @param dependency       the dependency whose burn predicts the root's breach
     * @param rule             the root's rule it predicts
     * @param predictedBurn    the root's burn predicted from the dependency alone, over the rule's long window
     * @param timeToExhaustion how long the root's budget lasts at that burn, when known
     */
    record Warning(String dependency, BurnRateRule rule, double predictedBurn, Optional<Duration> timeToExhaustion) {}
}
