package dev.slo.examples;

import dev.slo.Audience;
import dev.slo.DecisionRightsException;
import dev.slo.DownstreamConsumer;
import dev.slo.Finding;
import dev.slo.ManualClock;
import dev.slo.Owner;
import dev.slo.Report;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Window;
import java.time.Duration;
import java.time.Instant;

/**
 * Customer vs internal practice in one review: a customer promise resting on an internal SLO that
 * declares its consumers, a relaxation that engineering may not make alone and product may, the lint,
 * and the two reports (customer-safe and engineering). The lines between the {@code practice} markers
 * appear in README.md exactly (PracticeReviewTest checks it).
 */
public final class PracticeReview {
    private PracticeReview() {}

    /** Defines the SLOs, runs a week of simulated traffic, then prints the refusal, the findings and both reports. */
    public static void main(String[] args) {
        ManualClock clock = ManualClock.at(Instant.parse("2026-03-02T00:00:00Z"));
        SloRegistry slos = SloRegistry.create(clock);
        Slo checkout = slos.define("checkout-completes")
                .customerFacing("Checkout completes")
                .ownedBy(Owner.product("shop-pm"), Owner.engineering("checkout-eng"))
                .sli(Sli.ratio())
                .target(0.999)
                .window(Window.rolling(Duration.ofDays(30)))
                .register();
        slos.define("search-index-fresh")                    // nobody said who needs it: the lint asks
                .internal("search index rebuilt within 10 minutes")
                .ownedBy(Owner.team("search-eng"))
                .sli(Sli.ratio())
                .target(0.99)
                .window(Window.rolling(Duration.ofDays(30)))
                .register();
        // practice:begin
        Slo payments = slos.define("payments-charge")
                .internal("payments-svc charges a card within 2 s")
                .ownedBy(Owner.team("payments-eng"))
                .sli(Sli.latency(Duration.ofSeconds(2)))
                .target(0.9995)
                .window(Window.rolling(Duration.ofDays(30)))
                .consumers(new DownstreamConsumer("checkout-svc", DownstreamConsumer.Impact.BLOCKING, "orders cannot be paid"))
                .register();
        slos.cascade(checkout).dependsOn(payments).build();
        simulateAWeek(clock, checkout, payments);            // 1 000 checkouts an hour, a few fail in payments

        try {
            checkout.revise(0.995, Owner.engineering("checkout-eng"), "too many pages");
        } catch (DecisionRightsException refused) {        // engineering cannot relax a promise alone
            System.out.println("refused: " + refused.getMessage());
        }
        checkout.revise(0.995, Owner.product("shop-pm"), "agreed in the quarterly review");

        for (Finding finding : slos.lint()) {
            System.out.println(finding.kind() + " " + finding.slo() + ": " + finding.message());
        }
        Report review = slos.report(Audience.CUSTOMER);      // product reviews: never names an internal SLO
        Report retro = slos.report(Audience.INTERNAL);       // engineering retros: burn, alerts, blame, advice
        // practice:end
        System.out.println();
        System.out.println(review.markdown());
        System.out.println(retro.markdown());
        System.out.println(review.json());
    }

    /** A week of 1 000 checkouts an hour; every fourth hour one charge fails in payments, failing its checkout. */
    static void simulateAWeek(ManualClock clock, Slo checkout, Slo payments) {
        for (int hour = 0; hour < 24 * 7; hour++) {
            int bad = hour % 4 == 0 ? 1 : 0;
            payments.recordCounts(1_000 - bad, bad);
            checkout.recordCounts(1_000 - bad, bad);
            clock.advance(Duration.ofHours(1));
        }
    }
}
