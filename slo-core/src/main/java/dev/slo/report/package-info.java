/**
 * Reports on a registry's SLOs for product reviews ({@link dev.slo.Audience#CUSTOMER}) and engineering
 * retros ({@link dev.slo.Audience#INTERNAL}), behind {@link dev.slo.SloRegistry#report(dev.slo.Audience)}.
 *
 * <h2>Who may use it</h2>
 * The library itself: the module does not export this package, and users call
 * {@code slos.report(audience)}, which returns {@link dev.slo.Report}. Its one public type,
 * {@link dev.slo.report.Reports}, is the seam {@code SloRegistry.report} delegates to; that call is the
 * only reference from {@code dev.slo} to this package. This package in turn reads the registry through
 * the public face of {@code dev.slo} alone, as any user could, so a report never bypasses what a user's
 * own query would see.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li><b>Rows, then renderers.</b> A builder per audience ({@code CustomerReportBuilder},
 *       {@code InternalReportBuilder}) queries the registry once into immutable rows
 *       ({@code CustomerRows}, {@code InternalRows}); the {@code MarkdownRenderer} and the
 *       {@code JsonRenderer} only read those rows, so both forms show the same figures and neither reads
 *       the clock.</li>
 *   <li><b>What a customer sees is what its rows hold.</b> Customer rows carry no SLO handle and no
 *       owner name, so no renderer can reveal an internal SLO, a team or an actor.</li>
 *   <li><b>Markdown is for people</b>: percentages rounded for reading, "n/a" without data, every free text
 *       escaped so it stays inside its line or cell. <b>JSON is for machines</b>: fractions as doubles,
 *       counts as integers, instants and durations in ISO-8601, strings exactly as written (RFC 8259,
 *       fully escaped), non-finite numbers as {@code null}.</li>
 *   <li>Nothing here is shared or cached: a report is built on the calling thread and holds no state.</li>
 * </ul>
 */
package dev.slo.report;
