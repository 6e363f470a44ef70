package dev.slo.export;

import dev.slo.BurnRateRule;
import dev.slo.Owner;
import dev.slo.Slo;
import dev.slo.SloSpec;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The rule file {@link Prometheus#rules} writes: one group per SLO, named {@code slo:<name>}, holding
 * <ul>
 * <li>{@code slo:slo_events:error_ratio_rate<window>} for each look-back of the SLO's alert policy: the
 *     rate of bad events over the rate of all events, each summed across instances first (every label but
 *     {@code slo} aggregated away), never an average of ratios; {@code slo:slo_slices:...} over
 *     {@code slo_slices_total} for an SLO budgeted by time slices. No traffic gives NaN, which no alert
 *     condition matches;
 * <li>{@code slo:objective:ratio}, the target, and {@code slo:error_budget:remaining_ratio}, the fleet's
 *     budget left over the window's length (a calendar window's current period length, as the file is
 *     written: regenerate it at the start of a period);
 * <li>an alert {@code SloErrorBudgetBurn} per burn-rate rule, labelled {@code slo}, {@code severity}
 *     ({@code page} or {@code ticket}), {@code long_window} and {@code short_window}: it fires when the error
 *     ratio over both windows reaches {@code threshold(windowLength) × (1 − target)}, the test of
 *     {@link Slo#alerts()}, and, under a low-traffic policy, the long window holds the policy's minimum of
 *     events. Like {@code alerts()}, it allows for the last bits of floating error, so that a ratio on the
 *     bound exactly (133 bad of 13,300 at 0.01), which PromQL's division of summed rates may give a hair
 *     below it, fires on both sides: the bound is written {@link #FLOATING_ALLOWANCE} lower.
 *     Annotations carry the SLO's description, owners and audience;
 * <li>an alert {@code SloEventsAbsent} (ticket) when the SLO's counters have been missing for 10 minutes:
 *     an instance stopped exporting them, or the SLO was renamed;
 * <li>for a grouped SLO, a second group {@code slo:<name>/<label>} (no SLO name holds a {@code /}) with the same rules over the groups'
 *     families ({@code slo:slo_group_events:error_ratio_rate<window>}, {@code slo:group_error_budget:remaining_ratio}),
 *     summed by {@code slo} and the grouping's label: one series and one {@code SloErrorBudgetBurn} per group,
 *     as Pyrra's grouping gives, labelled also {@code grouping="<label>"} (telling them from the SLO's own).
 * </ul>
 * Package-private; stateless.
 */
final class PrometheusRules {
    /** How far below a bound a ratio still reaches it, relatively: the allowance {@link Slo#alerts()} makes. */
    static final double FLOATING_ALLOWANCE = 1e-9;

    private PrometheusRules() {
    }

    static String of(List<Slo> slos) {
        StringBuilder out = new StringBuilder(1024 + 2048 * slos.size());
        out.append("# Rules for ").append(slos.size()).append(" SLO").append(slos.size() == 1 ? "" : "s")
                .append(", written by slo-core from the SLOs' definitions: do not edit, regenerate.\n");
        out.append("groups:").append(slos.isEmpty() ? " []\n" : "\n");
        for (Slo slo : slos) {
            group(out, slo);
        }
        return out.toString();
    }

    private static void group(StringBuilder out, Slo slo) {
        String metric = Prometheus.bySlices(slo) ? "slo_slices" : "slo_events";
        rules(out, slo, "slo:" + slo.name(), metric, "slo", "slo:error_budget:remaining_ratio");
        absent(out, slo, metric);
        slo.grouping().ifPresent(grouping -> rules(out, slo, "slo:" + slo.name() + "/" + grouping.label(),   // no name holds a '/'

                Prometheus.bySlices(slo) ? "slo_group_slices" : "slo_group_events", "slo, " + grouping.label(),
                "slo:group_error_budget:remaining_ratio"));
    }

    /**
     * One rule group: the error ratios, the objective, the budget remaining and the burn-rate alerts of an SLO
     * over {@code metric}, summed {@code by} its labels: {@code slo} for the SLO, {@code slo} and the grouping's
     * label for its groups (one series, and one alert, per group).
     */
    private static void rules(StringBuilder out, Slo slo, String groupName, String metric, String by, String remainingRecord) {
        SloSpec spec = slo.spec();
        String name = slo.name();
        String selector = "{slo=" + quoted(name) + "}";
        out.append("  - name: ").append(PromSyntax.yamlString(groupName)).append('\n');
        out.append("    rules:\n");
        for (Duration lookBack : Prometheus.lookBacks(slo)) {
            String range = PromSyntax.duration(lookBack);
            record(out, name, errorRatio(metric, lookBack), ratioOver(metric, name, by, "rate", range));
        }
        Duration window = Prometheus.windowLength(slo);
        if (by.equals("slo")) {
            record(out, name, "slo:objective:ratio", "vector(" + PromSyntax.number(spec.target()) + ")");
        }
        record(out, name, remainingRecord, "1 - (" + ratioOver(metric, name, by, "increase", PromSyntax.duration(window))
                + ") / " + PromSyntax.number(spec.budgetFraction()));
        for (BurnRateRule rule : spec.alertPolicy().rules()) {
            double bound = rule.threshold(window) * spec.budgetFraction() * (1 - FLOATING_ALLOWANCE);
            String expr = errorRatio(metric, rule.longWindow()) + selector + " >= " + PromSyntax.number(bound)
                    + " and " + errorRatio(metric, rule.shortWindow()) + selector + " >= " + PromSyntax.number(bound);
            long minimum = spec.alertPolicy().minimumEvents();
            if (minimum > 0) {
                expr += " and sum by (" + by + ") (increase(" + metric + "_total" + selector + "[" + PromSyntax.duration(rule.longWindow())
                        + "])) >= " + minimum;
            }
            out.append("      - alert: SloErrorBudgetBurn\n");
            out.append("        expr: ").append(PromSyntax.yamlString(expr)).append('\n');
            out.append("        labels:\n");
            out.append("          slo: ").append(PromSyntax.yamlString(name)).append('\n');
            out.append("          severity: ").append(PromSyntax.yamlString(rule.severity().name().toLowerCase(Locale.ROOT))).append('\n');
            out.append("          long_window: ").append(PromSyntax.yamlString(PromSyntax.duration(rule.longWindow()))).append('\n');
            out.append("          short_window: ").append(PromSyntax.yamlString(PromSyntax.duration(rule.shortWindow()))).append('\n');
            if (!by.equals("slo")) {            // the group's own label comes from the expression; this tells the alerts apart
                out.append("          grouping: ").append(PromSyntax.yamlString(slo.grouping().orElseThrow().label())).append('\n');
            }
            out.append("        annotations:\n");
            out.append("          summary: ").append(PromSyntax.yamlString(name + " burns its error budget at "
                    + PromSyntax.number(rule.threshold(window)) + "x or more over " + PromSyntax.duration(rule.longWindow())
                    + " and " + PromSyntax.duration(rule.shortWindow()))).append('\n');
            out.append("          description: ").append(PromSyntax.yamlString(spec.description())).append('\n');
            out.append("          owners: ").append(PromSyntax.yamlString(owners(spec.owners()))).append('\n');
            out.append("          audience: ").append(PromSyntax.yamlString(spec.audience().name().toLowerCase(Locale.ROOT))).append('\n');
        }
    }

    private static void absent(StringBuilder out, Slo slo, String metric) {
        SloSpec spec = slo.spec();
        String name = slo.name();
        out.append("      - alert: SloEventsAbsent\n");
        out.append("        expr: ").append(PromSyntax.yamlString("absent(" + metric + "_total{slo=" + quoted(name) + "})")).append('\n');
        out.append("        for: 10m\n");
        out.append("        labels:\n");
        out.append("          slo: ").append(PromSyntax.yamlString(name)).append('\n');
        out.append("          severity: \"ticket\"\n");
        out.append("        annotations:\n");
        out.append("          summary: ").append(PromSyntax.yamlString("no instance exports the counters of " + name)).append('\n');
        out.append("          owners: ").append(PromSyntax.yamlString(owners(spec.owners()))).append('\n');
    }

    /** The recording rule's name for the error ratio over {@code lookBack}, e.g. {@code slo:slo_events:error_ratio_rate5m}. */
    static String errorRatio(String metric, Duration lookBack) {
        return "slo:" + metric + ":error_ratio_rate" + PromSyntax.duration(lookBack);
    }

    /** The fleet's bad share over {@code range}: bad and all summed across instances ({@code by} the labels kept), then divided. */
    private static String ratioOver(String metric, String slo, String by, String function, String range) {
        String series = metric + "_total{slo=" + quoted(slo);
        return "sum by (" + by + ") (" + function + "(" + series + ",outcome=\"bad\"}[" + range + "])) / sum by (" + by + ") ("
                + function + "(" + series + "}[" + range + "]))";
    }

    /** A recording rule labelled with its SLO: the rules of every SLO share their names, never their labels. */
    private static void record(StringBuilder out, String slo, String record, String expr) {
        out.append("      - record: ").append(record).append('\n');
        out.append("        expr: ").append(PromSyntax.yamlString(expr)).append('\n');
        out.append("        labels:\n          slo: ").append(PromSyntax.yamlString(slo)).append('\n');
    }

    /** A PromQL string literal: double-quoted, backslash and quote escaped. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String owners(List<Owner> owners) {
        return owners.stream().map(Owner::toString).collect(Collectors.joining(", "));
    }
}
