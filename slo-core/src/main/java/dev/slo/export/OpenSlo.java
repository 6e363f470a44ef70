// The SLOs of a registry as OpenSLO v1 documents: Service, SLI, SLO, AlertCondition, AlertPolicy, AlertNotificationTarget.
package dev.slo.export;

import dev.slo.AlertPolicy;
import dev.slo.Budgeting;
import dev.slo.BurnRateRule;
import dev.slo.Owner;
import dev.slo.Severity;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.SloSpec;
import dev.slo.Window;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The SLOs of a registry as OpenSLO v1 documents ({@code apiVersion: openslo/v1}), for tools that read
 * the vendor-neutral format: a {@code ---} line between documents.
 *
 * <pre>{@code
 * Files.writeString(Path.of("openslo.yaml"), OpenSlo.yaml(slos));
 * }</pre>
 *
 * <h2>Documents</h2>
 * In this order, each referring only to documents before it:
 * <ul>
 *   <li>a {@code Service} per owning team: the SLO's first {@link Owner.Role#ENGINEERING engineering} owner,
 *       or its first owner when it has none;</li>
 *   <li>an {@code AlertNotificationTarget} per severity in use, {@code page} and {@code ticket};</li>
 *   <li>then per SLO, in definition order: its {@code SLI}, an {@code AlertCondition} and an
 *       {@code AlertPolicy} per {@link BurnRateRule} of its {@link AlertPolicy} (the spec allows one
 *       condition per policy), and its {@code SLO}, which lists those policies.</li>
 * </ul>
 *
 * <h2>What the documents say</h2>
 * <ul>
 *   <li>The SLI is a {@code ratioMetric} of counters ({@code counter: true}) over the series this library
 *       exports: good {@code slo_events_total{slo="<name>",outcome="good"}} and total
 *       {@code slo_events_total{slo="<name>"}} (both outcomes, for the reader to sum); for time-slice
 *       budgeting {@code slo_slices_total} instead. Queries are selectors, so a reader may wrap them in
 *       {@code rate} or {@code increase}.</li>
 *   <li>The SLO's {@code budgetingMethod} is {@code Occurrences}, {@code Timeslices} (with
 *       {@code timeSliceTarget} and {@code timeSliceWindow}) or {@code RatioTimeslices} (with
 *       {@code timeSliceWindow}); its window is rolling ({@code 30d}) or calendar ({@code 1M} or {@code 1w}
 *       with the current period's {@code startTime} and its IANA {@code timeZone}).</li>
 *   <li>Each {@code AlertCondition} is {@code kind: burnrate}, {@code op: gte}, {@code threshold} the rule's
 *       {@link BurnRateRule#threshold(Duration)} for the SLO's window as {@code slo.alerts()} applies it
 *       now (for a calendar window, the current period's length: a 31-day month gives 14.88 for the 2%
 *       rule), {@code lookbackWindow} the rule's long window and {@code alertAfter} its short one; its
 *       {@code severity} is {@code page} or {@code ticket}.</li>
 * </ul>
 *
 * <h2>Names and text</h2>
 * Every {@code metadata.name} is an RFC 1123 label: the original lowercased, other characters as
 * {@code -}, collapsed and trimmed, at most 63 characters. Names that would clash get a hash suffix of
 * their original, so distinct SLOs (or teams) keep distinct documents; the original is kept in
 * {@code metadata.displayName} (cut to 63 characters, the reference validator's limit, when longer, and
 * then whole in the annotation {@code slo-core/name}). An SLI has the name of its SLO. Descriptions longer
 * than the spec's 1050 characters are cut, ending in an ellipsis. Every string is double-quoted and fully
 * escaped, so no name or description can break the YAML.
 *
 * <p>Reads the registry's clock once, and every SLO's spec once. Safe to call from any thread; the
 * result is a snapshot of the registry's definitions.
 */
public final class OpenSlo {
    /** The annotation that holds an original name too long for {@code metadata.displayName}. */
    static final String NAME_ANNOTATION = "slo-core/name";

    private OpenSlo() {}

    /**
     * The OpenSLO v1 documents of every SLO of {@code slos}, as of its clock's reading now (which only
     * calendar windows depend on: their {@code startTime} and thresholds are those of the current period).
     *
     * @param slos the registry to export
     * @return the documents, {@code ---} lines between them, each line ending in a newline; empty when the
     *     registry has no SLO
     * @throws NullPointerException if {@code slos} is null
     * @throws IllegalArgumentException if an SLO holds what OpenSLO v1 cannot state exactly (the message names
     *     it): a window, slice or alert window that is not a whole number of minutes, or a calendar window
     *     in a fixed offset with minutes (no IANA name)
     */
    public static String yaml(SloRegistry slos) {
        Objects.requireNonNull(slos, "slos must not be null");
        Instant now = slos.clock().instant();
        List<SloSpec> specs = new ArrayList<>();
        for (Slo slo : slos.all()) {
            specs.add(slo.spec());
        }
        List<String> sloOriginals = new ArrayList<>();
        List<String> teams = new ArrayList<>();
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        for (SloSpec spec : specs) {
            sloOriginals.add(spec.name());
            teams.add(team(spec));
            for (BurnRateRule rule : spec.alertPolicy().rules()) {
                severities.add(rule.severity());
            }
        }
        Map<String, String> sloNames = OpenSloNames.assign(sloOriginals, "slo");
        Map<String, String> serviceNames = OpenSloNames.assign(teams, "service");

        OpenSloYaml out = new OpenSloYaml();
        for (String team : new LinkedHashSet<>(teams)) {
            service(out, serviceNames.get(team), team);
        }
        for (Severity severity : severities) {
            notificationTarget(out, severity);
        }
        OpenSloNames alertNames = new OpenSloNames();
        for (SloSpec spec : specs) {
            String name = sloNames.get(spec.name());
            sli(out, name, spec);
            List<String> policies = new ArrayList<>();
            for (BurnRateRule rule : spec.alertPolicy().rules()) {
                String alertName = alertNames.derived(name, "-" + word(rule.severity())
                        + "-" + OpenSloValues.shorthand(rule.longWindow(), "the long window of a burn-rate rule", spec.name()));
                alert(out, alertName, spec, rule, now);
                policies.add(alertName);
            }
            slo(out, name, serviceNames.get(team(spec)), spec, policies, now);
        }
        return out.text();
    }

    /** The team whose Service the SLO belongs to: its first engineering owner, else its first owner. */
    private static String team(SloSpec spec) {
        for (Owner owner : spec.owners()) {
            if (owner.role() == Owner.Role.ENGINEERING) {
                return owner.name();
            }
        }
        return spec.owners().get(0).name();
    }

    private static void service(OpenSloYaml out, String name, String team) {
        out.document("Service");
        metadata(out, name, team);
        out.begin("spec").string("description", OpenSloValues.cut("SLOs owned by " + team, OpenSloValues.MAX_DESCRIPTION)).end();
    }

    private static void notificationTarget(OpenSloYaml out, Severity severity) {
        out.document("AlertNotificationTarget");
        out.begin("metadata").string("name", word(severity)).end();
        out.begin("spec")
                .string("description", severity == Severity.PAGE
                        ? "Wake someone up: the budget burns fast enough to be gone within days"
                        : "A ticket for working hours: a slow burn that will still spend the budget")
                .string("target", word(severity))
                .end();
    }

    private static void sli(OpenSloYaml out, String name, SloSpec spec) {
        String series = spec.budgeting() instanceof Budgeting.Occurrences ? "slo_events_total" : "slo_slices_total";
        out.document("SLI");
        metadata(out, name, spec.name());
        out.begin("spec").string("description", OpenSloValues.cut(spec.sli().describe(), OpenSloValues.MAX_DESCRIPTION));
        out.begin("ratioMetric").bool("counter", true);
        metricSource(out, "good", series + "{slo=\"" + spec.name() + "\",outcome=\"good\"}");
        metricSource(out, "total", series + "{slo=\"" + spec.name() + "\"}");
        out.end().end();
    }

    private static void metricSource(OpenSloYaml out, String key, String query) {
        out.begin(key).begin("metricSource").string("type", "Prometheus")
                .begin("spec").string("query", query).end()
                .end().end();
    }

    private static void alert(OpenSloYaml out, String name, SloSpec spec, BurnRateRule rule, Instant now) {
        double threshold = rule.threshold(spec.window().length(now));
        String longWindow = OpenSloValues.shorthand(rule.longWindow(), "the long window of a burn-rate rule", spec.name());
        String shortWindow = OpenSloValues.shorthand(rule.shortWindow(), "the short window of a burn-rate rule", spec.name());
        String what = "burn rate of " + spec.name() + " at least " + OpenSloYaml.number(threshold) + " over " + longWindow
                + " and over " + shortWindow + ": " + percent(rule.budgetShare()) + " of the budget of the "
                + spec.window().describe() + " window spent within " + longWindow;

        out.document("AlertCondition");
        out.begin("metadata").string("name", name).end();
        out.begin("spec")
                .string("description", OpenSloValues.cut("Fires on a " + what, OpenSloValues.MAX_DESCRIPTION))
                .string("severity", word(rule.severity()))
                .begin("condition")
                .string("kind", "burnrate")
                .string("op", "gte")
                .number("threshold", threshold)
                .string("lookbackWindow", longWindow)
                .string("alertAfter", shortWindow)
                .end().end();

        long minimum = spec.alertPolicy().minimumEvents();
        String policy = (rule.severity() == Severity.PAGE ? "Pages" : "Opens a ticket") + " on a " + what
                + (minimum > 0 ? "; only once the long window holds at least " + minimum + " events" : "");
        out.document("AlertPolicy");
        out.begin("metadata").string("name", name).end();
        out.begin("spec")
                .string("description", OpenSloValues.cut(policy, OpenSloValues.MAX_DESCRIPTION))
                .bool("alertWhenNoData", false)
                .bool("alertWhenResolved", false)
                .bool("alertWhenBreaching", true)
                .begin("conditions").item().string("conditionRef", name).end().end()
                .begin("notificationTargets").item().string("targetRef", word(rule.severity())).end().end()
                .end();
    }

    private static void slo(OpenSloYaml out, String name, String service, SloSpec spec, List<String> policies, Instant now) {
        out.document("SLO");
        out.begin("metadata").string("name", name);
        displayName(out, spec.name());
        out.begin("labels").string("audience", spec.audience().name().toLowerCase(Locale.ROOT)).end();
        annotation(out, spec.name());
        out.end();
        out.begin("spec")
                .string("description", OpenSloValues.cut(spec.description(), OpenSloValues.MAX_DESCRIPTION))
                .string("service", service)
                .string("indicatorRef", name);
        timeWindow(out, spec, now);
        out.string("budgetingMethod", budgetingMethod(spec.budgeting()));
        out.begin("objectives").item()
                .string("displayName", spec.sli().describe())
                .number("target", spec.target());
        if (spec.budgeting() instanceof Budgeting.Timeslices t) {
            out.number("timeSliceTarget", t.sliceTarget())
                    .string("timeSliceWindow", OpenSloValues.shorthand(t.slice(), "the time slice", spec.name()));
        } else if (spec.budgeting() instanceof Budgeting.RatioTimeslices r) {
            out.string("timeSliceWindow", OpenSloValues.shorthand(r.slice(), "the time slice", spec.name()));
        }
        out.end().end();
        out.begin("alertPolicies");
        for (String policy : policies) {
            out.item().string("alertPolicyRef", policy).end();
        }
        out.end().end();
    }

    private static void timeWindow(OpenSloYaml out, SloSpec spec, Instant now) {
        Window window = spec.window();
        out.begin("timeWindow").item();
        if (window instanceof Window.Rolling rolling) {
            out.string("duration", OpenSloValues.shorthand(rolling.length(), "the window", spec.name())).bool("isRolling", true);
        } else {
            ZoneId zone = window instanceof Window.CalendarMonth month ? month.zone() : ((Window.CalendarWeek) window).zone();
            out.string("duration", window instanceof Window.CalendarMonth ? "1M" : "1w")
                    .begin("calendar")
                    .string("startTime", OpenSloValues.startTime(LocalDateTime.ofInstant(window.start(now), zone)))
                    .string("timeZone", OpenSloValues.timeZone(zone, spec.name()))
                    .end()
                    .bool("isRolling", false);
        }
        out.end().end();
    }

    private static String budgetingMethod(Budgeting budgeting) {
        if (budgeting instanceof Budgeting.Timeslices) {
            return "Timeslices";
        }
        return budgeting instanceof Budgeting.RatioTimeslices ? "RatioTimeslices" : "Occurrences";
    }

    /** The {@code metadata} of a document named after {@code original}: name, display name, and the annotation if cut. */
    private static void metadata(OpenSloYaml out, String name, String original) {
        out.begin("metadata").string("name", name);
        displayName(out, original);
        annotation(out, original);
        out.end();
    }

    private static void displayName(OpenSloYaml out, String original) {
        out.string("displayName", OpenSloValues.cut(original, OpenSloValues.MAX_DISPLAY_NAME));
    }

    private static void annotation(OpenSloYaml out, String original) {
        if (OpenSloValues.tooLong(original, OpenSloValues.MAX_DISPLAY_NAME)) {
            out.begin("annotations").string(NAME_ANNOTATION, original).end();
        }
    }

    private static String word(Severity severity) {
        return severity.name().toLowerCase(Locale.ROOT);
    }

    /** A share as an exact percentage: 0.02 gives "2%". */
    private static String percent(double share) {
        return BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
