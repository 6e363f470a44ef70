// Renders the report rows as Markdown (GitHub flavour): headings, one table, lists.
package dev.slo.report;

import static dev.slo.report.Formats.burn;
import static dev.slo.report.Formats.md;
import static dev.slo.report.Formats.measured;
import static dev.slo.report.Formats.percent;
import static dev.slo.report.Formats.shortDuration;
import static dev.slo.report.Formats.status;
import static dev.slo.report.Formats.targetPercent;

import dev.slo.Adherence;
import dev.slo.BurnRateAlert;
import dev.slo.DownstreamConsumer;
import dev.slo.EarlyWarning;
import dev.slo.ErrorBudget;
import dev.slo.Finding;
import dev.slo.Owner;
import dev.slo.Revision;
import dev.slo.SloSpec;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Markdown for people: every free text (names, descriptions, reasons) passes through {@link Formats#md},
 * so that none can open a link, a tag, a heading or a new table cell; figures are rounded for reading.
 */
final class MarkdownRenderer {
    private MarkdownRenderer() {}

    /**
     * @param rows the customer report's rows
     * @return a table of promises, then their revisions
     */
    static String customer(CustomerRows rows) {
        StringBuilder out = new StringBuilder(1024).append("# Service level report\n\n")
                .append("As of ").append(rows.asOf()).append(".\n\n");
        if (rows.promises().isEmpty()) {
            out.append("No customer promises are defined.\n");
        } else {
            out.append("| Promise | Target | Window | Attainment | Budget left | Status |\n|---|---|---|---|---|---|\n");
        }
        StringBuilder revisions = new StringBuilder();
        for (CustomerRows.Promise p : rows.promises()) {
            ErrorBudget budget = p.budget();
            out.append("| ").append(md(p.promise())).append(" (").append(md(p.name())).append(") | ")
                    .append(targetPercent(p.target())).append(" | ").append(md(p.window()))
                    .append(" | ").append(measured(budget, budget.attainment(), 3))
                    .append(" | ").append(measured(budget, budget.remaining(), 1))
                    .append(" | ").append(status(budget)).append(" |\n");
            for (CustomerRows.RoleRevision r : p.revisions()) {
                revisions.append("- ").append(md(p.name())).append(": ").append(targetPercent(r.from())).append(" to ")
                        .append(targetPercent(r.to())).append(" on ").append(r.when()).append(" by the ")
                        .append(r.byRole()).append(" owner: ").append(md(r.why())).append('\n');
            }
        }
        if (revisions.length() > 0) {
            out.append("\n## Revisions of the promises\n\n").append(revisions);
        }
        return out.toString();
    }

    /**
     * @param rows the internal report's rows
     * @return a summary line, a table of every SLO, a section per SLO, the cascades, the findings
     */
    static String internal(InternalRows rows) {
        List<InternalRows.SloRow> slos = rows.slos();
        long customers = rows.customerCount();
        StringBuilder out = new StringBuilder(8192).append("# SLO report for engineering\n\n")
                .append("As of ").append(rows.asOf()).append(": ").append(slos.size()).append(" SLOs (")
                .append(customers).append(" customer, ").append(slos.size() - customers).append(" internal), ")
                .append(rows.alertsFiring()).append(" alerts firing, ").append(rows.findings().size()).append(" findings.\n\n");
        if (!slos.isEmpty()) {
            out.append("| SLO | Audience | Target | Attainment | Budget left | Alerts firing |\n|---|---|---|---|---|---|\n");
            for (InternalRows.SloRow row : slos) {
                tableRow(row, out);
            }
        }
        for (InternalRows.SloRow row : slos) {
            section(row, out);
        }
        if (!rows.cascades().isEmpty()) {
            out.append("\n## Cascades\n");
        }
        for (InternalRows.CascadeRow cascade : rows.cascades()) {
            cascade(cascade, out);
        }
        out.append("\n## Findings and advice\n\n");
        if (rows.findings().isEmpty()) {
            out.append("None.\n");
        }
        for (Finding f : rows.findings()) {
            out.append("- **").append(f.kind()).append("**").append(f.slo().isEmpty() ? "" : " " + md(f.slo()))
                    .append(": ").append(md(f.message())).append('\n');
        }
        return out.toString();
    }

    private static String audience(SloSpec spec) {
        return spec.audience().name().toLowerCase(Locale.ROOT);
    }

    private static void tableRow(InternalRows.SloRow row, StringBuilder out) {
        SloSpec spec = row.spec();
        ErrorBudget budget = row.budget();
        out.append("| ").append(md(spec.name())).append(" | ").append(audience(spec))
                .append(" | ").append(targetPercent(spec.target()))
                .append(" | ").append(measured(budget, budget.attainment(), 3))
                .append(" | ").append(measured(budget, budget.remaining(), 1))
                .append(" | ").append(row.alerts().isEmpty() ? "none" : row.alerts().stream()
                        .map(a -> a.severity() + " " + shortDuration(a.rule().longWindow())).collect(Collectors.joining(", ")))
                .append(" |\n");
    }

    private static void section(InternalRows.SloRow row, StringBuilder out) {
        SloSpec spec = row.spec();
        ErrorBudget budget = row.budget();
        out.append("\n## ").append(md(spec.name())).append("\n\n")
                .append(md(spec.description())).append(" (").append(audience(spec)).append(", ")
                .append(md(spec.sli().describe())).append(", ").append(md(spec.window().describe())).append(")\n\n")
                .append("- Owners: ").append(md(spec.owners().stream().map(Owner::toString).collect(Collectors.joining(", "))))
                .append('\n')
                .append("- Events in window: ").append(budget.total()).append(", bad ").append(budget.bad())
                .append(", budget consumed ").append(percent(budget.consumed(), 1))
                .append(" (").append(status(budget)).append(")\n")
                .append("- Burn rates: ").append(row.burnRates().stream()
                        .map(b -> shortDuration(b.lookBack()) + " " + burn(b.rate())).collect(Collectors.joining(", ")))
                .append('\n');
        if (row.excludedEvents() > 0) {
            out.append("- Excluded during maintenance: ").append(row.excludedEvents())
                    .append(row.excludedEvents() == 1 ? " event\n" : " events\n");
        }
        Adherence adherence = row.adherence();
        out.append("- Adherence: target met on ").append(adherence.daysMet()).append(" of ")
                .append(adherence.daysWithData()).append(" days with events in the last ").append(Adherence.DAYS)
                .append(adherence.durableGap() ? ", a durable gap" : "").append('\n');
        if (adherence.durableGap()) {
            out.append("- **Advice:** ").append(md(adherence.advice())).append('\n');
        }
        row.latency().ifPresent(latency -> latency(latency, out));
        for (BurnRateAlert a : row.alerts()) {
            out.append("- **").append(a.severity()).append("** firing: ").append(percent(a.rule().budgetShare(), 0))
                    .append(" of budget in ").append(shortDuration(a.rule().longWindow())).append(", burn ")
                    .append(burn(a.longBurnRate())).append(" (").append(shortDuration(a.rule().shortWindow())).append(": ")
                    .append(burn(a.shortBurnRate())).append(") against threshold ").append(burn(a.threshold())).append('\n');
        }
        row.groupLabel().ifPresent(label -> groups(label, row.groups(), out));
        for (DownstreamConsumer c : spec.consumers()) {
            out.append("- Consumer ").append(md(c.name())).append(" (").append(c.impact().name().toLowerCase(Locale.ROOT))
                    .append(')').append(c.description().isEmpty() ? "" : ": " + md(c.description())).append('\n');
        }
        for (Revision r : row.revisions()) {
            out.append("- Revised ").append(targetPercent(r.from())).append(" to ").append(targetPercent(r.to()))
                    .append(" on ").append(r.when()).append(" by ").append(md(r.who().toString())).append(": ")
                    .append(md(r.why())).append('\n');
        }
    }

    /** A grouped SLO's groups: one line each, e.g. "- endpoint /pay: 99.913%, budget remaining 13.0%, PAGE 1h firing". */
    private static void groups(String label, List<InternalRows.GroupRow> groups, StringBuilder out) {
        out.append("- Grouped by ").append(md(label)).append(": ").append(groups.isEmpty() ? "no groups yet" : groups.size() + " groups")
                .append('\n');
        for (InternalRows.GroupRow g : groups) {
            out.append("  - ").append(md(label)).append(' ').append(md(g.value())).append(": ")
                    .append(measured(g.budget(), g.budget().attainment(), 3)).append(" of ").append(g.budget().total())
                    .append(", budget remaining ").append(measured(g.budget(), g.budget().remaining(), 1))
                    .append(g.alerts().isEmpty() ? "" : ", " + g.alerts().stream()
                            .map(a -> a.severity() + " " + shortDuration(a.rule().longWindow())).collect(Collectors.joining(", ")) + " firing")
                    .append('\n');
        }
    }

    /** One list line, e.g. "- Latency (30d): p50 20.1 ms, p99 ... the service meets 412 ms". */
    private static void latency(InternalRows.LatencyRow l, StringBuilder out) {
        out.append("- Latency (").append(shortDuration(l.lookBack())).append("): ");
        if (l.total() == 0) {
            out.append("no events recorded with a latency\n");
            return;
        }
        out.append("p50 ").append(Formats.readable(l.p50())).append(", p99 ").append(Formats.readable(l.p99()))
                .append(", p99.9 ").append(Formats.readable(l.p999())).append(" over ").append(l.count())
                .append(" successful events (").append(l.failed()).append(" failed); ")
                .append(percent(l.attainmentAtThreshold(), 3)).append(" within ").append(Formats.readable(l.threshold()))
                .append("; at the target of ").append(targetPercent(l.target()))
                .append(l.thresholdMetAtTarget().map(t -> " the service meets " + Formats.readable(t))
                        .orElse(" no threshold would do: failures alone exceed the budget")).append('\n');
    }

    private static void cascade(InternalRows.CascadeRow c, StringBuilder out) {
        out.append("\n### ").append(md(c.root())).append("\n\n")
                .append("- Depends on: ").append(md(String.join(", ", c.dependencies()))).append('\n')
                .append("- Targets compound to ").append(percent(c.compoundedTarget(), 4)).append(" against ")
                .append(targetPercent(c.rootTarget())).append('\n')
                .append("- Predicted attainment ").append(percent(c.predictedAttainment(), 3)).append(", observed ")
                .append(measured(c.rootBudget(), c.rootBudget().attainment(), 3)).append('\n')
                .append("- Blame: ").append(md(c.blame().stream().map(b -> b.slo().name() + " " + percent(b.share(), 1))
                        .collect(Collectors.joining(", ")))).append('\n');
        for (EarlyWarning w : c.earlyWarnings()) {
            out.append("- Early warning (").append(w.rule().severity()).append(' ')
                    .append(shortDuration(w.rule().longWindow())).append("): ").append(md(w.dependency().name()))
                    .append(" predicts a burn of ").append(burn(w.predictedBurnRate())).append(" on ").append(md(c.root()))
                    .append('\n');
        }
    }
}
