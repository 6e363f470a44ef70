package dev.slo.examples;

import dev.slo.Adherence;
import dev.slo.Exclusion;
import dev.slo.ManualClock;
import dev.slo.Owner;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Window;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * An internal API's latency SLO over a month: a weekly maintenance window that does not count against
 * the budget, percentiles read from the latency distribution, what-if attainment at another threshold,
 * and the adherence advice when the target is missed day after day. The lines between the
 * {@code latency-review} markers appear in README.md exactly (LatencyReviewTest checks it).
 */
public final class LatencyReview {
    /** Requests a minute, every minute of the month. */
    static final int PER_MINUTE = 20;
    /** One request in this many takes {@link #SLOW}: 0.2% of them, four times what a 99.95% target allows. */
    static final int ONE_SLOW_IN = 500;
    static final Duration SLOW = Duration.ofMillis(800);
    /** What requests take while the weekly deploy runs: slow, but excluded. */
    static final Duration DURING_DEPLOY = Duration.ofSeconds(2);
    static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    static final int DAYS = 30;

    private LatencyReview() {}

    /** Simulates March 2 to 31 minute by minute and prints what the SLO says on April 1, 00:00 UTC. */
    public static void main(String[] args) {
        ManualClock clock = ManualClock.at(START);
        SloRegistry slos = SloRegistry.create(clock);
        // latency-review:begin
        Slo auth = slos.define("auth-latency")
                .internal("auth-svc answers within 300 ms")
                .ownedBy(Owner.team("identity"))
                .sli(Sli.latency(Duration.ofMillis(300)))
                .target(0.9995)
                .window(Window.rolling(Duration.ofDays(30)))
                .exclude(Exclusion.weekly(DayOfWeek.TUESDAY, LocalTime.of(6, 0), Duration.ofHours(1),
                        ZoneId.of("Europe/Berlin"), "weekly deploy"))     // these events do not count
                .register();
        simulateAMonth(clock, auth);

        Duration month = Duration.ofDays(30);
        Duration p99 = auth.latencyPercentile(0.99, month);                // within 1.6% of the true p99
        double atOneSecond = auth.attainmentAt(Duration.ofSeconds(1), month); // what-if: a 1 s threshold
        Duration met = auth.thresholdMet(0.9995, month).orElseThrow();     // the threshold it really meets
        Adherence adherence = auth.adherence();                            // the last 30 days, day by day
        if (adherence.durableGap()) {
            System.out.println(adherence.advice());                        // rewrite the SLO, or fix the service
        }
        // latency-review:end

        System.out.println(String.format(Locale.ROOT, "p50 %d ms, p99 %d ms, p99.9 %d ms over 30 days",
                auth.latencyPercentile(0.5, month).toMillis(), p99.toMillis(),
                auth.latencyPercentile(0.999, month).toMillis()));
        System.out.println(String.format(Locale.ROOT, "attainment within 300 ms %.4f%%, within 1 s %.4f%%",
                100 * auth.errorBudget().attainment(), 100 * atOneSecond));
        System.out.println("threshold met at 99.95%: " + met.toMillis() + " ms");
        System.out.println("excluded during the weekly deploy: " + auth.excludedEvents() + " events");
        System.out.println("days met " + adherence.daysMet() + ", missed " + adherence.daysMissed()
                + ", durable gap " + adherence.durableGap());
    }

    /**
     * {@link #PER_MINUTE} requests every minute for {@link #DAYS} days. Outside the deploy window the
     * n-th request takes {@link #SLOW} when n is a multiple of {@link #ONE_SLOW_IN}, otherwise
     * 40 + (37 n mod 160) ms: every value from 40 to 199 ms equally often. During the deploy every
     * request takes {@link #DURING_DEPLOY}.
     */
    static void simulateAMonth(ManualClock clock, Slo auth) {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        long n = 0;
        for (int minute = 0; minute < DAYS * 1440; minute++) {
            Instant at = START.plus(Duration.ofMinutes(minute));
            clock.set(at);
            var local = at.atZone(berlin);
            boolean deploy = local.getDayOfWeek() == DayOfWeek.TUESDAY && local.getHour() == 6;
            for (int i = 0; i < PER_MINUTE; i++) {
                if (deploy) {
                    auth.record(true, DURING_DEPLOY.toNanos());
                    continue;
                }
                long millis = n % ONE_SLOW_IN == 0 ? SLOW.toMillis() : 40 + (37 * n) % 160;
                auth.record(true, millis * 1_000_000L);
                n++;
            }
        }
        clock.set(START.plus(Duration.ofDays(DAYS)));
    }
}
