package dev.slo;

import java.time.Instant;
import java.util.Objects;

/**
 * A report on a registry's SLOs for one {@link Audience}, as Markdown and as JSON text, made by
 * {@link SloRegistry#report(Audience)}.
 *
 * <pre>{@code
 * Report review = slos.report(Audience.CUSTOMER);   // for product reviews and status pages
 * Files.writeString(Path.of("slo-review.md"), review.markdown());
 * Report retro = slos.report(Audience.INTERNAL);    // for engineering retros
 * send(retro.json());
 * }</pre>
 *
 * <p>A {@link Audience#CUSTOMER} report holds the customer SLOs only: for each, its promise, attainment
 * against it, the budget left and the revisions of its target (the actor by role, not by name). It never
 * names or reveals an internal SLO, its team or its consumers, so it is safe to publish; revision reasons
 * appear as their authors wrote them. An {@link Audience#INTERNAL} report holds every SLO with its owners,
 * burn rates, alerts firing, consumers and revisions, the cascades with their blame, and the findings of
 * {@link SloRegistry#lint()}.
 *
 * @param audience whom the report is for
 * @param asOf     the registry clock's reading the figures were taken at
 * @param markdown the report as Markdown (GitHub flavour: headings, tables, lists)
 * @param json     the same report as JSON text (RFC 8259)
 */
public record Report(Audience audience, Instant asOf, String markdown, String json) {

    /**
     * A report of the given parts.
     *
     * @param audience whom the report is for
     * @param asOf     the clock reading the figures were taken at
     * @param markdown the report as Markdown
     * @param json     the same report as JSON text
     * @throws NullPointerException if an argument is null
     */
    public Report {
        Objects.requireNonNull(audience, "audience must not be null");
        Objects.requireNonNull(asOf, "asOf must not be null");
        Objects.requireNonNull(markdown, "markdown must not be null");
        Objects.requireNonNull(json, "json must not be null");
    }
}
