package dev.slo;

import java.time.Instant;
import java.util.List;

/**
 * The {@link Audience#CUSTOMER} report: customer SLOs only, for product reviews and status pages.
 * It reads nothing of an internal SLO (not even how many there are), and names revision actors by
 * role only, since an engineering owner's name is often a team's that also owns internal SLOs.
 */
final class CustomerReport {
    private CustomerReport() {}

    static Report of(SloRegistry registry) {
        Instant asOf = registry.clock().instant();
        List<Slo> customer = registry.all().stream().filter(s -> s.spec().audience() == Audience.CUSTOMER).toList();
        StringBuilder md = new StringBuilder(1024);
        JsonWriter json = new JsonWriter().beginObject()
                .member("audience", Audience.CUSTOMER.name())
                .member("asOf", asOf.toString())
                .name("slos").beginArray();
        md.append("# Service level report\n\n").append("As of ").append(asOf).append(".\n\n");
        if (customer.isEmpty()) {
            md.append("No customer promises are defined.\n");
        } else {
            md.append("| Promise | Target | Window | Attainment | Budget left | Status |\n")
                    .append("|---|---|---|---|---|---|\n");
        }
        StringBuilder revisions = new StringBuilder();
        for (Slo slo : customer) {
            SloSpec spec = slo.spec();
            List<Revision> log = slo.revisions();
            ErrorBudget budget = slo.errorBudget();
            md.append("| ").append(ReportFormat.md(spec.description())).append(" (").append(ReportFormat.md(spec.name()))
                    .append(") | ").append(ReportFormat.targetPercent(spec.target()))
                    .append(" | ").append(ReportFormat.md(ReportFormat.window(spec.window())))
                    .append(" | ").append(budget.insufficientData() ? "n/a" : ReportFormat.percent(budget.attainment(), 3))
                    .append(" | ").append(budget.insufficientData() ? "n/a" : ReportFormat.percent(budget.remaining(), 1))
                    .append(" | ").append(ReportFormat.status(budget)).append(" |\n");
            json.beginObject()
                    .member("name", spec.name())
                    .member("promise", spec.description())
                    .member("target", spec.target())
                    .member("window", ReportFormat.window(spec.window()))
                    .member("events", budget.total())
                    .member("goodEvents", budget.good())
                    .member("attainment", budget.attainment())
                    .member("budgetRemaining", budget.remaining())
                    .member("status", ReportFormat.status(budget))
                    .name("revisions").beginArray();
            for (Revision r : log) {
                String role = r.who().role().name().toLowerCase(java.util.Locale.ROOT);
                revisions.append("- ").append(ReportFormat.md(spec.name())).append(": ")
                        .append(ReportFormat.targetPercent(r.from())).append(" to ").append(ReportFormat.targetPercent(r.to()))
                        .append(" on ").append(r.when()).append(" by the ").append(role).append(" owner: ")
                        .append(ReportFormat.md(r.why())).append('\n');
                json.beginObject().member("when", r.when().toString()).member("byRole", role)
                        .member("from", r.from()).member("to", r.to()).member("why", r.why()).endObject();
            }
            json.endArray().endObject();
        }
        if (revisions.length() > 0) {
            md.append("\n## Revisions of the promises\n\n").append(revisions);
        }
        json.endArray().endObject();
        return new Report(Audience.CUSTOMER, asOf, md.toString(), json.text());
    }
}
