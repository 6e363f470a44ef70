// Renders the report rows as JSON text (RFC 8259) for machines: raw numbers, ISO-8601 times and durations.
package dev.slo.report;

import dev.slo.Adherence;
import dev.slo.Audience;
import dev.slo.BurnRateAlert;
import dev.slo.Contribution;
import dev.slo.DownstreamConsumer;
import dev.slo.EarlyWarning;
import dev.slo.ErrorBudget;
import dev.slo.Finding;
import dev.slo.Owner;
import dev.slo.Revision;
import dev.slo.SloSpec;
import java.util.List;

/**
 * JSON for machines: fractions as doubles (not percentages), counts as integers, instants and durations
 * in ISO-8601, strings exactly as their authors wrote them (escaped by {@link JsonWriter}).
 */
final class JsonRenderer {
    private JsonRenderer() {}

    /**
     * @param rows the customer report's rows
     * @return {@code {"audience":"CUSTOMER","asOf":..., "slos":[...]}}
     */
    static String customer(CustomerRows rows) {
        JsonWriter json = new JsonWriter().beginObject()
                .member("audience", Audience.CUSTOMER.name())
                .member("asOf", rows.asOf().toString())
                .name("slos").beginArray();
        for (CustomerRows.Promise p : rows.promises()) {
            json.beginObject().member("name", p.name()).member("promise", p.promise()).member("target", p.target())
                    .member("window", p.window());
            budget(p.budget(), json);
            json.name("revisions").beginArray();
            for (CustomerRows.RoleRevision r : p.revisions()) {
                json.beginObject().member("when", r.when().toString()).member("byRole", r.byRole())
                        .member("from", r.from()).member("to", r.to()).member("why", r.why()).endObject();
            }
            json.endArray().endObject();
        }
        return json.endArray().endObject().text();
    }

    /**
     * @param rows the internal report's rows
     * @return {@code {"audience":"INTERNAL","asOf":..., "slos":[...], "cascades":[...], "findings":[...]}}
     */
    static String internal(InternalRows rows) {
        JsonWriter json = new JsonWriter().beginObject()
                .member("audience", Audience.INTERNAL.name())
                .member("asOf", rows.asOf().toString())
                .name("slos").beginArray();
        for (InternalRows.SloRow row : rows.slos()) {
            slo(row, json);
        }
        json.endArray().name("cascades").beginArray();
        for (InternalRows.CascadeRow cascade : rows.cascades()) {
            cascade(cascade, json);
        }
        json.endArray().name("findings").beginArray();
        for (Finding f : rows.findings()) {
            json.beginObject().member("kind", f.kind().name()).member("slo", f.slo()).member("message", f.message()).endObject();
        }
        return json.endArray().endObject().text();
    }

    /**
     * @param rows the internal report's rows
     * @param name an SLO's name
     * @return {@code {"asOf":..., "slo":{...}, "cascade":{...} or null}} for the SLO named {@code name} (the
     *     cascade it is the root of, if any), or null when the rows hold no such SLO
     */
    static String one(InternalRows rows, String name) {
        InternalRows.SloRow found = null;
        for (InternalRows.SloRow row : rows.slos()) {
            if (row.spec().name().equals(name)) {
                found = row;
            }
        }
        if (found == null) {
            return null;
        }
        JsonWriter json = new JsonWriter().beginObject().member("asOf", rows.asOf().toString()).name("slo");
        slo(found, json);
        json.name("cascade");
        InternalRows.CascadeRow rooted = null;
        for (InternalRows.CascadeRow cascade : rows.cascades()) {
            if (cascade.root().equals(name)) {
                rooted = cascade;
            }
        }
        if (rooted == null) {
            json.nullValue();
        } else {
            cascade(rooted, json);
        }
        return json.endObject().text();
    }

    /** The budget's members, as both reports carry them. */
    private static void budget(ErrorBudget budget, JsonWriter json) {
        json.member("events", budget.total())
                .member("goodEvents", budget.good())
                .member("attainment", budget.attainment())
                .member("budgetRemaining", budget.remaining())
                .member("status", Formats.status(budget));
    }

