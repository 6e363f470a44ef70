package dev.slo.examples;

import dev.slo.BurnRateAlert;
import dev.slo.Cascade;
import dev.slo.Contribution;
import dev.slo.EarlyWarning;
import dev.slo.ErrorBudget;
import dev.slo.Finding;
import dev.slo.Severity;
import dev.slo.Slo;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The story's cascade section: checkout's journey through its internal services, watched minute by
 * minute across the incident. It prints each minute what the dependencies predict for checkout next
 * to what checkout itself sees, until checkout pages, then the lead the early warning gave; after the
 * incident, who is to blame.
 */
final class CascadeWatch {
    private static final Duration HOUR = Duration.ofHours(1);

    private final PrintStream out;
    private final Cascade journey;
    private final Slo customer;
    private final Slo watched;
    private final Instant from;
    private final Instant until;
    private EarlyWarning firstWarning;
    private Instant firstWarningAt;
    private Instant firstPageAt;
    private boolean done;

    /**
     * @param watched the dependency whose error ratio the minute-by-minute rows show
     * @param from    the first minute to print
     * @param until   the last minute to watch if the customer never pages
     */
    CascadeWatch(PrintStream out, Cascade journey, Slo watched, Instant from, Instant until) {
        this.out = out;
        this.journey = journey;
        this.customer = journey.root();
        this.watched = watched;
        this.from = from;
        this.until = until;
    }

    /** The cascade, its compounded target and what check() says of it. */
    void printDefinition() {
        out.println("== The checkout journey as a cascade ==");
        out.println(customer.name() + " <- " + journey.dependencies().stream()
                .map(d -> d.name() + journey.share(d).filter(s -> s < 1).map(s -> " (" + Formats.percent(s, 0) + " of checkouts)").orElse(""))
                .collect(Collectors.joining(", ")));
        out.printf(Locale.ROOT, "compounded target %.9f: if every internal SLO just meets its target, checkout attains %s;"
                        + " its promise is %s%n",
                journey.compoundedTarget(), Formats.percent(journey.compoundedTarget(), 4), Formats.target(customer.spec().target()));
        printFindings();
        out.println();
    }

    /** Called every simulated minute: prints the incident's rows until the customer pages, then the lead. */
    void minutePassed(Instant now) {
        if (done || now.isBefore(from)) {
            return;
        }
        if (now.equals(from)) {
            out.println("== The incident minute by minute: early warning from the cascade ==");
            out.printf(Locale.ROOT, "%-9s %14s %17s %14s  %-44s %s%n", "minute", watched.name().split("-")[0] + " 5m err",
                    "predicted 1h burn", "checkout 1h", "early warnings", "checkout alerts");
        }
        List<EarlyWarning> warnings = journey.earlyWarnings();
        List<BurnRateAlert> alerts = customer.alerts();
        if (firstWarning == null && !warnings.isEmpty()) {
            firstWarning = warnings.get(0);
            firstWarningAt = now;
        }
        boolean pages = alerts.stream().anyMatch(a -> a.severity() == Severity.PAGE);
        if (firstPageAt == null && pages) {
            firstPageAt = now;
        }
        out.printf(Locale.ROOT, "%-9s %14s %17.1f %14.1f  %-44s %s%n", Formats.minute(now).substring(11),
                Formats.percent(watched.burnRate(Duration.ofMinutes(5)) * watched.spec().budgetFraction(), 2),
                journey.predictedBurnRate(HOUR), customer.burnRate(HOUR),
                warnings.isEmpty() ? "-" : describe(warnings.get(0)) + (warnings.size() > 1 ? " +" + (warnings.size() - 1) + " more" : ""),
                alerts.isEmpty() ? "-" : alerts.stream().map(CascadeWatch::describe).collect(Collectors.joining(", ")));
        if ((firstPageAt != null && now.isAfter(firstPageAt)) || !now.isBefore(until)) {
            done = true;
            printLead();
        }
    }

    /** Who is to blame for checkout's shortfall over its window, and how well the cascade predicts it. */
    void printBlame(String when) {
        out.println("== Blame " + when + " ==");
        ErrorBudget budget = customer.errorBudget();
        out.printf(Locale.ROOT, "%s attains %s over its window; its dependencies predict %s%n", customer.name(),
                Formats.percent(budget.attainment(), 4), Formats.percent(journey.predictedAttainment(), 4));
        if (journey.predictedAttainment() < budget.attainment()) {
            out.println("(worse than observed: the model counts every failed call as a failed checkout, but checkout-svc"
                    + " retries a failed charge)");
        }
        for (Contribution c : journey.blame()) {
            out.printf(Locale.ROOT, "  %6s  %-26s attains %s%n", Formats.percent(c.share(), 1), c.slo().name(),
                    Formats.percent(c.slo().errorBudget().attainment(), 4));
        }
        out.println();
    }

    /** What check() says of the cascade now. */
    void printFindings() {
        List<Finding> findings = journey.check();
        if (findings.isEmpty()) {
            out.println("check(): no findings");
        }
        for (Finding f : findings) {
            out.println("check(): " + f.kind() + " " + f.message());
        }
    }

    Optional<Instant> firstWarningAt() {
        return Optional.ofNullable(firstWarningAt);
    }

    Optional<Instant> firstPageAt() {
        return Optional.ofNullable(firstPageAt);
    }

    private void printLead() {
        if (firstWarning == null) {
            out.println("no early warning before " + Formats.minute(until));
        } else {
            out.printf(Locale.ROOT, "first early warning  %s: %s, predicted checkout burn %.1f%s%n", Formats.minute(firstWarningAt),
                    describe(firstWarning), firstWarning.predictedBurnRate(),
                    firstWarning.timeToExhaustion().map(d -> ", checkout's budget gone in " + Formats.elapsed(d) + " at that rate").orElse(""));
        }
        if (firstPageAt == null) {
            out.println("no customer page before " + Formats.minute(until));
        } else {
            out.println("first customer page  " + Formats.minute(firstPageAt) + ": " + customer.name()
                    + (firstWarningAt == null ? "" : ", " + Duration.between(firstWarningAt, firstPageAt).toMinutes()
                            + " minutes after the early warning"));
        }
        out.println();
    }

    private static String describe(EarlyWarning w) {
        return w.dependency().name() + " " + w.severity() + " " + Formats.duration(w.rule().longWindow()) + "/"
                + Formats.duration(w.rule().shortWindow());
    }

    private static String describe(BurnRateAlert a) {
        return a.severity() + " " + Formats.duration(a.rule().longWindow()) + "/" + Formats.duration(a.rule().shortWindow());
    }
}
