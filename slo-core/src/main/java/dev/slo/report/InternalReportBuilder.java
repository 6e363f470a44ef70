// Reads the internal report's rows from a registry through the public face: every SLO, cascade and finding.
package dev.slo.report;

import dev.slo.Adherence;
import dev.slo.BurnRateAlert;
import dev.slo.BurnRateRule;
import dev.slo.Cascade;
import dev.slo.ErrorBudget;
import dev.slo.Finding;
import dev.slo.Grouping;
import dev.slo.LatencyDistribution;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.SloSpec;
import dev.slo.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Builds {@link InternalRows}: every SLO with its budget, burn rates over its alert policy's windows,
 * excluded events, adherence, latency line, alerts firing and revisions; the cascades with their blame
 * and early warnings; and the findings of {@link SloRegistry#lint()}.
 */
final class InternalReportBuilder {
    private InternalReportBuilder() {}

    /**
     * @param registry the registry to report on
     * @return the rows of every SLO and cascade, and the findings, as of the registry clock's reading now
     */
    static InternalRows rows(SloRegistry registry) {
        Instant asOf = registry.clock().instant();
        List<Slo> all = registry.all();
        List<Finding> findings = registry.lint();
        List<InternalRows.SloRow> slos = new ArrayList<>(all.size());
        for (Slo slo : all) {
            slos.add(row(slo));
        }
        List<InternalRows.CascadeRow> cascades = new ArrayList<>();
        for (Cascade cascade : registry.cascades()) {
            cascades.add(row(cascade));
        }
        return new InternalRows(asOf, slos, cascades, findings);
    }

    private static InternalRows.SloRow row(Slo slo) {
        SloSpec spec = slo.spec();
        ErrorBudget budget = slo.errorBudget();
        List<BurnRateAlert> alerts = slo.alerts();
        Optional<InternalRows.LatencyRow> latency = spec.sli() instanceof Sli.Latency sli
                ? Optional.of(latency(slo, sli)) : Optional.empty();
        List<InternalRows.GroupRow> groups = new ArrayList<>();
        for (Slo group : slo.groups()) {
            groups.add(new InternalRows.GroupRow(group.groupValue().orElseThrow(), group.errorBudget(), burns(group), group.alerts()));
        }
        return new InternalRows.SloRow(spec, budget, burns(slo), slo.excludedEvents(), slo.adherence(), latency, alerts,
                slo.revisions(), slo.grouping().map(Grouping::label), groups);
    }

    /** The burn rate over each distinct window of the SLO's alert policy, shortest first. */
    private static List<InternalRows.BurnRate> burns(Slo slo) {
        List<InternalRows.BurnRate> burns = new ArrayList<>();
        for (Duration lookBack : lookBacks(slo.spec())) {
            burns.add(new InternalRows.BurnRate(lookBack, slo.burnRate(lookBack)));
        }
        return burns;
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

    /** The latency line over the rolling window, or over the last 30 days for a calendar window. */
    private static InternalRows.LatencyRow latency(Slo slo, Sli.Latency sli) {
        Duration lookBack = slo.spec().window() instanceof Window.Rolling rolling
                ? rolling.length() : Duration.ofDays(Adherence.DAYS);
        LatencyDistribution d = slo.latency(lookBack);
        double target = slo.spec().target();
        return new InternalRows.LatencyRow(lookBack, d.count(), d.failed(), d.percentile(0.5), d.percentile(0.99),
                d.percentile(0.999), sli.threshold(), d.attainmentAt(sli.threshold()), target, d.thresholdMet(target));
    }

    private static InternalRows.CascadeRow row(Cascade cascade) {
        Slo root = cascade.root();
        return new InternalRows.CascadeRow(root.name(), root.spec().target(),
                cascade.dependencies().stream().map(Slo::name).toList(), cascade.compoundedTarget(),
                cascade.predictedAttainment(), root.errorBudget(), cascade.blame(), cascade.earlyWarnings());
    }
}
