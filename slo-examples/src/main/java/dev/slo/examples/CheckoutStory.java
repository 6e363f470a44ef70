package dev.slo.examples;

import dev.slo.BurnRateAlert;
import dev.slo.Cascade;
import dev.slo.ErrorBudget;
import dev.slo.ManualClock;
import dev.slo.Owner;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.SloSpec;
import dev.slo.Window;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A month in the life of a shop's checkout, told in a few seconds of {@link ManualClock} time.
 *
 * <p>One customer SLO, "checkout-completes" (99.9% over 30 days), rests on three internal services,
 * each with a tighter SLO of its own (99.98%): auth answers within 300 ms, payments succeed, inventory
 * lookups succeed; a quarter of checkouts also re-run the shopper's search (99.95%). Checkout-svc
 * retries a failed charge once, so a checkout fails on payments only when both tries fail. Thirty days of traffic with a
 * daily rhythm are recorded a minute at a time with {@link Slo#recordCounts(long, long)}; around one
 * incident (on 2026-03-21 from 14:10 to 14:55 UTC about 30% of payment calls fail, and so do the
 * checkouts whose retry fails too, about 9%) every call is recorded one by one with {@link Slo#record(boolean)}. The clock steps a
 * minute at a time and {@link Slo#alerts()} is asked at every step, which gives the timeline of pages
 * and tickets. The journey is also a {@link Cascade}: watched minute by minute across the incident,
 * payments' own burn warns that checkout will page minutes before it does, and blame names payments.
 *
 * <p>Run it with {@code mvn -q -B -pl slo-examples -am compile exec:java}. Each section of the story
 * is one method of this class; {@link #tell()} calls them in order.
 */
public final class CheckoutStory {
    static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant END = START.plus(Duration.ofDays(30));
    static final Instant INCIDENT_START = Instant.parse("2026-03-21T14:10:00Z");
    static final Instant INCIDENT_END = Instant.parse("2026-03-21T14:55:00Z");
    /** Share of payment calls that fail during the incident. */
    static final double INCIDENT_PAYMENT_FAILURES = 0.30;
    /** Around the incident every call is recorded one by one, at its own moment. */
    static final Instant ONE_BY_ONE_START = Instant.parse("2026-03-21T13:00:00Z");
    static final Instant ONE_BY_ONE_END = Instant.parse("2026-03-21T17:00:00Z");
    /** When the story stops to look at the burn rates, twenty minutes into the incident. */
    static final Instant SNAPSHOT = Instant.parse("2026-03-21T14:30:00Z");
    /** When the cascade's minute-by-minute watch starts printing. */
    static final Instant WATCH_START = INCIDENT_START.minus(Duration.ofMinutes(2));
    /** When the story asks the cascade whom to blame, after the pages have cleared. */
    static final Instant AFTER_INCIDENT = Instant.parse("2026-03-21T15:30:00Z");

    /** Share of checkouts that re-run the shopper's search. */
    static final double SEARCH_SHARE = 0.25;

    // Bad events per call on an ordinary day (each day is scaled by a factor between 0.6 and 1.4).
    private static final double AUTH_FAILS = 0.00005;
    /** Auth latency is log-normal around 60 ms; about 3 in 100,000 calls take longer than 300 ms. */
    private static final double AUTH_SLOW = 0.00003;
    private static final long AUTH_MEDIAN_NANOS = 60_000_000L;
    private static final double AUTH_LATENCY_SIGMA = 0.4;
    private static final double PAYMENTS_FAIL = 0.0001;
    private static final double INVENTORY_FAILS = 0.00006;
    private static final double SEARCH_FAILS = 0.0002;
    /** Checkouts that fail in checkout-svc itself, whatever its dependencies do. */
    private static final double CHECKOUT_OWN_FAILS = 0.00003;

    // Traffic of the services' other callers, per checkout (or per minute for renewals).
    private static final double LOGINS_PER_CHECKOUT = 1.5;
    private static final double STOCK_CHECKS_PER_CHECKOUT = 3;
    private static final double SEARCHES_PER_CHECKOUT = 6;
    private static final long RENEWALS_PER_MINUTE = 40;

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final PrintStream out;
    private final ManualClock clock = ManualClock.at(START);
    private final SloRegistry slos = SloRegistry.create(clock);
    private final Traffic traffic = new Traffic(2026);
    private final Random outcomes = new Random(321);
    private final double[] dayFactors = new double[31];
    private final BadEvents bulk = new BadEvents();
    private Slo checkout;
    private Slo auth;
    private Slo payments;
    private Slo inventory;
    private Slo search;
    private AlertTimeline timeline;
    private Cascade journey;
    private CascadeWatch watch;

    /** A story that prints to {@code out}. */
    public CheckoutStory(PrintStream out) {
        this.out = out;
        Random days = new Random(7);
        for (int i = 0; i < dayFactors.length; i++) {
            dayFactors[i] = 0.6 + 0.8 * days.nextDouble();
        }
    }

    /** Tells the story on standard output. */
    public static void main(String[] args) {
        new CheckoutStory(System.out).tell();
    }

    /** Defines the SLOs, simulates the month and prints what happened. */
    public void tell() {
        defineSlos();
        defineCascade();
        simulate(START, END);
        printAlertTimeline();
        printBudgets();
        printCascadeAfterTheMonth();
    }

    // ---------------------------------------------------------------- sections

    /** The customer promise and the internal objectives behind it. */
    void defineSlos() {
        checkout = slos.define("checkout-completes")
                .customerFacing("Checkout completes")
                .ownedBy(Owner.product("shop-pm"), Owner.engineering("checkout-eng"))
                .sli(Sli.ratio())
                .target(0.999)
                .window(Window.rolling(Duration.ofDays(30)))
                .register();
        auth = slos.define("auth-latency")
                .internal("auth-svc answers within 300 ms")
                .ownedBy(Owner.team("identity"))
                .sli(Sli.latency(Duration.ofMillis(300)))
                .target(0.9998)
                .window(Window.rolling(Duration.ofDays(30)))
                .register();
        payments = slos.define("payments-succeed")
                .internal("payments-svc charges the card")
                .ownedBy(Owner.team("payments"))
                .sli(Sli.ratio())
                .target(0.9998)
                .window(Window.rolling(Duration.ofDays(30)))
                .register();
        inventory = slos.define("inventory-lookups-succeed")
                .internal("inventory-svc answers stock lookups")
                .ownedBy(Owner.team("fulfilment"))
                .sli(Sli.ratio())
                .target(0.9998)
                .window(Window.rolling(Duration.ofDays(30)))
                .register();
        search = slos.define("search-succeeds")
                .internal("search-svc answers queries")
                .ownedBy(Owner.team("discovery"))
                .sli(Sli.ratio())
                .target(0.9995)
                .window(Window.rolling(Duration.ofDays(30)))
                .register();
        timeline = new AlertTimeline(slos.all());

        out.println("== The SLOs ==");
        for (Slo slo : slos.all()) {
            SloSpec spec = slo.spec();
            out.printf(Locale.ROOT, "%-26s %-8s %-7s %-11s %-36s %s%n", slo.name(),
                    spec.audience().name().toLowerCase(Locale.ROOT), Formats.target(spec.target()),
                    Formats.window(spec.window()), spec.description(),
                    spec.owners().stream().map(Owner::toString).collect(Collectors.joining(", ")));
        }
        out.println();
        out.printf(Locale.ROOT, "Simulating %s to %s: about %.0f checkouts a minute at the daily peak; "
                        + "payments fail for %.0f%% of calls from %s to %s (checkout-svc retries a failed charge once).%n%n",
                Formats.minute(START), Formats.minute(END), Traffic.PEAK_CHECKOUTS_PER_MINUTE,
                INCIDENT_PAYMENT_FAILURES * 100, Formats.minute(INCIDENT_START), Formats.minute(INCIDENT_END));
    }

    /** Checkout's journey through the internal services, and the targets it compounds to. */
    void defineCascade() {
        // cascade:begin
        Cascade journey = slos.cascade(checkout)
                .dependsOn(auth)                      // critical on every checkout
                .dependsOn(payments)
                .dependsOn(inventory)
                .dependsOn(search, 0.25)              // a quarter of checkouts re-run a search
                .build();
        // cascade:end
        this.journey = journey;
        this.watch = new CascadeWatch(out, journey, payments, WATCH_START, INCIDENT_END);
        watch.printDefinition();
    }

    /** At the end of the month: blame over the whole window, and what check() says. */
    void printCascadeAfterTheMonth() {
        watch.printBlame("on " + Formats.minute(clock.instant()) + ", over the month");
        watch.printFindings();
    }

    /** Twenty minutes into the incident: how fast each budget burns, and what pages. */
    void printSnapshot() {
        out.println("== " + Formats.minute(clock.instant()) + ", twenty minutes into the payments incident ==");
        out.printf(Locale.ROOT, "%-26s %10s %10s %10s  %s%n", "slo", "burn 5m", "burn 1h", "burn 6h", "alerts firing");
        for (Slo slo : slos.all()) {
            List<BurnRateAlert> alerts = slo.alerts();
            String firing = alerts.isEmpty() ? "-" : alerts.stream()
                    .map(a -> a.severity() + " " + Formats.duration(a.rule().longWindow()) + "/" + Formats.duration(a.rule().shortWindow()))
                    .collect(Collectors.joining(", "));
            out.printf(Locale.ROOT, "%-26s %10.1f %10.1f %10.1f  %s%n", slo.name(), slo.burnRate(Duration.ofMinutes(5)),
                    slo.burnRate(Duration.ofHours(1)), slo.burnRate(Duration.ofHours(6)), firing);
        }
        out.println();
    }

    /** Every page and ticket of the month, when it fired and when it cleared. */
    void printAlertTimeline() {
        out.println("== Alert timeline (alerts() asked every minute of the month) ==");
        List<AlertTimeline.Change> changes = timeline.changes();
        if (changes.isEmpty()) {
            out.println("(no alert fired)");
        }
        for (AlertTimeline.Change change : changes) {
            String detail = change.fired() ? change.detail() : "after " + Formats.elapsed(firedFor(changes, change));
            out.printf(Locale.ROOT, "%s  %-26s %-6s %-7s  %s%n", Formats.minute(change.at()), change.slo(),
                    change.severity(), change.fired() ? "fired" : "cleared", detail);
        }
        out.println();
    }

    /** Each SLO's error budget and burn rates at the end of the month. */
    void printBudgets() {
        out.println("== Error budgets on " + Formats.minute(clock.instant()) + " (30-day rolling windows) ==");
        out.printf(Locale.ROOT, "%-26s %7s %10s %10s %7s %9s %9s %9s %6s %6s %6s %6s %7s %7s%n",
                "slo", "target", "attained", "events", "bad", "allowed", "consumed", "remaining",
                "1h", "6h", "1d", "3d", "lasts", "memory");
        for (Slo slo : slos.all()) {
            ErrorBudget b = slo.errorBudget();
            Optional<Duration> lasts = slo.timeToExhaustion(Duration.ofDays(1));
            out.printf(Locale.ROOT, "%-26s %7s %10s %10d %7d %9.1f %9s %9s %6.2f %6.2f %6.2f %6.2f %7s %7s%n",
                    slo.name(), Formats.target(slo.spec().target()), Formats.percent(b.attainment(), 4),
                    b.total(), b.bad(), b.allowedBad(), Formats.percent(b.consumed(), 1), Formats.percent(b.remaining(), 1),
                    slo.burnRate(Duration.ofHours(1)), slo.burnRate(Duration.ofHours(6)),
                    slo.burnRate(Duration.ofDays(1)), slo.burnRate(Duration.ofDays(3)),
                    lasts.map(d -> d.toDays() + "d").orElse(b.exhausted() ? "spent" : "-"),
                    String.format(Locale.ROOT, "%.1fKB", slo.footprintBytes() / 1024.0));
        }
        out.println("(burn rates over the last 1h, 6h, 1d and 3d; \"lasts\": time to exhaustion at the last day's burn;"
                + " memory: the SLO's recorder)");
        out.println();
    }

    // ---------------------------------------------------------------- the simulation

    /** Steps the clock a minute at a time from {@code from} to {@code until}, recording each minute's traffic. */
    void simulate(Instant from, Instant until) {
        for (Instant minute = from; minute.isBefore(until); minute = minute.plus(MINUTE)) {
            long checkouts = traffic.checkouts(minute);
            if (minute.isBefore(ONE_BY_ONE_START) || !minute.isBefore(ONE_BY_ONE_END)) {
                recordMinute(minute, checkouts);
            } else {
                recordOneByOne(minute, checkouts);
            }
            clock.set(minute.plus(MINUTE));
            afterMinute(clock.instant());
        }
    }

    /** What the story looks at when a minute has passed. */
    private void afterMinute(Instant now) {
        timeline.check(now);
        watch.minutePassed(now);
        if (now.equals(SNAPSHOT)) {
            printSnapshot();
        }
        if (now.equals(AFTER_INCIDENT)) {
            watch.printBlame("at " + Formats.minute(now) + ", after the incident");
        }
    }

    /** A whole minute of traffic at once, half way through the minute. */
    private void recordMinute(Instant minute, long checkouts) {
        clock.set(minute.plusSeconds(30));
        double day = dayFactor(minute);
        double paymentsFail = paymentsFail(minute);
        recordOtherCallers(checkouts, day, paymentsFail);
        double authBad = (AUTH_FAILS + AUTH_SLOW) * day;
        // A checkout calls auth, inventory, search (a quarter of them) and payments; it fails when one
        // of those calls fails (or is too slow; a charge fails when it fails twice), or when checkout-svc
        // itself fails.
        double checkoutOk = (1 - authBad) * (1 - INVENTORY_FAILS * day) * (1 - SEARCH_SHARE * SEARCH_FAILS * day)
                * (1 - paymentsFail * paymentsFail) * (1 - CHECKOUT_OWN_FAILS * day);
        long searches = Math.round(checkouts * SEARCH_SHARE);
        bulk.record(auth, checkouts, authBad);
        bulk.record(inventory, checkouts, INVENTORY_FAILS * day);
        bulk.record(search, searches, SEARCH_FAILS * day);
        bulk.record(payments, checkouts + Math.round(checkouts * paymentsFail), paymentsFail);   // tries and retries
        bulk.record(checkout, checkouts, 1 - checkoutOk);
    }

    /** A minute in which every checkout is recorded at its own moment, call by call. */
    private void recordOneByOne(Instant minute, long checkouts) {
        clock.set(minute);
        double day = dayFactor(minute);
        double paymentsFail = paymentsFail(minute);
        recordOtherCallers(checkouts, day, paymentsFail);
        for (long i = 0; i < checkouts; i++) {
            clock.set(minute.plusNanos(MINUTE.toNanos() * i / checkouts));
            checkout.record(checkoutOnce(day, paymentsFail));
        }
    }

    /** One checkout: its calls, in order, each recorded in its SLO; true when it completes. */
    private boolean checkoutOnce(double day, double paymentsFail) {
        boolean authOk = outcomes.nextDouble() >= AUTH_FAILS * day;
        long latency = (long) (AUTH_MEDIAN_NANOS * Math.exp(AUTH_LATENCY_SIGMA * outcomes.nextGaussian()));
        auth.record(authOk, latency);
        if (!authOk || latency > Duration.ofMillis(300).toNanos()) {
            return false;                                    // checkout-svc gives up on auth after 300 ms
        }
        boolean inStock = outcomes.nextDouble() >= INVENTORY_FAILS * day;
        inventory.record(inStock);
        if (!inStock) {
            return false;
        }
        if (outcomes.nextDouble() < SEARCH_SHARE) {
            boolean found = outcomes.nextDouble() >= SEARCH_FAILS * day;
            search.record(found);
            if (!found) {
                return false;
            }
        }
        boolean charged = charge(paymentsFail) || charge(paymentsFail);   // one retry, same idempotency key
        return charged && outcomes.nextDouble() >= CHECKOUT_OWN_FAILS * day;
    }

    /** One call to payments-svc; true when the card was charged. */
    private boolean charge(double paymentsFail) {
        boolean charged = outcomes.nextDouble() >= paymentsFail;
        payments.record(charged);
        return charged;
    }

    /** The services' other callers (logins, stock checks, browsing searches, renewals), a minute at a time. */
    private void recordOtherCallers(long checkouts, double day, double paymentsFail) {
        bulk.record(auth, Math.round(checkouts * LOGINS_PER_CHECKOUT), (AUTH_FAILS + AUTH_SLOW) * day);
        bulk.record(inventory, Math.round(checkouts * STOCK_CHECKS_PER_CHECKOUT), INVENTORY_FAILS * day);
        bulk.record(search, Math.round(checkouts * SEARCHES_PER_CHECKOUT), SEARCH_FAILS * day);
        bulk.record(payments, RENEWALS_PER_MINUTE, paymentsFail);
    }

    private double paymentsFail(Instant minute) {
        boolean incident = !minute.isBefore(INCIDENT_START) && minute.isBefore(INCIDENT_END);
        return incident ? INCIDENT_PAYMENT_FAILURES : PAYMENTS_FAIL * dayFactor(minute);
    }

    private double dayFactor(Instant minute) {
        return dayFactors[(int) ChronoUnit.DAYS.between(START, minute)];
    }

    private static Duration firedFor(List<AlertTimeline.Change> changes, AlertTimeline.Change cleared) {
        Instant fired = cleared.at();
        for (AlertTimeline.Change c : changes) {
            if (c.fired() && c.slo().equals(cleared.slo()) && c.severity() == cleared.severity() && c.at().isBefore(cleared.at())) {
                fired = c.at();
            }
        }
        return Duration.between(fired, cleared.at());
    }

    // ---------------------------------------------------------------- for the test

    SloRegistry registry() {
        return slos;
    }

    AlertTimeline timeline() {
        return timeline;
    }

    Cascade journey() {
        return journey;
    }

    CascadeWatch watch() {
        return watch;
    }
}
