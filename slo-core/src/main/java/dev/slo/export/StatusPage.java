package dev.slo.export;

import dev.slo.Audience;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import java.util.Objects;

/**
 * A status page of a registry's SLOs: one self-contained HTML page with inline SVG charts, to serve as it is
 * ({@link SloHttp} does, at {@code /status}) or to write to a file. No script, no external style sheet, font
 * or image: the page loads nothing, and says so to the browser (a {@code Content-Security-Policy} of
 * {@code default-src 'none'} that allows only its own inline style).
 *
 * <pre>{@code
 * String page = StatusPage.html(slos, Audience.CUSTOMER);     // safe to publish: customer promises only
 * Files.writeString(Path.of("status.html"), page);
 * String retro = StatusPage.html(slos, Audience.INTERNAL);    // everything, with cascades and blame
 * }</pre>
 *
 * <p><b>What it shows</b>, per SLO: the attainment against the target (the promise) and the error budget
 * remaining, in a sentence and in figures; a burn-down chart of the budget over the window (below); the burn
 * rate over the long and short window of each rule of its alert policy, beside the rule's threshold; the alerts
 * firing now ({@link Slo#alerts()}); and its alert history, newest first, from
 * {@link SloRegistry#alertHistory()} (so it shows the transitions of the registry's {@link SloRegistry#evaluate()}
 * calls; a registry never evaluated has none).
 *
 * <p><b>Audiences.</b> {@link Audience#CUSTOMER}: the customer-facing SLOs only, as the customer report has
 * them; nothing of an internal SLO (not its name, not how many there are), no owner, team or downstream
 * consumer, no cascade. {@link Audience#INTERNAL}: every SLO with its audience, SLI, owners and consumers,
 * then every cascade with its compounded target, predicted attainment, blame and early warnings.
 *
 * <p><b>The burn-down chart</b> answers: of the budget the window holds now, how much had been spent by each
 * moment of the window? It is computed from {@link Slo#timeline} at a resolution that gives at most 200
 * buckets over the window's longest length (4 hours for 30 days, 1 hour for 7, 10 minutes for one day). The
 * buckets drawn are those that begin inside the window as of now: after {@code now - length} for a rolling
 * window, at or after the start of the period for a calendar one. With {@code T} the events of those buckets,
 * {@code B(k)} the bad events of the first {@code k} of them and {@code f = 1 - target}, the chart has a
 * point at the window's start with 1.0 (100%), then one at the end of each bucket (now, for the bucket still
 * open) with {@code 1 - B(k) / (f * T)} (1.0 throughout when {@code T} is 0). The line therefore falls from
 * 100% to what is left now, and only falls. For a rolling window this is a cumulative reading over the
 * look-back ending now, not the rolling budget as it stood at each moment (which would count older events
 * and other totals). Its last point is the budget the buckets hold; it can differ from the budget remaining
 * in figures, which {@link Slo#errorBudget()} counts, by the events of the window's first partial bucket
 * (at most one resolution, 4 hours of 30 days), which the chart leaves out. The axes are linear, from the
 * window's start to now (rolling) or to the period's end (calendar), and from 100% down to 0% (or to the
 * lowest share, rounded down to a quarter, once overspent); the SVG states them in {@code data-} attributes and
 * carries the points' instants and shares unrounded beside the drawn coordinates, which are rounded to two
 * decimals of an SVG unit. Under time-slice budgeting there is no chart: the timeline holds events, not the
 * slices such a budget counts, and the page says so.
 *
 * <p><b>Markup.</b> The page is HTML that is also well-formed XML (every element closed, every attribute
 * quoted), in UTF-8. Every name, description, owner and reason is escaped ({@code & < > " '} as entities), so
 * none can open a tag or end an attribute; a character that XML cannot hold becomes U+FFFD. Figures are
 * rounded for reading: targets exactly, attainment to three decimals of a percent, budget to one, burn
 * rates to two. Times are UTC, ISO-8601.
 *
 * <p><b>Thread-safety.</b> Safe to call from any thread; the page is built on the calling thread from the
 * SLOs' queries, which read the registry's clock (with {@code ManualClock}, all at the same instant).
 */
public final class StatusPage {
    /** The content type of {@link #html}: {@code text/html; charset=utf-8}. */
    public static final String CONTENT_TYPE = "text/html; charset=utf-8";

    private StatusPage() {}

    /**
     * The status page of {@code slos} for {@code audience}, as of the registry clock's reading now (see the
     * class notes for what it shows, and how the chart is computed).
     *
     * @param slos     the registry
     * @param audience {@link Audience#CUSTOMER} (customer SLOs only, safe to publish) or
     *                 {@link Audience#INTERNAL} (everything, with cascades and blame)
     * @return the page, a complete HTML document
     * @throws NullPointerException if an argument is null
     */
    public static String html(SloRegistry slos, Audience audience) {
        Objects.requireNonNull(slos, "slos must not be null");
        Objects.requireNonNull(audience, "audience must not be null");
        return StatusHtml.page(StatusReader.rows(slos, audience));
    }
}
