package dev.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The {@link Audience#INTERNAL} report, for engineering retros: every SLO with its owners, burn rates
 * over its alert policy's windows, events excluded for maintenance, its adherence over the last 30 days
 * (with advice when it misses durably), alerts firing, consumers and revisions; the cascades with
 * their blame and early warnings; and the findings of {@link SloRegistry#lint()} with their advice.
 */
final class InternalReport {
    private InternalReport() {}

    static Report of(SloRegistry registry) {
        Instant asOf = registry.clock().instant();
        List<Slo> all = registry.all();
        List<Finding> findings = registry.lint();
        StringBuilder md = new StringBuilder(4096);
        StringBuilder details = new StringBuilder(4096);
        JsonWriter json = new JsonWriter().beginObject()
                .member("audience", Audience.INTERNAL.name())
                .member("asOf", asOf.toString())
                .name("slos").beginArray();
        long customers = all.stream().filter(s -> s.spec().audience() == Audience.CUSTOMER).count();
        int firingTotal = 0;
        StringBuilder table = new StringBuilder("| SLO | Audience | Target | Attainment | Budget left | Alerts firing |\n"
                + "|---|---|---|---|---|---|\n");
        for (Slo slo : all) {
            SloSpec spec = slo.spec();
            ErrorBudget budget = slo.errorBudget();
            List<BurnRateAlert> alerts = slo.alerts();
            firingTotal += alerts.size();
            String audience = spec.audience().name().toLowerCase(Locale.ROOT);
            table.append("| ").append(ReportFormat.md(spec.name())).append(" | ").append(audience)
                    .append(" | ").append(ReportFormat.targetPercent(spec.target()))
                    .append(" | ").append(budget.insufficientData() ? "n/a" : ReportFormat.percent(budget.attainment(), 3))
                    .append(" | ").append(budget.insufficientData() ? "n/a" : ReportFormat.percent(budget.remaining(), 1))
                    .append(" | ").append(alerts.isEmpty() ? "none"
                            : String.join(", ", alerts.stream().map(a -> a.severity() + " " + ReportFormat.shortDuration(a.rule().longWindow())).toList()))
                    .append(" |\n");

            details.append("\n## ").append(ReportFormat.md(spec.name())).append("\n\n")
                    .append(ReportFormat.md(spec.description())).append(" (").append(audience).append(", ")
                    .append(ReportFormat.md(spec.sli().describe())).append(", ")
                    .append(ReportFormat.md(ReportFormat.window(spec.window()))).append(")\n\n")
                    .append("- Owners: ").append(ReportFormat.md(String.join(", ", spec.owners().stream().map(Owner::toString).toList()))).append('\n')
                    .append("- Events in window: ").append(budget.total()).append(", bad ").append(budget.bad())
                    .append(", budget consumed ").append(ReportFormat.percent(budget.consumed(), 1))
                    .append(" (").append(ReportFormat.status(budget)).append(")\n");
            json.beginObject()
                    .member("name", spec.name())
                    .member("audience", spec.audience().name())
                    .member("description", spec.description())
                    .member("sli", spec.sli().describe())
                    .member("target", spec.target())
                    .member("window", ReportFormat.window(spec.window()))
                    .name("owners").beginArray();
            for (Owner o : spec.owners()) {
                json.beginObject().member("name", o.name()).member("role", o.role().name()).endObject();
            }
            json.endArray()
                    .member("events", budget.total())
                    .member("goodEvents", budget.good())
                    .member("attainment", budget.attainment())
                    .member("budgetRemaining", budget.remaining())
                    .member("status", ReportFormat.status(budget))
                    .name("burnRates").beginArray();
            StringBuilder burns = new StringBuilder();
            for (Duration lookBack : lookBacks(spec)) {
                double rate = slo.burnRate(lookBack);
                burns.append(burns.length() == 0 ? "" : ", ").append(ReportFormat.shortDuration(lookBack))
                        .append(' ').append(ReportFormat.burn(rate));
                json.beginObject().member("lookBack", lookBack.toString()).member("burnRate", rate).endObject();
            }
            json.endArray();
            details.append("- Burn rates: ").append(burns).append('\n');
            long excluded = slo.excludedEvents();
            if (excluded > 0) {
                details.append("- Excluded during maintenance: ").append(excluded).append(" events\n");
            }
            Adherence adherence = slo.adherence();
            details.append("- Adherence: target met on ").append(adherence.daysMet()).append(" of ")
                    .append(adherence.daysWithData()).append(" days with events in the last ").append(Adherence.DAYS)
                    .append(adherence.durableGap() ? ", a durable gap" : "").append('\n');
            if (adherence.durableGap()) {
                details.append("- **Advice:** ").append(ReportFormat.md(adherence.advice())).append('\n');
            }
            if (spec.sli() instanceof Sli.Latency latencySli) {
                LatencyLine.append(slo, latencySli, details);
            }
            json.member("excludedEvents", excluded)
                    .name("adherence").beginObject()
                    .member("daysWithData", adherence.daysWithData())
                    .member("daysMet", adherence.daysMet())
                    .member("daysMissed", adherence.daysMissed())
                    .member("durableGap", adherence.durableGap())
                    .member("advice", adherence.advice())
                    .endObject();
            if (spec.sli() instanceof Sli.Latency latencySli) {
                LatencyLine.appendJson(slo, latencySli, json);
            }
            json.name("alertsFiring").beginArray();
            for (BurnRateAlert a : alerts) {
                details.append("- **").append(a.severity()).append("** firing: ")
                        .append(ReportFormat.percent(a.rule().budgetShare(), 0)).append(" of budget in ")
                        .append(ReportFormat.shortDuration(a.rule().longWindow())).append(", burn ")
                        .append(ReportFormat.burn(a.longBurnRate())).append(" (")
                        .append(ReportFormat.shortDuration(a.rule().shortWindow())).append(": ")
                        .append(ReportFormat.burn(a.shortBurnRate())).append(") against threshold ")
                        .append(ReportFormat.burn(a.threshold())).append('\n');
                json.beginObject().member("severity", a.severity().name())
                        .member("budgetShare", a.rule().budgetShare())
                        .member("longWindow", a.rule().longWindow().toString())
                        .member("shortWindow", a.rule().shortWindow().toString())
                        .member("threshold", a.threshold())
                        .member("longBurnRate", a.longBurnRate())
                        .member("shortBurnRate", a.shortBurnRate()).endObject();
            }
            json.endArray().name("consumers").beginArray();
            for (DownstreamConsumer c : spec.consumers()) {
                details.append("- Consumer ").append(ReportFormat.md(c.name())).append(" (")
                        .append(c.impact().name().toLowerCase(Locale.ROOT)).append(')')
                        .append(c.description().isEmpty() ? "" : ": " + ReportFormat.md(c.description())).append('\n');
                json.beginObject().member("name", c.name()).member("impact", c.impact().name())
                        .member("description", c.description()).endObject();
            }
            json.endArray().name("revisions").beginArray();
            for (Revision r : slo.revisions()) {
                details.append("- Revised ").append(ReportFormat.targetPercent(r.from())).append(" to ")
                        .append(ReportFormat.targetPercent(r.to())).append(" on ").append(r.when()).append(" by ")
                        .append(ReportFormat.md(r.who().toString())).append(": ").append(ReportFormat.md(r.why())).append('\n');
                json.beginObject().name("who").beginObject().member("name", r.who().name())
                        .member("role", r.who().role().name()).endObject()
                        .member("when", r.when().toString()).member("from", r.from()).member("to", r.to())
                        .member("why", r.why()).endObject();
            }
            json.endArray().endObject();
        }
        json.endArray();
        StringBuilder cascadeSection = new StringBuilder();
        json.name("cascades").beginArray();
        cascades(registry, cascadeSection, json);
        json.endArray();

        json.name("findings").beginArray();
        StringBuilder advice = new StringBuilder();
        for (Finding f : findings) {
            advice.append("- **").append(f.kind()).append("**")
                    .append(f.slo().isEmpty() ? "" : " " + ReportFormat.md(f.slo())).append(": ")
                    .append(ReportFormat.md(f.message())).append('\n');
            json.beginObject().member("kind", f.kind().name()).member("slo", f.slo()).member("message", f.message()).endObject();
        }
        json.endArray().endObject();

        md.append("# SLO report for engineering\n\n").append("As of ").append(asOf).append(": ").append(all.size())
                .append(" SLOs (").append(customers).append(" customer, ").append(all.size() - customers)
                .append(" internal), ").append(firingTotal).append(" alerts firing, ").append(findings.size())
                .append(" findings.\n\n");
        if (!all.isEmpty()) {
            md.append(table);
        }
        md.append(details).append(cascadeSection);
        md.append("\n## Findings and advice\n\n").append(findings.isEmpty() ? "None.\n" : advice);
        return new Report(Audience.INTERNAL, asOf, md.toString(), json.text());
    }

    /** The distinct long and short windows of the SLO's alert policy, shortest first. */
    private static List<Duration> lookBacks(SloSpec spec) {
        TreeSet<Duration> windows = new TreeSet<>();
        for (BurnRateRule rule : spec.alertPolicy().rules()) {
            windows.add(rule.longWindow());
            windows.add(rule.shortWindow());
        }
        return List.copyOf(windows);
    }

    /** Each cascade: compounded target, predicted and observed attainment, blame, early warnings. */
    private static void cascades(SloRegistry registry, StringBuilder md, JsonWriter json) {
        List<Cascade> cascades = registry.cascades();
        if (!cascades.isEmpty()) {
            md.append("\n## Cascades\n");
        }
        for (Cascade cascade : cascades) {
            Slo root = cascade.root();
            ErrorBudget budget = root.errorBudget();
            double compounded = cascade.compoundedTarget();
            double predicted = cascade.predictedAttainment();
            List<Contribution> blame = cascade.blame();
            List<EarlyWarning> warnings = cascade.earlyWarnings();
            md.append("\n### ").append(ReportFormat.md(root.name())).append("\n\n")
                    .append("- Depends on: ").append(ReportFormat.md(String.join(", ",
                            cascade.dependencies().stream().map(Slo::name).toList()))).append('\n')
                    .append("- Targets compound to ").append(ReportFormat.percent(compounded, 4)).append(" against ")
                    .append(ReportFormat.targetPercent(root.spec().target())).append('\n')
                    .append("- Predicted attainment ").append(ReportFormat.percent(predicted, 3)).append(", observed ")
                    .append(budget.insufficientData() ? "n/a" : ReportFormat.percent(budget.attainment(), 3)).append('\n')
                    .append("- Blame: ").append(ReportFormat.md(String.join(", ", blame.stream()
                            .map(c -> c.slo().name() + " " + ReportFormat.percent(c.share(), 1)).toList()))).append('\n');
            for (EarlyWarning w : warnings) {
                md.append("- Early warning (").append(w.rule().severity()).append(' ')
                        .append(ReportFormat.shortDuration(w.rule().longWindow())).append("): ")
                        .append(ReportFormat.md(w.dependency().name())).append(" predicts a burn of ")
                        .append(ReportFormat.burn(w.predictedBurnRate())).append(" on ").append(ReportFormat.md(root.name()))
                        .append('\n');
            }
            json.beginObject().member("root", root.name())
                    .name("dependencies").beginArray();
            for (Slo dependency : cascade.dependencies()) {
                json.value(dependency.name());
            }
            json.endArray()
                    .member("compoundedTarget", compounded)
                    .member("predictedAttainment", predicted)
                    .member("observedAttainment", budget.attainment())
                    .name("blame").beginArray();
            for (Contribution c : blame) {
                json.beginObject().member("slo", c.slo().name()).member("share", c.share()).endObject();
            }
            json.endArray().name("earlyWarnings").beginArray();
            for (EarlyWarning w : warnings) {
                json.beginObject().member("dependency", w.dependency().name())
                        .member("severity", w.rule().severity().name())
                        .member("longWindow", w.rule().longWindow().toString())
                        .member("predictedBurnRate", w.predictedBurnRate()).endObject();
            }
            json.endArray().endObject();
        }
    }
}
