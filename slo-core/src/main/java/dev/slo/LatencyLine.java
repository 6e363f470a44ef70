package dev.slo;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/*
 * The latency line of a latency SLO in the internal report: percentiles over the SLO's window, the
 * attainment at its own threshold, and the threshold the service really meets at its target, so a
 * retro can see whether to move the threshold, the target, or the service. Package-private.
 */
final class LatencyLine {
    private LatencyLine() {
    }

    /** The look-back of the line: the rolling window, or the last 30 days for a calendar window. */
    static Duration lookBack(Slo slo) {
        return slo.spec().window() instanceof Window.Rolling rolling ? rolling.length() : Duration.ofDays(Adherence.DAYS);
    }

    /** Appends one Markdown list line, e.g. "- Latency (30d): p50 20.1 ms, p99 ... meets 412 ms at 99.9%". */
    static void append(Slo slo, Sli.Latency sli, StringBuilder out) {
        Duration lookBack = lookBack(slo);
        LatencyDistribution d = slo.latency(lookBack);
        out.append("- Latency (").append(ReportFormat.shortDuration(lookBack)).append("): ");
        if (d.total() == 0) {
            out.append("no events recorded with a latency\n");
            return;
        }
        double target = slo.spec().target();
        out.append("p50 ").append(readable(d.percentile(0.5)))
                .append(", p99 ").append(readable(d.percentile(0.99)))
                .append(", p99.9 ").append(readable(d.percentile(0.999)))
                .append(" over ").append(d.count()).append(" successful events (").append(d.failed()).append(" failed); ")
                .append(ReportFormat.percent(d.attainmentAt(sli.threshold()), 3)).append(" within ")
                .append(readable(sli.threshold())).append("; at the target of ").append(ReportFormat.targetPercent(target));
        Optional<Duration> met = d.thresholdMet(target);
        if (met.isPresent()) {
            out.append(" the service meets ").append(readable(met.get())).append('\n');
        } else {
            out.append(" no threshold would do: failures alone exceed the budget\n");
        }
    }

    /** Appends a "latency" member to the SLO's JSON object. */
    static void appendJson(Slo slo, Sli.Latency sli, JsonWriter json) {
        Duration lookBack = lookBack(slo);
        LatencyDistribution d = slo.latency(lookBack);
        Optional<Duration> met = d.thresholdMet(slo.spec().target());
        json.name("latency").beginObject()
                .member("lookBack", lookBack.toString())
                .member("count", d.count())
                .member("failed", d.failed())
                .member("p50", d.percentile(0.5).toString())
                .member("p99", d.percentile(0.99).toString())
                .member("p999", d.percentile(0.999).toString())
                .member("threshold", sli.threshold().toString())
                .member("attainmentAtThreshold", d.attainmentAt(sli.threshold()))
                .member("targetReachable", met.isPresent());
        met.ifPresent(t -> json.member("thresholdMetAtTarget", t.toString()));
        json.endObject();
    }

    /** A latency with three significant digits in a fitting unit: "850 ns", "12.3 ms", "1.05 s". */
    static String readable(Duration d) {
        long nanos = d.toNanos();
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        double value;
        String unit;
        if (nanos < 1_000_000) {
            value = nanos / 1e3;
            unit = " µs";
        } else if (nanos < 1_000_000_000) {
            value = nanos / 1e6;
            unit = " ms";
        } else {
            value = nanos / 1e9;
            unit = " s";
        }
        String digits = value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, digits, value) + unit;
    }
}
