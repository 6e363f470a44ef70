// Renders the status page's rows as one HTML page: a header, a section per SLO, then the cascades.
package dev.slo.export;

import dev.slo.AlertTransition;
import dev.slo.Audience;
import dev.slo.BurnRateRule;
import dev.slo.DownstreamConsumer;
import dev.slo.ErrorBudget;
import dev.slo.Owner;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes {@link StatusRows} through {@link Html}, so every text is escaped and every element closed; reads no
 * clock and no registry. The class names ({@code slo}, {@code verdict}, {@code burn-rates}, {@code firing},
 * {@code alert-history}, {@code internals}, {@code cascade}) are the page's structure, for style and for tests.
 */
final class StatusHtml {
    /** Content-Security-Policy: nothing may load, nothing may run; only the page's own style applies. */
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    private static final String STYLE = String.join("",
            "body{font-family:system-ui,sans-serif;margin:0;padding:16px 24px;color:#1b1f24;background:#ffffff;max-width:760px}",
            "h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.25em;margin:0 0 6px}h3{font-size:1em;margin:14px 0 4px}",
            "section{border-top:1px solid #d0d7de;padding:14px 0}",
            ".name{color:#57606a;font-weight:normal;font-size:0.8em;font-family:monospace}",
            ".met strong{color:#1a7f37}.missed strong{color:#cf222e}.nodata strong{color:#57606a}",
            "dl{display:grid;grid-template-columns:max-content auto;gap:2px 14px;margin:6px 0}dt{font-weight:600}dd{margin:0}",
            "table{border-collapse:collapse;font-size:0.9em}th,td{border-bottom:1px solid #d0d7de;padding:3px 8px;text-align:left}",
            "tr.firing td{background:#ffebe9}figure{margin:8px 0}figcaption,.note{font-size:0.85em;color:#57606a}td time{white-space:nowrap}",
            "svg .tick{font-size:11px;fill:#57606a}svg .grid{stroke:#d0d7de;stroke-width:1}svg .zero{stroke:#57606a;stroke-width:1}");

    private StatusHtml() {}

    /** {@return the page of {@code rows}} */
    static String page(StatusRows rows) {
        boolean customer = rows.audience() == Audience.CUSTOMER;
        String title = customer ? "Service status" : "SLO status for engineering";
        Html out = new Html();
        out.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en");
        out.open("head");
        out.empty("meta", "charset", "utf-8");
        out.empty("meta", "http-equiv", "Content-Security-Policy", "content", POLICY);
        out.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        out.element("title", title);
        out.open("style").trusted(STYLE).close();
        out.close();
        out.open("body", "class", customer ? "customer" : "internal");
        out.open("header").element("h1", title);
        out.open("p", "class", "summary").text("As of ").element("time", rows.asOf().toString(), "datetime", rows.asOf().toString())
                .text(". " + summary(rows, customer)).close();
        out.close();
        out.open("main");
        if (rows.panels().isEmpty()) {
            out.element("p", customer ? "No customer promises are defined." : "No SLOs are defined.", "class", "note");
        }
        int n = 0;
        for (StatusRows.Panel panel : rows.panels()) {
            panel(out, panel, ++n, customer);
        }
        for (StatusRows.CascadeRow cascade : rows.cascades()) {
            cascade(out, cascade);
        }
        out.close();
        out.open("footer").element("p", "Built by slo-core from the SLOs' own counts. Times are UTC.", "class", "note").close();
        out.close();
        out.close();
        return out.page();
    }

    private static String summary(StatusRows rows, boolean customer) {
        long met = rows.panels().stream().filter(p -> verdict(p.budget()).equals("met")).count();
        long missed = rows.panels().stream().filter(p -> verdict(p.budget()).equals("missed")).count();
        long firing = rows.panels().stream().mapToLong(p -> p.firing().size()).sum();
        int count = rows.panels().size();
        return plural(count, customer ? "promise" : "SLO") + ": " + met + " met, " + missed + " missed, "
                + (count - met - missed) + " without data; " + plural(firing, "alert") + " firing.";
    }

