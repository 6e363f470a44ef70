// The row model of the internal report: every figure an engineering retro sees, read once, rendered twice.
package dev.slo.report;

import dev.slo.Adherence;
import dev.slo.Audience;
import dev.slo.BurnRateAlert;
import dev.slo.Contribution;
import dev.slo.EarlyWarning;
import dev.slo.ErrorBudget;
import dev.slo.Finding;
import dev.slo.Revision;
import dev.slo.SloSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the {@link Audience#INTERNAL} report shows. The rows hold values of the public face
 * (specs, budgets, alerts, findings), already queried, so that rendering reads no clock and both
 * renderers show the same figures.
 *
 * @param asOf      the registry clock's reading the figures were taken at
 * @param slos      every SLO, in definition order
 * @param cascades  every built cascade, in the registry's order
 * @param findings  the findings of {@link dev.slo.SloRegistry#lint()}, in its order
 */
record InternalRows(Instant asOf, List<SloRow> slos, List<CascadeRow> cascades, List<Finding> findings) {

    InternalRows {
        Objects.requireNonNull(asOf, "asOf must not be null");
        slos = List.copyOf(slos);
        cascades = List.copyOf(cascades);
        findings = List.copyOf(findings);
    }

    /** @return how many of the SLOs are customer SLOs */
    long customerCount() {
        return slos.stream().filter(s -> s.spec().audience() == Audience.CUSTOMER).count();
    }

    /** @return the number of alerts firing, over all SLOs and their groups */
    int alertsFiring() {
        return slos.stream().mapToInt(s -> s.alerts().size() + s.groups().stream().mapToInt(g -> g.alerts().size()).sum()).sum();
    }

    /**
     * One SLO.
     *
     * @param spec           its definition (name, audience, owners, SLI, target, window, consumers)
     * @param budget         its error budget over the window
     * @param burnRates      its burn rate over each distinct window of its alert policy, shortest first
     * @param excludedEvents the events it left out of the budget during maintenance
     * @param adherence      how it fared on each of the last days
     * @param latency        the latency line, for a latency SLI only
     * @param alerts         its alerts firing
     * @param revisions      the revisions of its target, oldest first
     * @param groupLabel     the label a grouped SLO is grouped by; empty when it is not grouped
     * @param groups         the groups of a grouped SLO, in creation order (the overflow group last)
     */
    record SloRow(SloSpec spec, ErrorBudget budget, List<BurnRate> burnRates, long excludedEvents, Adherence adherence,
            Optional<LatencyRow> latency, List<BurnRateAlert> alerts, List<Revision> revisions, Optional<String> groupLabel,
            List<GroupRow> groups) {

        SloRow {
            burnRates = List.copyOf(burnRates);
            alerts = List.copyOf(alerts);
            revisions = List.copyOf(revisions);
            groups = List.copyOf(groups);
        }
    }

    /**
     * One group of a grouped SLO.
     *
     * @param value     the group's label value ({@link dev.slo.Grouping#OVERFLOW} for the overflow group)
     * @param budget    its error budget over the window
     * @param burnRates its burn rate over each distinct window of the alert policy, shortest first
     * @param alerts    its alerts firing
     */
    record GroupRow(String value, ErrorBudget budget, List<BurnRate> burnRates, List<BurnRateAlert> alerts) {

        GroupRow {
            burnRates = List.copyOf(burnRates);
            alerts = List.copyOf(alerts);
        }
    }

    /**
     * The burn rate over one look-back.
     *
     * @param lookBack the look-back
     * @param rate     the burn rate over it
     */
    record BurnRate(Duration lookBack, double rate) {}

    /**
     * A latency SLO's distribution over its look-back: percentiles, the attainment at its own threshold,
     * and the threshold the service really meets at its target.
     *
     * @param lookBack              the rolling window, or the last 30 days for a calendar window
     * @param count                 successful events with a latency
     * @param failed                failed events with a latency
     * @param p50                   the median latency
     * @param p99                   the 99th percentile
     * @param p999                  the 99.9th percentile
     * @param threshold             the SLI's threshold
     * @param attainmentAtThreshold the fraction of events good at that threshold
     * @param target                the SLO's target
     * @param thresholdMetAtTarget  the threshold the service meets at the target; empty when failures alone exceed the budget
     */
    record LatencyRow(Duration lookBack, long count, long failed, Duration p50, Duration p99, Duration p999,
            Duration threshold, double attainmentAtThreshold, double target, Optional<Duration> thresholdMetAtTarget) {

        /** @return every event recorded with a latency */
        long total() {
            return count + failed;
        }
    }

    /**
     * One cascade.
     *
     * @param root                the root SLO's name
     * @param rootTarget          the root SLO's target
     * @param dependencies        the names of its direct dependencies
     * @param compoundedTarget    {@link dev.slo.Cascade#compoundedTarget()}
     * @param predictedAttainment {@link dev.slo.Cascade#predictedAttainment()}
     * @param rootBudget          the root SLO's budget, for its observed attainment
     * @param blame               {@link dev.slo.Cascade#blame()}, largest share first
     * @param earlyWarnings       {@link dev.slo.Cascade#earlyWarnings()}, most urgent first
     */
    record CascadeRow(String root, double rootTarget, List<String> dependencies, double compoundedTarget,
            double predictedAttainment, ErrorBudget rootBudget, List<Contribution> blame, List<EarlyWarning> earlyWarnings) {

        CascadeRow {
            dependencies = List.copyOf(dependencies);
            blame = List.copyOf(blame);
            earlyWarnings = List.copyOf(earlyWarnings);
        }
    }
}
