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
 * <li>For the groups of a grouped SLO ({@link Slo#groups()}), families of their own, labelled {@code slo} and the
 *     grouping's label (e.g. {@code endpoint="/pay"}): {@code slo_group_events_total},
 *     {@code slo_group_excluded_events_total}, {@code slo_group_slices_total},
 *     {@code slo_group_error_budget_remaining_ratio} and {@code slo_group_burn_rate}, as above. An event of a
 *     group counts in {@code slo_events_total} of its SLO and in {@code slo_group_events_total} of its group, so
 *     that a sum over either family counts it once.
 * </ul>
 * Every family has HELP and TYPE lines; {@code promtool check metrics} finds nothing to say about it.
 *
 * <p>Writing the exposition reads each SLO as its queries do (one short reader lock per recorder and
 * query); recording threads are never blocked.
 */
public final class Prometheus {
    /** The content type of {@link #exposition}: Prometheus' text format, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final String GOOD = ",outcome=\"good\"";
    private static final String BAD = ",outcome=\"bad\"";

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
        List<Series> wholes = new ArrayList<>(all.size());
        List<Series> groups = new ArrayList<>();
        for (Slo slo : all) {
            wholes.add(new Series(slo, label(slo)));
            for (Slo group : slo.groups()) {
                groups.add(new Series(group, label(slo) + "," + slo.grouping().orElseThrow().label() + "=\""
                        + PromSyntax.labelValue(group.groupValue().orElseThrow()) + "\""));
            }
        }
        StringBuilder out = new StringBuilder(1024 + 1536 * (all.size() + groups.size()));   // about what 30-day SLOs take
        counters(out, "slo_", "the SLO", wholes);
        family(out, "slo_objective_ratio", "gauge", "The SLO's target: the share of events (or slices) that must be good.");
        for (Series s : wholes) {
            sample(out, "slo_objective_ratio", s.labels, "", s.slo.spec().target());
        }
        gauges(out, "slo_", "the SLO", wholes);
        family(out, "slo_window_seconds", "gauge", "The length of the SLO's window (of the current period, for a calendar window).");
        for (Series s : wholes) {
            sample(out, "slo_window_seconds", s.labels, "", windowLength(s.slo).toMillis() / 1000.0);
        }
        if (all.stream().anyMatch(s -> s.lastReading().isPresent())) {
            family(out, "slo_last_reading", "gauge", "The last reading of the SLO's gauge, in its own unit (for freshness, "
                    + "the data's age in seconds).");
            for (Series s : wholes) {
                s.slo.lastReading().ifPresent(reading -> sample(out, "slo_last_reading", s.labels, "", reading));
            }
        }
        if (!groups.isEmpty()) {
            counters(out, "slo_group_", "one group of a grouped SLO", groups);
            gauges(out, "slo_group_", "one group of a grouped SLO", groups);
        }
        return out.toString();
    }

    /** One SLO or group to export: its labels, and its counters and budget read once. */
    private record Series(Slo slo, String labels, SloCounters counters, ErrorBudget budget) {
        Series(Slo slo, String labels) {
            this(slo, labels, slo.counters(), slo.errorBudget());
        }
    }

    /**
     * The families every SLO and every group has, named with {@code prefix}: {@code slo_} for SLOs, {@code slo_group_}
     * for groups (families of their own, so that summing {@code slo_events_total} never counts an event twice).
     */
    private static void counters(StringBuilder out, String prefix, String what, List<Series> all) {
        String events = prefix + "events_total";
        family(out, events, "counter", "Events this process recorded for " + what + ", by outcome; events during an exclusion are not counted.");
        for (Series s : all) {
            sample(out, events, s.labels, GOOD, s.counters.goodEvents());
            sample(out, events, s.labels, BAD, s.counters.badEvents());
        }
        if (all.stream().anyMatch(s -> !s.slo.spec().exclusions().isEmpty())) {
            String excluded = prefix + "excluded_events_total";
            family(out, excluded, "counter",
                    "Events this process recorded for " + what + " during one of its exclusions: never counted against its budget.");
            for (Series s : all) {
                if (!s.slo.spec().exclusions().isEmpty()) {
                    sample(out, excluded, s.labels, "", s.counters.excludedEvents());
                }
            }
        }
        if (all.stream().anyMatch(s -> bySlices(s.slo))) {
            String slices = prefix + "slices_total";
            family(out, slices, "counter", "Time slices this process judged for " + what + ", by outcome; under "
                    + "ratio-timeslices budgeting good is the sum of the slices' good ratios.");
            for (Series s : all) {
                if (bySlices(s.slo)) {
                    sample(out, slices, s.labels, GOOD, s.counters.goodSlices());
                    sample(out, slices, s.labels, BAD, s.counters.badSlices());
                }
            }
        }
    }

    /** The gauges every SLO and every group has, named with {@code prefix} as {@link #counters}. */
    private static void gauges(StringBuilder out, String prefix, String what, List<Series> all) {
        String remaining = prefix + "error_budget_remaining_ratio";
        family(out, remaining, "gauge", "The share of the window's error budget left for " + what + " as this "
                + "process counts it: 1 untouched, 0 spent, below 0 overspent.");
        for (Series s : all) {
            sample(out, remaining, s.labels, "", s.budget.remaining());
        }
        String burn = prefix + "burn_rate";
        family(out, burn, "gauge", "How fast the error budget of " + what + " burns over each alert look-back: 1 spends "
                + "exactly the budget over the window.");
        for (Series s : all) {
            for (Map.Entry<Duration, Double> rate : s.slo.burnRates().entrySet()) {
                sample(out, burn, s.labels, ",window=\"" + PromSyntax.duration(rate.getKey()) + "\"", rate.getValue());
            }
        }
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

    /** One sample: {@code name{labels more} value}, appended without building its parts as strings first. */
    private static void sample(StringBuilder out, String name, String labels, String more, long value) {
        out.append(name).append('{').append(labels).append(more).append("} ").append(value).append('\n');
    }

    private static void sample(StringBuilder out, String name, String labels, String more, double value) {
        out.append(name).append('{').append(labels).append(more).append("} ");
        PromSyntax.appendValue(out, value);
        out.append('\n');
    }
}