    private static void panel(Html out, StatusRows.Panel p, int n, boolean customer) {
        ErrorBudget budget = p.budget();
        String unit = p.slices() ? "time slices" : "events";
        out.open("section", "class", "slo", "id", "slo-" + n, "data-slo", p.name());
        out.open("h2").element("span", p.description(), "class", "promise").text(" ").element("span", p.name(), "class", "name").close();
        String verdict = verdict(budget);
        out.open("p", "class", "verdict " + verdict.replace(" ", ""));
        out.element("strong", verdict.substring(0, 1).toUpperCase(Locale.ROOT) + verdict.substring(1));
        if (budget.insufficientData()) {
            out.text(": no " + unit + " in the " + p.window() + " yet, so nothing to measure against the target of "
                    + targetPercent(p.target()) + ".");
        } else {
            out.text(": attainment " + percent(budget.attainment(), 3) + " over the " + p.window() + ", against a target of "
                    + targetPercent(p.target()) + ". " + (budget.exhausted()
                            ? "The error budget is spent: " + percent(budget.consumed(), 1) + " of it used"
                            : percent(budget.remaining(), 1) + " of the error budget remains")
                    + " (" + budget.bad() + " bad " + unit + " of " + decimal(budget.allowedBad()) + " allowed).");
        }
        out.close();
        out.open("dl", "class", "figures");
        figure(out, "Target", targetPercent(p.target()));
        figure(out, "Attainment", budget.insufficientData() ? "n/a" : percent(budget.attainment(), 3));
        figure(out, "Budget remaining", budget.insufficientData() ? "n/a" : percent(budget.remaining(), 1));
        figure(out, "Bad " + unit, budget.bad() + " of " + budget.total() + " (" + decimal(budget.allowedBad()) + " allowed)");
        figure(out, "Window", p.window());
        out.close();
        chart(out, p);
        rules(out, p);
        firing(out, p);
        history(out, p);
        if (p.internals().isPresent()) {
            internals(out, p.internals().get());
        }
        out.close();
    }

    private static void chart(Html out, StatusRows.Panel p) {
        if (p.burnDown().isEmpty()) {
            out.element("p", "No burn-down chart: this budget counts time slices, and the timeline holds events.",
                    "class", "no-chart note");
            return;
        }
        BurnDown chart = p.burnDown().get();
        double last = chart.points().get(chart.points().size() - 1).remaining();
        out.open("figure", "class", "chart");
        StatusCharts.burnDown(out, chart, "Error budget remaining over the " + p.window() + ", from 100% to " + percent(last, 1));
        out.element("figcaption", "Error budget remaining since " + StatusCharts.label(chart.start()) + " UTC, after each "
                + PromSyntax.duration(chart.resolution()) + " bucket of the window: " + percent(last, 1) + " left now"
                + (chart.total() == 0 ? " (no events yet)." : " of the budget these " + chart.total() + " events allow."));
        out.close();
    }

    private static void rules(Html out, StatusRows.Panel p) {
        out.element("h3", "Burn rates");
        out.open("table", "class", "burn-rates");
        out.open("thead").open("tr");
        for (String heading : List.of("Severity", "Rule", "Long window", "Short window", "Threshold", "Now")) {
            out.element("th", heading);
        }
        out.close().close();
        out.open("tbody");
        for (StatusRows.RuleRow row : p.rules()) {
            boolean firing = p.firing().stream().anyMatch(f -> f.rule().equals(row.rule()));
            out.open("tr", "class", firing ? "firing" : "quiet");
            out.element("td", severity(row.rule())).element("td", rule(row.rule()))
                    .element("td", burn(row.longBurn()) + " over " + PromSyntax.duration(row.rule().longWindow()))
                    .element("td", burn(row.shortBurn()) + " over " + PromSyntax.duration(row.rule().shortWindow()))
                    .element("td", burn(row.threshold())).element("td", firing ? "firing" : "quiet");
            out.close();
        }
        out.close().close();
    }

    private static void firing(Html out, StatusRows.Panel p) {
        out.element("h3", "Alerts firing now");
        if (p.firing().isEmpty()) {
            out.element("p", "None.", "class", "firing note");
            return;
        }
        out.open("ul", "class", "firing");
        for (StatusRows.Firing f : p.firing()) {
            out.element("li", severity(f.rule()) + ": " + rule(f.rule()) + ", burning " + burn(f.longBurn()) + " over "
                    + PromSyntax.duration(f.rule().longWindow()) + " and " + burn(f.shortBurn()) + " over "
                    + PromSyntax.duration(f.rule().shortWindow()));
        }
        out.close();
    }