    private static void slo(InternalRows.SloRow row, JsonWriter json) {
        SloSpec spec = row.spec();
        json.beginObject()
                .member("name", spec.name())
                .member("audience", spec.audience().name())
                .member("description", spec.description())
                .member("sli", spec.sli().describe())
                .member("target", spec.target())
                .member("window", spec.window().describe())
                .name("owners").beginArray();
        for (Owner o : spec.owners()) {
            json.beginObject().member("name", o.name()).member("role", o.role().name()).endObject();
        }
        json.endArray();
        budget(row.budget(), json);
        burnRates(row.burnRates(), json);
        Adherence adherence = row.adherence();
        json.member("excludedEvents", row.excludedEvents())
                .name("adherence").beginObject()
                .member("daysWithData", adherence.daysWithData())
                .member("daysMet", adherence.daysMet())
                .member("daysMissed", adherence.daysMissed())
                .member("durableGap", adherence.durableGap())
                .member("advice", adherence.advice())
                .endObject();
        row.latency().ifPresent(latency -> latency(latency, json));
        alerts(row.alerts(), json);
        if (row.groupLabel().isPresent()) {
            json.name("groups").beginObject().member("label", row.groupLabel().get()).name("values").beginArray();
            for (InternalRows.GroupRow g : row.groups()) {
                json.beginObject().member("value", g.value());
                budget(g.budget(), json);
                burnRates(g.burnRates(), json);
                alerts(g.alerts(), json);
                json.endObject();
            }
            json.endArray().endObject();
        }
        json.name("consumers").beginArray();
        for (DownstreamConsumer c : spec.consumers()) {
            json.beginObject().member("name", c.name()).member("impact", c.impact().name())
                    .member("description", c.description()).endObject();
        }
        json.endArray().name("revisions").beginArray();
        for (Revision r : row.revisions()) {
            json.beginObject().name("who").beginObject().member("name", r.who().name())
                    .member("role", r.who().role().name()).endObject()
                    .member("when", r.when().toString()).member("from", r.from()).member("to", r.to())
                    .member("why", r.why()).endObject();
        }
        json.endArray().endObject();
    }

    private static void burnRates(List<InternalRows.BurnRate> burnRates, JsonWriter json) {
        json.name("burnRates").beginArray();
        for (InternalRows.BurnRate b : burnRates) {
            json.beginObject().member("lookBack", b.lookBack().toString()).member("burnRate", b.rate()).endObject();
        }
        json.endArray();
    }

    private static void alerts(List<BurnRateAlert> alerts, JsonWriter json) {
        json.name("alertsFiring").beginArray();
        for (BurnRateAlert a : alerts) {
            json.beginObject().member("severity", a.severity().name())
                    .member("budgetShare", a.rule().budgetShare())
                    .member("longWindow", a.rule().longWindow().toString())
                    .member("shortWindow", a.rule().shortWindow().toString())
                    .member("threshold", a.threshold())
                    .member("longBurnRate", a.longBurnRate())
                    .member("shortBurnRate", a.shortBurnRate()).endObject();
        }
        json.endArray();
    }

    private static void latency(InternalRows.LatencyRow l, JsonWriter json) {
        json.name("latency").beginObject()
                .member("lookBack", l.lookBack().toString())
                .member("count", l.count())
                .member("failed", l.failed())
                .member("p50", l.p50().toString())
                .member("p99", l.p99().toString())
                .member("p999", l.p999().toString())
                .member("threshold", l.threshold().toString())
                .member("attainmentAtThreshold", l.attainmentAtThreshold())
                .member("targetReachable", l.thresholdMetAtTarget().isPresent());
        l.thresholdMetAtTarget().ifPresent(t -> json.member("thresholdMetAtTarget", t.toString()));
        json.endObject();
    }

    private static void cascade(InternalRows.CascadeRow c, JsonWriter json) {
        json.beginObject().member("root", c.root()).name("dependencies").beginArray();
        for (String dependency : c.dependencies()) {
            json.value(dependency);
        }
        json.endArray()
                .member("compoundedTarget", c.compoundedTarget())
                .member("predictedAttainment", c.predictedAttainment())
                .member("observedAttainment", c.rootBudget().attainment())
                .name("blame").beginArray();
        for (Contribution b : c.blame()) {
            json.beginObject().member("slo", b.slo().name()).member("share", b.share()).endObject();
        }
        json.endArray().name("earlyWarnings").beginArray();
        for (EarlyWarning w : c.earlyWarnings()) {
            json.beginObject().member("dependency", w.dependency().name())
                    .member("severity", w.rule().severity().name())
                    .member("longWindow", w.rule().longWindow().toString())
                    .member("predictedBurnRate", w.predictedBurnRate()).endObject();
        }
        json.endArray().endObject();
    }
}
