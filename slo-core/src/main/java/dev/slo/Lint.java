package dev.slo;

import dev.slo.engine.Durations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks behind {@link SloRegistry#lint()}: the {@link FindingKind}s of customer and internal SLO practice and the pitfalls of
 * SLOs for internal services. Each finding names the SLO (or {@code ""} for the registry) and says what
 * to do. Order: registry-wide findings first, then per SLO in definition order, kinds in declaration
 * order; duplicates (a dependency reached by two cascades) appear once.
 */
final class Lint {
    private Lint() {}

    static List<Finding> lint(SloRegistry registry) {
        List<Slo> all = registry.all();
        Set<Finding> findings = new LinkedHashSet<>();
        oneSloTypeOnly(all, findings);
        uptimeOnlyFocus(all, findings);
        Instant now = registry.clock().instant();
        List<Cascade> cascades = registry.cascades();
        Set<Slo> dependedOn = dependedOn(cascades);
        Set<Slo> rolledUp = rolledUp(cascades);
        for (Slo slo : all) {
            SloSpec spec = slo.spec();
            missingJointOwnership(spec, findings);
            ignoredDownstreamImpact(slo, spec, dependedOn, findings);
            Optional<Cascade> own = registry.cascadeRootedAt(slo);
            customerWithoutInternalSupport(spec, own, findings);
            internalNotRolledUp(slo, spec, rolledUp, findings);
            own.ifPresent(cascade -> unrealisticForCascade(spec, cascade, findings));
            ErrorBudget budget = slo.errorBudget();
            if (budget.insufficientData()) {
                findings.add(new Finding(FindingKind.NEGLECTED_OBSERVABILITY, spec.name(), "\"" + spec.name()
                        + "\" has no events in its window (" + spec.window().describe() + "), so it says nothing, healthy or not. "
                        + "Call record(...) where the service handles each request or job, or remove the SLO."));
            } else {
                unrealisticForTraffic(slo, spec, now, findings);
            }
            unrealisticForSlices(spec, now, findings);
            sliceLongerThanAlertWindow(spec, findings);
            groupsOverflowing(slo, findings);
        }
        for (Cascade cascade : cascades) {
            findings.addAll(cascade.check());
        }
        return sorted(all, findings);
    }

    /** Registry-wide first, then by the SLO's definition order, then by kind; ties keep the order found. */
    private static List<Finding> sorted(List<Slo> all, Set<Finding> findings) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            order.put(all.get(i).name(), i);
        }
        List<Finding> list = new ArrayList<>(findings);
        list.sort(Comparator.<Finding>comparingInt(f -> f.slo().isEmpty() ? -1 : order.getOrDefault(f.slo(), all.size()))
                .thenComparing(Finding::kind));
        return List.copyOf(list);
    }

    /** SLOs reachable from a customer SLO through the cascades (nested ones included). */
    private static Set<Slo> rolledUp(List<Cascade> cascades) {
        Set<Slo> reached = new HashSet<>();
        for (Cascade cascade : cascades) {
            if (cascade.root().spec().audience() == Audience.CUSTOMER) {
                reached.addAll(cascade.allDependencies());
            }
        }
        return reached;
    }

    private static void customerWithoutInternalSupport(SloSpec spec, Optional<Cascade> own, Set<Finding> findings) {
        if (spec.audience() == Audience.CUSTOMER && own.map(c -> c.dependencies().isEmpty()).orElse(true)) {
            findings.add(new Finding(FindingKind.CUSTOMER_WITHOUT_INTERNAL_SUPPORT, spec.name(), "Customer SLO \""
                    + spec.name() + "\" has no cascade of internal SLOs: nothing warns before it breaks and nothing "
                    + "says which service broke it. Declare what it rests on: slos.cascade(" + spec.name()
                    + ").dependsOn(...).build(), with internal SLOs tighter than it."));
        }
    }

    private static void internalNotRolledUp(Slo slo, SloSpec spec, Set<Slo> rolledUp, Set<Finding> findings) {
        if (spec.audience() == Audience.INTERNAL && !rolledUp.contains(slo)) {
            findings.add(new Finding(FindingKind.INTERNAL_NOT_ROLLED_UP, spec.name(), "Internal SLO \"" + spec.name()
                    + "\" is reached from no customer SLO through cascades, so its misses are never tied to a promise. "
                    + "Add it to the cascade of the customer SLO it supports (dependsOn), or to the cascade of a service "
                    + "that one depends on; if no customer outcome rests on it, question whether it is needed."));
        }
    }

    /** Stricter than the cascade allows: even with every dependency at its own target, they compound to less. */
    private static void unrealisticForCascade(SloSpec spec, Cascade cascade, Set<Finding> findings) {
        double compounded = cascade.compoundedTarget();
        if (compounded < spec.target() - 1e-12) {
            findings.add(new Finding(FindingKind.UNREALISTIC_TARGET, spec.name(), "\"" + spec.name() + "\" aims at "
                    + spec.target() + ", but even with every dependency meeting its own SLO they allow only "
                    + round4(compounded) + ". Lower the target to at most " + round4(compounded)
                    + " or tighten the dependencies (see CASCADE_TARGET_UNREACHABLE)."));
        }
    }

    private static void oneSloTypeOnly(List<Slo> all, Set<Finding> findings) {
        if (all.isEmpty()) {
            return;
        }
        Audience only = all.get(0).spec().audience();
        if (all.stream().allMatch(s -> s.spec().audience() == only)) {
            String message = only == Audience.CUSTOMER
                    ? "All " + all.size() + " SLOs are customer-facing: nothing shows which service is failing when a "
                            + "promise breaks. Add internal SLOs for the services each promise rests on, tighter than it, "
                            + "and tie them in with slos.cascade(...)."
                    : "All " + all.size() + " SLOs are internal: none says what customers get. Add a customer-facing SLO "
                            + "for each user journey (define(...).customerFacing(\"Checkout completes\")), owned by product "
                            + "and engineering together.";
            findings.add(Finding.registryWide(FindingKind.ONE_SLO_TYPE_ONLY, message));
        }
    }

    private static void uptimeOnlyFocus(List<Slo> all, Set<Finding> findings) {
        if (!all.isEmpty() && all.stream().allMatch(s -> s.spec().sli() instanceof Sli.Ratio)) {
            findings.add(Finding.registryWide(FindingKind.UPTIME_ONLY_FOCUS, "All " + all.size()
                    + " SLOs count success ratios (availability); none measures latency, correctness or freshness. "
                    + "Add a latency SLO (Sli.latency(...)) for the slowest path that matters, and for pipelines and "
                    + "queues a freshness or backlog SLO."));
        }
    }

    /** Every SLO that some cascade lists as a direct dependency. */
    private static Set<Slo> dependedOn(List<Cascade> cascades) {
        Set<Slo> dependedOn = new HashSet<>();
        for (Cascade cascade : cascades) {
            dependedOn.addAll(cascade.dependencies());
        }
        return dependedOn;
    }

    private static void ignoredDownstreamImpact(Slo slo, SloSpec spec, Set<Slo> dependedOn, Set<Finding> findings) {
        if (spec.audience() == Audience.INTERNAL && spec.consumers().isEmpty() && !dependedOn.contains(slo)) {
            findings.add(new Finding(FindingKind.IGNORED_DOWNSTREAM_IMPACT, spec.name(), "Internal SLO \"" + spec.name()
                    + "\" declares no consumers and no cascade depends on it: nobody knows who suffers when it is missed. "
                    + "Declare its consumers (consumers(new DownstreamConsumer(\"team\", DownstreamConsumer.Impact.BLOCKING, \"what breaks\"))) "
                    + "or add it to the cascade of the customer SLO it supports."));
        }
    }

    private static void missingJointOwnership(SloSpec spec, Set<Finding> findings) {
        if (spec.audience() != Audience.CUSTOMER) {
            return;
        }
        boolean product = spec.owners().stream().anyMatch(o -> o.role() == Owner.Role.PRODUCT);
        boolean engineering = spec.owners().stream().anyMatch(o -> o.role() == Owner.Role.ENGINEERING);
        if (!product || !engineering) {
            String lacking = !product && !engineering ? "product or engineering owner"
                    : !product ? "product owner" : "engineering owner";
            String missing = !product && !engineering ? "a product and an engineering owner"
                    : !product ? "a product owner" : "an engineering owner";
            findings.add(new Finding(FindingKind.MISSING_JOINT_OWNERSHIP, spec.name(), "Customer SLO \"" + spec.name()
                    + "\" has no " + lacking + " (owners: " + spec.owners() + "). Add " + missing
                    + " to ownedBy(...): product owns the promise, engineering its delivery."));
        }
    }

    /**
     * The fewest events (or slices) a window must hold for one bad one to fit in the budget:
     * {@code ceil(1 / (1 - target))}, from the exact decimal budget fraction (0.999 needs 1000).
     */
    static long eventsForOneBad(SloSpec spec) {
        BigDecimal fraction = BigDecimal.ONE.subtract(BigDecimal.valueOf(spec.target()));
        return BigDecimal.ONE.divide(fraction, 0, RoundingMode.CEILING).longValueExact();
    }

    /**
     * Occurrence budgets: the events of a whole window, projected from the traffic seen so far (the
     * window's events times window length over the time since its first hour with events), must reach
     * {@code 1 / (1 - target)}; with fewer, a single failure breaks the SLO.
     */
    private static void unrealisticForTraffic(Slo slo, SloSpec spec, Instant now, Set<Finding> findings) {
        if (!(spec.budgeting() instanceof Budgeting.Occurrences)) {
            return;
        }
        long needed = eventsForOneBad(spec);
        Duration windowLength = spec.window().length(now);
        Duration covered = coveredSpan(slo, spec, now, windowLength);
        long total = slo.errorBudget().total();
        double projected = (double) total * windowLength.toMillis() / covered.toMillis();
        if (projected < needed) {
            double realistic = 1 - 1 / Math.max(projected, 1);
            findings.add(new Finding(FindingKind.UNREALISTIC_TARGET, spec.name(), "\"" + spec.name() + "\" expects about "
                    + Math.round(projected) + " events per window (" + total + " seen so far), but a target of "
                    + spec.target() + " needs at least " + needed + " for one failure to fit in the budget: a single "
                    + "failure breaks it. Lower the target to at most " + round4(realistic) + ", lengthen the window, "
                    + "or count time slices instead (Budgeting.timeslices(...))."));
        }
    }

    /** How much of the window the recorded traffic spans: from the start of its first hour with events, at least one hour. */
    private static Duration coveredSpan(Slo slo, SloSpec spec, Instant now, Duration windowLength) {
        Duration sinceStart = Duration.between(spec.window().start(now), now);
        Duration lookBack = ceilHours(sinceStart.compareTo(windowLength) > 0 ? windowLength : sinceStart);
        Duration covered = windowLength;
        for (TimeBucket bucket : slo.timeline(Duration.ofHours(1), lookBack)) {
            if (bucket.total() > 0) {
                covered = Duration.between(bucket.start(), now);
                break;
            }
        }
        if (covered.compareTo(Duration.ofHours(1)) < 0) {
            covered = Duration.ofHours(1);
        }
        return covered.compareTo(windowLength) > 0 ? windowLength : covered;
    }

    private static Duration ceilHours(Duration d) {
        long hours = Math.max(1, (d.toMillis() + 3_599_999) / 3_600_000);
        return Duration.ofHours(hours);
    }

    /** Slice budgets: the window can hold at most {@code length / slice} slices, however busy the service. */
    private static void unrealisticForSlices(SloSpec spec, Instant now, Set<Finding> findings) {
        Duration slice = spec.budgeting() instanceof Budgeting.Timeslices t ? t.slice()
                : spec.budgeting() instanceof Budgeting.RatioTimeslices r ? r.slice() : null;
        if (slice == null) {
            return;
        }
        long slices = spec.window().length(now).toMillis() / slice.toMillis();
        long needed = eventsForOneBad(spec);
        if (slices < needed) {
            findings.add(new Finding(FindingKind.UNREALISTIC_TARGET, spec.name(), "\"" + spec.name() + "\" counts "
                    + slices + " slices of " + Durations.format(slice) + " per window, but a target of " + spec.target() + " needs at least "
                    + needed + " for one bad slice to fit in the budget. Use shorter slices (at most "
                    + Durations.format(Duration.ofMillis(spec.window().length(now).toMillis() / needed)) + ") or a target of at most "
                    + round4(1 - 1.0 / slices) + "."));
        }
    }

    /**
     * A look-back holds the closed slices that start within it, so a rule whose short window is shorter
     * than a slice sees no slice there: its short burn rate stays 0. (A window of at least two slices
     * always holds a whole one.)
     */
    private static void sliceLongerThanAlertWindow(SloSpec spec, Set<Finding> findings) {
        Duration slice = SliceChecks.sliceOf(spec.budgeting());
        if (slice == null) {
            return;
        }
        List<String> silent = new ArrayList<>();
        Duration shortest = null;
        for (BurnRateRule rule : spec.alertPolicy().rules()) {
            if (rule.shortWindow().compareTo(slice) < 0) {
                silent.add(rule.severity() + " " + Durations.shortForm(rule.longWindow()) + "/"
                        + Durations.shortForm(rule.shortWindow()));
                shortest = shortest == null || rule.shortWindow().compareTo(shortest) < 0 ? rule.shortWindow() : shortest;
            }
        }
        if (silent.isEmpty()) {
            return;
        }
        boolean one = silent.size() == 1;
        String example = sliceOfAtMost(shortest.dividedBy(2));
        findings.add(new Finding(FindingKind.SLICE_LONGER_THAN_ALERT_WINDOW, spec.name(), "\"" + spec.name()
                + "\" counts slices of " + Durations.inWords(slice) + ", longer than the short window of its alert "
                + (one ? "rule " : "rules ") + String.join(", ", silent) + " (long/short): no whole slice fits in "
                + (one ? "that window, so the rule" : "those windows, so the rules") + " can never fire. Use slices of at "
                + "most half of " + Durations.inWords(shortest) + (example.isEmpty() ? "" : ", e.g. " + example)
                + ", or an alert policy whose short windows are at least " + Durations.inWords(slice.multipliedBy(2))
                + " (twice the slice)."));
    }

    /** The longest slice {@link Budgeting#timeslices} accepts that is at most {@code bound}, as code; "" if none. */
    /** A grouped SLO whose overflow group counts events in its window: those no group tells apart. */
    private static void groupsOverflowing(Slo slo, Set<Finding> findings) {
        Grouping grouping = slo.grouping().orElse(null);
        if (grouping == null) {
            return;
        }
        List<Slo> groups = slo.groups();
        Slo overflow = groups.isEmpty() ? null : groups.get(groups.size() - 1);
        if (overflow == null || !overflow.groupValue().orElseThrow().equals(Grouping.OVERFLOW)) {
            return;
        }
        long spilled = overflow.errorBudget().total();
        long all = slo.errorBudget().total();
        if (spilled > 0) {
            findings.add(new Finding(FindingKind.GROUPS_OVERFLOWING, slo.name(), "\"" + slo.name() + "\" meets more "
                    + grouping.label() + " values than its " + grouping.maxGroups() + " groups: " + spilled + " of its " + all
                    + " events in the window count in the overflow group \"" + Grouping.OVERFLOW + "\", where no alert tells "
                    + "the values apart. Raise maxGroups, or group by a label of fewer values (a route template, not a raw path)."));
        }
    }

    private static String sliceOfAtMost(Duration bound) {
        for (long seconds = Math.min(bound.getSeconds(), 3_600); seconds >= 1; seconds--) {
            if (86_400 % seconds == 0) {
                return ".budgeting(Budgeting.timeslices(" + (seconds % 60 == 0
                        ? "Duration.ofMinutes(" + seconds / 60 + ")" : "Duration.ofSeconds(" + seconds + ")") + "))";
            }
        }
        return "";
    }

    private static String round4(double fraction) {
        return BigDecimal.valueOf(fraction).setScale(4, RoundingMode.FLOOR).stripTrailingZeros().toPlainString();
    }
}