    private static void history(Html out, StatusRows.Panel p) {
        out.element("h3", "Alert history");
        if (p.history().isEmpty()) {
            out.element("p", "No alert has started or stopped firing.", "class", "alert-history note");
            return;
        }
        out.open("table", "class", "alert-history");
        out.open("thead").open("tr");
        for (String heading : List.of("When", "Change", "Severity", "Rule", "Long burn", "Short burn", "Fired for")) {
            out.element("th", heading);
        }
        out.close().close();
        out.open("tbody");
        for (StatusRows.Change c : p.history()) {
            boolean started = c.state() == AlertTransition.State.FIRING;
            out.open("tr", "class", started ? "started" : "resolved");
            out.open("td").element("time", c.at().toString(), "datetime", c.at().toString()).close();
            out.element("td", started ? "started firing" : "resolved").element("td", severity(c.rule()))
                    .element("td", rule(c.rule())).element("td", burn(c.longBurn())).element("td", burn(c.shortBurn()))
                    .element("td", started ? "" : PromSyntax.duration(c.firedFor()));
            out.close();
        }
        out.close().close();
    }

    private static void internals(Html out, StatusRows.Internals in) {
        out.element("h3", "Ownership");
        out.open("dl", "class", "internals");
        figure(out, "Audience", in.audience().name().toLowerCase(Locale.ROOT));
        figure(out, "SLI", in.sli());
        figure(out, "Owners", in.owners().stream().map(o -> o.name() + " (" + role(o) + ")").collect(Collectors.joining(", ")));
        figure(out, "Consumers", in.consumers().isEmpty() ? "none declared" : in.consumers().stream()
                .map(StatusHtml::consumer).collect(Collectors.joining("; ")));
        out.close();
    }

    private static void cascade(Html out, StatusRows.CascadeRow c) {
        out.open("section", "class", "cascade", "data-root", c.root());
        out.open("h2").text("Cascade of ").element("span", c.root(), "class", "name").close();
        out.open("dl", "class", "prediction");
        figure(out, "Root target", targetPercent(c.rootTarget()));
        figure(out, "Root attainment", percent(c.rootAttainment(), 3));
        figure(out, "Compounded target", percent(c.compoundedTarget(), 3));
        figure(out, "Predicted attainment", percent(c.predictedAttainment(), 3));
        out.close();
        out.element("h3", "Blame");
        out.open("table", "class", "blame");
        out.open("thead").open("tr").element("th", "Dependency").element("th", "Share of the shortfall").close().close();
        out.open("tbody");
        for (StatusRows.Blame b : c.blame()) {
            out.open("tr").element("td", b.slo()).element("td", percent(b.share(), 1)).close();
        }
        out.close().close();
        out.element("h3", "Early warnings");
        if (c.warnings().isEmpty()) {
            out.element("p", "None: no dependency burns towards a breach of the root.", "class", "warnings note");
        } else {
            out.open("ul", "class", "warnings");
            for (StatusRows.Warning w : c.warnings()) {
                out.element("li", w.dependency() + " predicts " + severity(w.rule()) + " (" + rule(w.rule()) + "): burn "
                        + burn(w.predictedBurn()) + w.timeToExhaustion().map(d -> ", budget gone in " + PromSyntax.duration(d))
                                .orElse(", budget already gone"));
            }
            out.close();
        }
        out.close();
    }

    private static void figure(Html out, String term, String value) {
        out.element("dt", term).element("dd", value);
    }

    /** {@return "met", "missed" (budget exhausted) or "no data" (no events in the window), as the reports say} */
    static String verdict(ErrorBudget budget) {
        return budget.insufficientData() ? "no data" : budget.exhausted() ? "missed" : "met";
    }

    private static String severity(BurnRateRule rule) {
        return rule.severity().name().toLowerCase(Locale.ROOT);
    }

    private static String rule(BurnRateRule rule) {
        return decimal(rule.budgetShare() * 100) + "% of the budget in " + PromSyntax.duration(rule.longWindow());
    }

    private static String role(Owner owner) {
        return owner.role().name().toLowerCase(Locale.ROOT);
    }

    private static String consumer(DownstreamConsumer c) {
        String impact = c.impact().name().toLowerCase(Locale.ROOT);
        return c.name() + " (" + impact + (c.description().isEmpty() ? "" : ": " + c.description()) + ")";
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** A target as an exact percentage: 0.9995 gives "99.95%". */
    static String targetPercent(double target) {
        return BigDecimal.valueOf(target).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** A measured fraction as a percentage with {@code decimals} decimals, rounded half-up. */
    static String percent(double fraction, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f%%", fraction * 100);
    }

    /** A burn rate with two decimals. */
    static String burn(double rate) {
        return String.format(Locale.ROOT, "%.2f", rate);
    }

    /** A count that may be fractional (allowed bad events), with at most two decimals: 300, 5.04, 0.5. */
    static String decimal(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
