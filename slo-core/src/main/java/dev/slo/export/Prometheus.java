package dev.slo.export;

import dev.slo.Budgeting;
import dev.slo.BurnRateRule;
import dev.slo.ErrorBudget;
import dev.slo.Slo;
import dev.slo.SloCounters;
import dev.slo.SloRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A registry's SLOs for Prometheus: the metrics to scrape ({@link #exposition}) and the rules that compute
 * the fleet's error ratios and burn-rate alerts from them ({@link #rules}).
 *
 * <pre>{@code
 * String metrics = Prometheus.exposition(slos);   // serve with Prometheus.CONTENT_TYPE at GET /metrics
 * String rules   = Prometheus.rules(slos);        // a rule file: rule_files: [slo-rules.yml]
 * }</pre>
 *
 * <p>The families of the exposition, each SLO's samples labelled {@code slo="<name>"}:
 * <ul>
 * <li>{@code slo_events_total{outcome="good"|"bad"}}, counter: the events this process recorded (excluded
 *     events are not in it), from {@link Slo#counters()}. Monotonic for the life of the process: a restart
 *     starts it from 0, which Prometheus' {@code rate} reads as a counter reset, and restored snapshots are
 *     never added to it.
 * <li>{@code slo_excluded_events_total}, counter, for SLOs with exclusions: events recorded during one.
 * <li>{@code slo_slices_total{outcome="good"|"bad"}}, counter, for SLOs budgeted by time slices: the slices
 *     this process judged (under ratio timeslices, {@code good} is the sum of the slices' good ratios).
 * <li>{@code slo_objective_ratio}, gauge: the target.
 * <li>{@code slo_error_budget_remaining_ratio}, gauge: {@link ErrorBudget#remaining()} as this process
 *     counts it (its own share of the fleet's traffic; the rules compute the fleet's).
 * <li>{@code slo_burn_rate{window="5m"}}, gauge: {@link Slo#burnRates()}, over each look-back of the SLO's
 *     alert policy, the window in Prometheus' duration syntax.
 * <li>{@code slo_window_seconds}, gauge: the length of the SLO's window (of the current period, for a
 *     calendar window).
 * <li>{@code slo_last_reading}, gauge, for gauge SLIs once read: {@link Slo#lastReading()}.
 * </ul>
 * Every family has HELP and TYPE lines; {@code promtool check metrics} finds nothing to say about it.
 *
 * <p>Writing the exposition reads each SLO as its queries do (one short reader lock per recorder and
 * query); recording threads are never blocked.
 */
public final class Prometheus {
    /** The content type of {@link #exposition}: Prometheus' text format, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private Prometheus() {
    }

    /**
     * The metrics of every SLO of {@code slos}, as of now, in Prometheus' text exposition format 0.0.4 (see
     * the class notes for the families).
     *
     * @param slos the registry
     * @return the exposition, ending with a line feed
     * @throws NullPointerException if {@code slos} is null
     */
    public static String exposition(SloRegistry slos) {
        Objects.requireNonNull(slos, "slos must not be null");
        List<Slo> all = slos.all();
        List<SloCounters> counters = new ArrayList<>(all.size());
        List<ErrorBudget> budgets = new ArrayList<>(all.size());
        for (Slo slo : all) {
            counters.add(slo.counters());
            budgets.add(slo.errorBudget());
        }
        StringBuilder out = new StringBuilder(256 + 512 * all.size());
        family(out, "slo_events_total", "counter",
                "Events this process recorded for the SLO, by outcome; events during an exclusion are not counted.");
        for (int i = 0; i < all.size(); i++) {
            String slo = label(all.get(i));
            sample(out, "slo_events_total", slo + ",outcome=\"good\"", counters.get(i).goodEvents());
            sample(out, "slo_events_total", slo + ",outcome=\"bad\"", counters.get(i).badEvents());
        }
        if (all.stream().anyMatch(s -> !s.spec().exclusions().isEmpty())) {
            family(out, "slo_excluded_events_total", "counter",
                    "Events this process recorded during one of the SLO's exclusions: never counted against its budget.");
            for (int i = 0; i < all.size(); i++) {
                if (!all.get(i).spec().exclusions().isEmpty()) {
                    sample(out, "slo_excluded_events_total", label(all.get(i)), counters.get(i).excludedEvents());
                }
            }
        }
        if (all.stream().anyMatch(Prometheus::bySlices)) {
            family(out, "slo_slices_total", "counter", "Time slices this process judged for the SLO, by outcome; under "
                    + "ratio-timeslices budgeting good is the sum of the slices' good ratios.");
            for (int i = 0; i < all.size(); i++) {
                if (bySlices(all.get(i))) {
                    String slo = label(all.get(i));
                    sample(out, "slo_slices_total", slo + ",outcome=\"good\"", counters.get(i).goodSlices());
                    sample(out, "slo_slices_total", slo + ",outcome=\"bad\"", counters.get(i).badSlices());
                }
            }
        }
        family(out, "slo_objective_ratio", "gauge", "The SLO's target: the share of events (or slices) that must be good.");
        for (Slo slo : all) {
            sample(out, "slo_objective_ratio", label(slo), slo.spec().target());
        }
        family(out, "slo_error_budget_remaining_ratio", "gauge", "The share of the window's error budget left as this "
                + "process counts it: 1 untouched, 0 spent, below 0 overspent.");
        for (int i = 0; i < all.size(); i++) {
            sample(out, "slo_error_budget_remaining_ratio", label(all.get(i)), budgets.get(i).remaining());
        }
        family(out, "slo_burn_rate", "gauge", "How fast the error budget burns over each alert look-back: 1 spends "
                + "exactly the budget over the window.");
        for (Slo slo : all) {
            for (Map.Entry<Duration, Double> burn : slo.burnRates().entrySet()) {
                sample(out, "slo_burn_rate", label(slo) + ",window=\"" + PromSyntax.duration(burn.getKey()) + "\"", burn.getValue());
            }
        }
        family(out, "slo_window_seconds", "gauge", "The length of the SLO's window (of the current period, for a calendar window).");
        for (Slo slo : all) {
            sample(out, "slo_window_seconds", label(slo), windowLength(slo).toMillis() / 1000.0);
        }
        if (all.stream().anyMatch(s -> s.lastReading().isPresent())) {
            family(out, "slo_last_reading", "gauge", "The last reading of the SLO's gauge, in its own unit (for freshness, "
                    + "the data's age in seconds).");
            for (Slo slo : all) {
                slo.lastReading().ifPresent(reading -> sample(out, "slo_last_reading", label(slo), reading));
            }
        }
        return out.toString();
    }

    /**
     * A Prometheus rule file (YAML) for the SLOs of {@code slos}: per SLO, recording rules of the fleet's
     * error ratio over each alert look-back, of the objective and of the window's budget remaining, and the
     * alerts {@code SloErrorBudgetBurn} (one per burn-rate rule, firing exactly when {@link Slo#alerts()}
     * would for the same traffic) and {@code SloEventsAbsent}.
     *
     * @param slos the registry
     * @return the rule file
     * @throws NullPointerException if {@code slos} is null
     */
    public static String rules(SloRegistry slos) {
        Objects.requireNonNull(slos, "slos must not be null");
        return PrometheusRules.of(slos.all());
    }

    /** {@return the distinct look-backs of the SLO's alert policy, shortest first} */
    static List<Duration> lookBacks(Slo slo) {
        TreeSet<Duration> lookBacks = new TreeSet<>();
        for (BurnRateRule rule : slo.spec().alertPolicy().rules()) {
            lookBacks.add(rule.longWindow());
            lookBacks.add(rule.shortWindow());
        }
        return List.copyOf(lookBacks);
    }

    /** {@return the length of the SLO's window now: of the current period, for a calendar window} */
    static Duration windowLength(Slo slo) {
        return slo.spec().window().length(slo.registry().clock().instant());
    }

    /** {@return whether the SLO is budgeted by time slices} */
    static boolean bySlices(Slo slo) {
        return !(slo.spec().budgeting() instanceof Budgeting.Occurrences);
    }

    private static String label(Slo slo) {
        return "slo=\"" + PromSyntax.labelValue(slo.name()) + "\"";
    }

    private static void family(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String labels, long value) {
        out.append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }

    private static void sample(StringBuilder out, String name, String labels, double value) {
        out.append(name).append('{').append(labels).append("} ").append(PromSyntax.value(value)).append('\n');
    }
}
