package dev.slo.export;

import dev.slo.DownstreamConsumer;
import dev.slo.ManualClock;
import dev.slo.Owner;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A registry worked by hand for the status page, as of {@link #NOW} (2026-03-31 01:30 UTC):
 * <ul>
 * <li>{@code checkout} (customer, 99%, rolling 30 days): 1,000 events at noon of each day from March 1 to March 30
 *     (940 on March 30), 150 of them bad on March 10, then 60 bad events at 01:27 today: 30,000 events, 300 bad allowed,
 *     210 bad, so 30.0% of the budget is left. Its chart (4-hour buckets) reads 100% until the bucket of March 10
 *     12:00-16:00, 50% from then, 30% at now; the incident fires the four rules of the default policy.
 * <li>{@code search} (customer, 99.9%, rolling 7 days): no events, and a description full of markup.
 * <li>{@code payments-ledger-9q} (internal, 99.9%): 10,000 good events on March 15, 50 bad at 01:27; it backs
 *     {@code checkout} in a cascade, owned by a team, with a consumer: all of it must stay off the customer page.
 * </ul>
 * The registry is evaluated at 01:00 (quiet) and at 01:30 (both SLOs fire their four rules).
 */
final class StatusScenario {
    static final Instant NOW = Instant.parse("2026-03-31T01:30:00Z");
    /** Where the rolling 30 days begin: the chart's first point. */
    static final Instant WINDOW_START = NOW.minus(Duration.ofDays(30));
    /** The end of the 4-hour bucket that holds March 10's 150 bad events: the chart is at 50% from here. */
    static final Instant AFTER_FIRST_INCIDENT = Instant.parse("2026-03-10T16:00:00Z");
    static final String HOSTILE = "Search <script>alert('x')</script> & \"finds\" it <b>fast</b>";

    /** Everything about the internal side that must never reach a customer. */
    static final List<String> SECRETS = List.of("payments-ledger-9q", "ledger replica", "team-quokka", "billing-batch-zz",
            "invoices stall", "pm-odette", "eng-kestrel", "pm-wren", "eng-heron", "Cascade", "Blame", "blame");

    final ManualClock clock = ManualClock.at(NOW.minus(Duration.ofMinutes(30)));
    final SloRegistry slos = SloRegistry.create(clock);
    final Slo checkout;
    final Slo search;
    final Slo payments;

    StatusScenario() {
        checkout = slos.define("checkout").customerFacing("Checkout completes")
                .ownedBy(Owner.product("pm-odette"), Owner.engineering("eng-kestrel")).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(Duration.ofDays(30))).register();
        search = slos.define("search").customerFacing(HOSTILE).ownedBy(Owner.product("pm-wren"), Owner.engineering("eng-heron"))
                .sli(Sli.ratio()).target(0.999).window(Window.rolling(Duration.ofDays(7))).register();
        payments = slos.define("payments-ledger-9q").internal("ledger replica <i>lag</i> & \"stays\" small")
                .ownedBy(Owner.team("team-quokka")).sli(Sli.ratio()).target(0.999).window(Window.rolling(Duration.ofDays(30)))
                .consumers(new DownstreamConsumer("billing-batch-zz", DownstreamConsumer.Impact.BLOCKING, "invoices stall"))
                .register();
        slos.cascade(checkout).dependsOn(payments).build();
        Instant firstNoon = Instant.parse("2026-03-01T12:00:00Z");
        for (int day = 0; day < 30; day++) {
            long bad = day == 9 ? 150 : 0;
            long events = day == 29 ? 940 : 1_000;
            checkout.recordCounts(events - bad, bad, firstNoon.plus(Duration.ofDays(day)));
        }
        payments.recordCounts(10_000, 0, Instant.parse("2026-03-15T12:00:00Z"));
        slos.evaluate();
        clock.set(NOW.minus(Duration.ofMinutes(3)));
        checkout.recordCounts(0, 60);
        payments.recordCounts(0, 50);
        clock.set(NOW);
        slos.evaluate();
    }
}
