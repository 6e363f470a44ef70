package dev.slo.examples;

import dev.slo.AlertTransition;
import dev.slo.Audience;
import dev.slo.ErrorBudget;
import dev.slo.ErrorBudgetPolicy;
import dev.slo.ManualClock;
import dev.slo.OutcomeClassifier;
import dev.slo.Owner;
import dev.slo.ReleaseDecision;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Window;
import dev.slo.export.StatusPage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A night on call for an API with two endpoints. One SLO, "API requests succeed within 300 ms", is grouped
 * by endpoint with room for two groups, so a third endpoint counts in the overflow group. The service times
 * its requests ({@link Slo#startTimer()}, {@link Slo#call(java.util.concurrent.Callable, OutcomeClassifier)},
 * {@link Slo#run(Runnable)}) on a {@link ManualClock}, minute by minute, and evaluates the alerts after every
 * minute ({@link SloRegistry#evaluate()}); a listener prints each alert that starts or stops firing. After
 * three quiet days, the payment provider refuses one charge in ten for a quarter of an hour: {@code /pay}
 * pages and resolves, while the whole API, ten times busier on {@code /search}, never fires. A release is
 * blocked while the page fires and allowed after ({@link SloRegistry#releaseDecision}); the customer status
 * page is written last. The lines between the markers, and the output with the directory as {@code <dir>},
 * appear in README.md exactly (OnCallStoryTest checks it).
 *
 * <p>Argument: the directory to write {@code status.html} into (by default a new temporary directory).
 *
 * <p>Run it with {@code mvn -q -B -pl slo-examples -am compile exec:java -Dexec.mainClass=dev.slo.examples.OnCallStory}.
 */
public final class OnCallStory {
    static final Instant START = Instant.parse("2026-05-01T09:00:00Z");
    static final Instant INCIDENT_START = START.plus(Duration.ofDays(3));
    static final Instant INCIDENT_END = INCIDENT_START.plus(Duration.ofMinutes(15));
    static final Instant END = INCIDENT_START.plus(Duration.ofHours(1));
    /** When the release pipeline asks whether it may ship: during the page, then after it resolved. */
    static final List<Instant> RELEASES = List.of(INCIDENT_START.plus(Duration.ofMinutes(12)), INCIDENT_START.plus(Duration.ofMinutes(30)));
    static final String PAGE = "status.html";
    /** Requests a minute: every fourth is a charge on /pay, the others are searches. */
    static final int REQUESTS_PER_MINUTE = 80;
    /** During the incident, every tenth charge is refused. */
    static final int REFUSED_ONE_IN = 10;

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration SLOT = Duration.ofMillis(700);
    // call:begin
    private static final OutcomeClassifier<Response> HTTP = OutcomeClassifier.<Response>standard()
            .badWhen(response -> response.status() >= 500)   // a 5xx answer is bad, though nothing was thrown
            .notCounting(BadRequest.class);                  // the caller's mistake: not an event of this SLO
    // call:end

    /** An HTTP answer, as the service's handlers return it. */
    record Response(int status) {}

    /** A request the caller got wrong (HTTP 400): it says nothing about the service. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest() {
            super("400 Bad Request", null, false, false);
        }
    }

    private final PrintStream out;
    private final ManualClock clock = ManualClock.at(START);
    private final Random latencies = new Random(2026);
    /** Kept for the tests: the registry, the API's SLO, the bad requests not counted and the page written. */
    final SloRegistry slos = SloRegistry.create(clock);
    final Slo api;
    long badRequests;
    Path statusPage;
    private long charges;
    private double wholePeakBurn;

    /** A story that prints to {@code out}. */
    public OnCallStory(PrintStream out) {
        this.out = out;
        // group:begin
        Slo api = slos.define("api-availability")
                .customerFacing("API requests succeed within 300 ms")
                .ownedBy(Owner.product("api-pm"), Owner.engineering("api-eng"))
                .sli(Sli.latency(Duration.ofMillis(300)))
                .target(0.999)
                .window(Window.rolling(Duration.ofDays(30)))
                .errorBudgetPolicy(ErrorBudgetPolicy.sreWorkbook().andWhilePaging())   // no release while a page fires
                .groupedBy("endpoint", 2)                        // /pay and /search; a third endpoint counts in the overflow
                .register();
        // group:end
        this.api = api;
    }

    /** Tells the story on standard output; the argument, if any, is the directory for the status page. */
    public static void main(String[] args) throws Exception {
        if (args.length > 1) {
            throw new IllegalArgumentException("usage: OnCallStory [directory], got " + String.join(" ", args));
        }
        Path dir = args.length == 1 ? Files.createDirectories(Path.of(args[0])) : Files.createTempDirectory("slo-oncall-story");
        new OnCallStory(System.out).tell(dir);
    }

    /** Three quiet days, an hour with an incident on /pay, two release decisions, then the status page in {@code dir}. */
    void tell(Path dir) throws Exception {
        out.println("api-availability: 99.9% of requests succeed within 300 ms over 30 days, grouped by endpoint (at most 2 groups).");
        // alerts:begin
        slos.onAlert(this::announce);                    // one line per alert that starts or stops firing
        for (Instant minute = START; minute.isBefore(END); minute = minute.plus(MINUTE)) {
            serve(minute);                               // a minute of requests, timed
            clock.set(minute.plus(MINUTE));
            slos.evaluate();                             // in a service: slos.evaluateEvery(Duration.ofMinutes(1), scheduler)
            narrate(clock.instant());                    // the story's own lines, and the release pipeline
        }
        // alerts:end
        long wholeAlerts = slos.alertHistory().stream().filter(t -> t.slo() == api).count();
        double pages = api.spec().alertPolicy().rules().get(0).threshold(api.spec().window().length(clock.instant()));
        out.printf(Locale.ROOT, "%s all endpoints together: %d alert transitions; their 1h burn peaked at %.2f, under the %.1f that pages.%n",
                Formats.minute(clock.instant()), wholeAlerts, wholePeakBurn, pages);
        summary();
        // page:begin
        Path file = Files.writeString(dir.resolve(PAGE), StatusPage.html(slos, Audience.CUSTOMER));  // SloHttp serves it at /status
        // page:end
        statusPage = file;
        out.println("Wrote " + file + ": the customer status page, as GET /status of SloHttp serves it.");
    }

    // listener:begin
    /** The listener: one line per transition, with the SLO, the endpoint, the time, the burns and how long it fired. */
    private void announce(AlertTransition t) {
        String endpoint = t.slo().groupValue().map(value -> "endpoint=" + value).orElse("(all endpoints)");
        String fired = t.state() == AlertTransition.State.RESOLVED ? ", fired for " + Formats.elapsed(t.firedFor()) : "";
        out.printf(Locale.ROOT, "%s %-8s %s %s %s: burn %.1f over %s, %.1f over %s%s%n", Formats.minute(t.at()), t.state(),
                t.slo().name(), endpoint, t.severity(), t.longBurnRate(), Formats.duration(t.rule().longWindow()),
                t.shortBurnRate(), Formats.duration(t.rule().shortWindow()), fired);
    }
    // listener:end

    /** What happens at {@code now}, the end of a minute: the story's lines, and the release pipeline's questions. */
    private void narrate(Instant now) {
        if (now.equals(START.plus(MINUTE))) {
            out.println(Formats.minute(now) + " a request to /v1/export, a third endpoint, counts in "
                    + api.group("/v1/export").groupValue().orElseThrow() + ": groups "
                    + api.groups().stream().map(g -> g.groupValue().orElseThrow()).toList() + ".");
        }
        if (now.equals(INCIDENT_START)) {
            ErrorBudget quiet = api.errorBudget();
            out.printf(Locale.ROOT, "%s after three quiet days: %,d requests counted, %d bad, %d bad requests not counted.%n",
                    Formats.minute(now), quiet.total(), quiet.bad(), badRequests);
            out.println(Formats.minute(now) + " the payment provider starts refusing 1 charge in " + REFUSED_ONE_IN + " (HTTP 503).");
        }
        if (now.isAfter(INCIDENT_START)) {
            wholePeakBurn = Math.max(wholePeakBurn, api.burnRate(Duration.ofHours(1)));
        }
        if (now.equals(INCIDENT_END)) {
            out.println(Formats.minute(now) + " the payment provider recovers.");
        }
        if (RELEASES.contains(now)) {
            release();
        }
    }

    /** The pipeline asks before it ships: every endpoint's policy must allow it. */
    private void release() {
        // release:begin
        ReleaseDecision gate = slos.releaseDecision(api.groups());   // each endpoint's policy; one that blocks stops the release
        out.println(Formats.minute(clock.instant()) + " release " + (gate.allowed() ? "allowed:" : "BLOCKED:"));
        gate.reason().lines().forEach(line -> out.println("  " + line));
        // release:end
    }

    /** A minute of requests, one every 700 ms: searches, charges, and once a request to an endpoint beyond the cap. */
    private void serve(Instant minute) throws Exception {
        boolean incident = !minute.isBefore(INCIDENT_START) && minute.isBefore(INCIDENT_END);
        for (int i = 0; i < REQUESTS_PER_MINUTE; i++) {
            clock.set(minute.plus(SLOT.multipliedBy(i)));
            if (i % 4 == 0) {
                charge(incident);
            } else {
                search();
            }
        }
        if (minute.equals(START)) {
            clock.set(minute.plus(SLOT.multipliedBy(REQUESTS_PER_MINUTE)));
            api.group("/v1/export").run(() -> work(120));       // good unless it throws
        }
    }

    private void search() {
        // timer:begin
        Slo search = api.group("/search");               // counts in /search and in the whole API
        long started = search.startTimer();
        boolean answered = searchIndex();
        search.stopTimer(started, answered);             // bad when it failed or took more than 300 ms
        // timer:end
    }

    private Response charge(boolean incident) throws Exception {
        // charge:begin
        try {
            return api.group("/pay").call(() -> paymentProvider(incident), HTTP);   // timed, then judged by HTTP
        } catch (BadRequest mistake) {                   // rethrown by call, counted neither good nor bad
            badRequests++;
            return new Response(400);
        }
        // charge:end
    }

    /** A search: 20 to 170 ms, one in 4,000 takes 450 ms. */
    private boolean searchIndex() {
        work(latencies.nextInt(4_000) == 0 ? 450 : 20 + latencies.nextInt(150));
        return true;
    }

    /** A charge: 60 to 180 ms; one in 5,000 fails (500), one in 400 is a bad request, and in the incident every tenth is refused. */
    private Response paymentProvider(boolean incident) {
        charges++;
        work(60 + latencies.nextInt(120));
        int roll = latencies.nextInt(20_000);
        if (incident && charges % REFUSED_ONE_IN == 0) {
            return new Response(503);
        }
        if (roll < 50) {
            throw new BadRequest();
        }
        return new Response(roll < 54 ? 500 : 200);
    }

    /** Work that takes {@code millis}: the simulated clock moves on by that much. */
    private void work(long millis) {
        clock.advance(Duration.ofMillis(millis));
    }

    private void summary() {
        out.printf(Locale.ROOT, "%-17s %9s %5s %12s%n", "endpoint", "requests", "bad", "budget left");
        for (Slo slo : api.groups()) {
            row(slo.groupValue().orElseThrow(), slo.errorBudget());
        }
        row("(all endpoints)", api.errorBudget());
    }

    private void row(String endpoint, ErrorBudget b) {
        out.printf(Locale.ROOT, "%-17s %,9d %5d %12s%n", endpoint, b.total(), b.bad(), Formats.percent(b.remaining(), 1));
    }
}
