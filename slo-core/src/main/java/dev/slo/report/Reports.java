// The one entry point of the report package: builds a Report for an audience, as SloRegistry.report asks.
package dev.slo.report;

import dev.slo.Audience;
import dev.slo.Report;
import dev.slo.SloRegistry;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes the {@link Report} that {@link SloRegistry#report(Audience)} returns: the audience's builder
 * reads the rows once through the public face, then the Markdown and the JSON renderer write the same
 * rows. Users call {@code slos.report(audience)}; this package is not exported by the module.
 *
 * <pre>{@code
 * Report retro = Reports.of(slos, Audience.INTERNAL);   // the same as slos.report(Audience.INTERNAL)
 * }</pre>
 */
public final class Reports {
    private Reports() {}

    /**
     * A report on {@code registry} for {@code audience}, as of the registry clock's reading now.
     *
     * @param registry the registry to report on
     * @param audience {@link Audience#CUSTOMER} (customer SLOs only, safe to publish) or
     *                 {@link Audience#INTERNAL} (everything, for engineering retros)
     * @return the report, as Markdown and as JSON of the same figures
     * @throws NullPointerException if an argument is null
     */
    public static Report of(SloRegistry registry, Audience audience) {
        Objects.requireNonNull(registry, "registry must not be null");
        Objects.requireNonNull(audience, "audience must not be null");
        if (audience == Audience.CUSTOMER) {
            CustomerRows rows = CustomerReportBuilder.rows(registry);
            return new Report(audience, rows.asOf(), MarkdownRenderer.customer(rows), JsonRenderer.customer(rows));
        }
        InternalRows rows = InternalReportBuilder.rows(registry);
        return new Report(audience, rows.asOf(), MarkdownRenderer.internal(rows), JsonRenderer.internal(rows));
    }

    /**
     * The internal report's JSON of one SLO, as of now: its budget, burn rates per alert look-back, alerts
     * firing, latency and adherence, and the cascade it is the root of (prediction and blame), or null.
     *
     * @param registry the registry
     * @param name     the SLO's name
     * @return {@code {"asOf":..., "slo":{...}, "cascade":{...} or null}}, or empty when the registry has no such SLO
     * @throws NullPointerException if an argument is null
     */
    public static Optional<String> sloJson(SloRegistry registry, String name) {
        Objects.requireNonNull(registry, "registry must not be null");
        Objects.requireNonNull(name, "name must not be null");
        if (registry.find(name).isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(JsonRenderer.one(InternalReportBuilder.rows(registry), name));
    }
}
