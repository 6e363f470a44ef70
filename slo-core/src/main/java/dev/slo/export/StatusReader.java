// Reads the status page's rows from a registry through the public face, for one audience.
package dev.slo.export;

import dev.slo.AlertTransition;
import dev.slo.Audience;
import dev.slo.BurnRateAlert;
import dev.slo.BurnRateRule;
import dev.slo.Budgeting;
import dev.slo.Cascade;
import dev.slo.Contribution;
import dev.slo.EarlyWarning;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.SloSpec;
import dev.slo.SloStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds {@link StatusRows}. For {@link Audience#CUSTOMER} it follows the customer report's rules: it reads
 * nothing of an internal SLO (not even how many there are, nor their alert transitions), no owner or
 * consumer, no group of a grouped SLO (its values, paths or tenants, are for engineers), and no cascade,
 * whose blame names internal SLOs. For {@link Audience#INTERNAL} it reads every SLO, each grouped one's
 * groups after it (named as {@link Slo#displayName()} names them), their owners and consumers, and every cascade.
 */
final class StatusReader {
    private StatusReader() {}

    /**
     * @param registry the registry to show
     * @param audience whom the page is for
     * @return the rows, as of the registry clock's reading now
     */
    static StatusRows rows(SloRegistry registry, Audience audience) {
        Instant asOf = registry.clock().instant();
        boolean internal = audience == Audience.INTERNAL;
        List<AlertTransition> history = registry.alertHistory();
        List<StatusRows.Panel> panels = new ArrayList<>();
        for (Slo slo : registry.all()) {
            if (internal || slo.spec().audience() == Audience.CUSTOMER) {
                panels.add(panel(slo, asOf, history, internal));
            }
            if (internal) {                               // a group's values (paths, tenants) are for engineers only
                for (Slo group : slo.groups()) {
                    panels.add(panel(group, asOf, history, true));
                }
            }
        }
        List<StatusRows.CascadeRow> cascades = new ArrayList<>();
        if (internal) {
            for (Cascade cascade : registry.cascades()) {
                cascades.add(row(cascade));
            }
        }
        return new StatusRows(asOf, audience, panels, cascades);
    }

    private static StatusRows.Panel panel(Slo slo, Instant asOf, List<AlertTransition> history, boolean internal) {
        SloSpec spec = slo.spec();
        SloStatus status = slo.status();                  // budget, burns and alerts of one reading
        Map<Duration, Double> burns = status.burnRates();
        Duration windowLength = spec.window().length(asOf);
        List<StatusRows.RuleRow> rules = new ArrayList<>();
        for (BurnRateRule rule : spec.alertPolicy().rules()) {
            rules.add(new StatusRows.RuleRow(rule, burns.getOrDefault(rule.longWindow(), 0.0),
                    burns.getOrDefault(rule.shortWindow(), 0.0), rule.threshold(windowLength)));
        }
        List<StatusRows.Firing> firing = new ArrayList<>();
        for (BurnRateAlert alert : status.alerts()) {
            firing.add(new StatusRows.Firing(alert.rule(), alert.longBurnRate(), alert.shortBurnRate()));
        }
        List<StatusRows.Change> changes = new ArrayList<>();
        for (AlertTransition t : history) {
            if (t.slo() == slo) {
                changes.add(StatusRows.Change.of(t));
            }
        }
        changes.sort(Comparator.comparing(StatusRows.Change::at).reversed());   // newest first; stable: one evaluation's in policy order
        Optional<StatusRows.Internals> internals = internal
                ? Optional.of(new StatusRows.Internals(spec.audience(), spec.sli().describe(), spec.owners(), spec.consumers()))
                : Optional.empty();
        return new StatusRows.Panel(slo.displayName(), spec.description(), spec.target(), spec.window().describe(),
                !(spec.budgeting() instanceof Budgeting.Occurrences), status.budget(), BurnDown.of(slo, asOf), rules,
                firing, changes, internals);
    }

    private static StatusRows.CascadeRow row(Cascade cascade) {
        Slo root = cascade.root();
        List<StatusRows.Blame> blame = new ArrayList<>();
        for (Contribution c : cascade.blame()) {
            blame.add(new StatusRows.Blame(c.slo().name(), c.share()));
        }
        List<StatusRows.Warning> warnings = new ArrayList<>();
        for (EarlyWarning w : cascade.earlyWarnings()) {
            warnings.add(new StatusRows.Warning(w.dependency().name(), w.rule(), w.predictedBurnRate(), w.timeToExhaustion()));
        }
        return new StatusRows.CascadeRow(root.name(), root.spec().target(), root.errorBudget().attainment(),
                cascade.compoundedTarget(), cascade.predictedAttainment(), blame, warnings);
    }
}
