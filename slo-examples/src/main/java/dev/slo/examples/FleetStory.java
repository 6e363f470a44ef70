package dev.slo.examples;

import dev.slo.Owner;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Window;
import dev.slo.export.Prometheus;
import dev.slo.export.SloHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two instances of a shop's checkout service, each exporting its SLOs over HTTP for a Prometheus that
 * adds them up. Each instance has a registry of its own on the system clock with the same two SLOs
 * (checkout completes, 99.9%; checkout answers within 800 ms, 99%) and serves it with
 * {@link SloHttp#serve} on a free port of 127.0.0.1. Instance-a takes twice instance-b's traffic;
 * instance-b has a short burst of failed checkouts. The program writes the rule file
 * ({@link Prometheus#rules}) and a {@code prometheus.yml} that scrapes both instances into a directory,
 * fetches its own {@code /metrics} and {@code /slo/checkout} over HTTP, prints what a Prometheus needs to be
 * pointed at them, and stops both servers.
 *
 * <p>Arguments: the directory to write into (by default a new temporary directory), and {@code --serve}
 * to keep both instances serving, with a trickle of traffic every second, until Ctrl-C. The lines of the
 * default run appear in README.md with the ports and the directory as placeholders (FleetStoryTest checks
 * it).
 *
 * <p>Run it with {@code mvn -q -B -pl slo-examples -am compile exec:java -Dexec.mainClass=dev.slo.examples.FleetStory},
 * and {@code -Dexec.args="--serve"} to keep it serving.
 */
public final class FleetStory {
    static final String RULES = "slo-rules.yml";
    static final String CONFIG = "prometheus.yml";
    /** Checkouts each instance takes before the story looks: different volumes. */
    static final int CHECKOUTS_A = 4_000;
    static final int CHECKOUTS_B = 2_000;
    /** Ordinary checkouts fail once in this many, on both instances. */
    static final int FAILS_ONE_IN = 2_000;
    /** The burst of failed checkouts on instance-b, one after another. */
    static final int BURST_B = 12;
    /** With --serve: checkouts a second on each instance while it serves. */
    static final int TRICKLE_A = 20;
    static final int TRICKLE_B = 10;

    private static final long LATENCY_MEDIAN_NANOS = 120_000_000L;
    private static final double LATENCY_SIGMA = 0.6;
    private static final Pattern BUDGET = Pattern.compile(
            "\"events\":(\\d+),\"goodEvents\":(\\d+),\"attainment\":([^,]+),\"budgetRemaining\":([^,]+),\"status\":\"([^\"]*)\"");

    private final PrintStream out;
    /** Kept for the tests: the instances' registries and the ports they were served on. */
    SloRegistry instanceA, instanceB;
    int portA, portB;

    /** A story that prints to {@code out}. */
    public FleetStory(PrintStream out) {
        this.out = out;
    }

    /**
     * Tells the story on standard output.
     *
     * @param args the directory to write the rules and {@code prometheus.yml} into (default: a new temporary
     *             directory), and {@code --serve} to keep serving until Ctrl-C
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        boolean serve = false;
        Path dir = null;
        for (String arg : args) {
            if (arg.equals("--serve")) {
                serve = true;
            } else if (arg.startsWith("-") || dir != null) {
                throw new IllegalArgumentException("usage: FleetStory [directory] [--serve], got " + arg);
            } else {
                dir = Path.of(arg);
            }
        }
        dir = dir == null ? Files.createTempDirectory("slo-fleet-story") : Files.createDirectories(dir);
        FleetStory story = new FleetStory(System.out);
        if (!serve) {
            story.tell(dir, null);
            return;
        }
        // Ctrl-C starts the JVM's shutdown: the hook lets tell() stop the servers it started, then returns.
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fleet-story-stop"));
        try {
            story.tell(dir, stop);
        } finally {
            stopped.countDown();
        }
    }

    /** The SLOs every instance defines, the same way. */
    static void defineSlos(SloRegistry slos) {
        slos.define("checkout").customerFacing("Checkout completes")
                .ownedBy(Owner.product("shop-pm"), Owner.engineering("checkout-eng"))
                .sli(Sli.ratio()).target(0.999).window(Window.rolling(Duration.ofDays(30))).register();
        slos.define("checkout-latency").customerFacing("Checkout answers within 800 ms")
                .ownedBy(Owner.engineering("checkout-eng"))
                .sli(Sli.latency(Duration.ofMillis(800))).target(0.99).window(Window.rolling(Duration.ofDays(30))).register();
    }

    /**
     * Serves two instances, records their traffic, writes the rule file and {@code prometheus.yml} into
     * {@code dir}, fetches the instances' own pages and prints them; then stops both servers, at once or,
     * when {@code serve} is not null, once it is counted down (recording a trickle of traffic every second
     * until then).
     */
    void tell(Path dir, CountDownLatch serve) throws IOException, InterruptedException {
        instanceA = SloRegistry.create();
        instanceB = SloRegistry.create();
        defineSlos(instanceA);
        defineSlos(instanceB);
        Checkouts trafficA = new Checkouts(instanceA, 1);
        Checkouts trafficB = new Checkouts(instanceB, 2);

        // serve:begin
        try (SloHttp.Server a = SloHttp.serve(instanceA, 0);          // 0: a free port, on 127.0.0.1 only
             SloHttp.Server b = SloHttp.serve(instanceB, 0)) {
            Path rules = Files.writeString(dir.resolve(RULES), Prometheus.rules(instanceA));   // one file for the fleet
            Files.writeString(dir.resolve(CONFIG), prometheusYml(rules, a.port(), b.port()));
            // serve:end
            portA = a.port();
            portB = b.port();
            trafficA.record(CHECKOUTS_A);
            trafficB.record(CHECKOUTS_B);
            trafficB.failures(BURST_B);
            out.printf(Locale.ROOT, "instance-a at %s: %,d checkouts, %d failed%n", a.uri(), CHECKOUTS_A, trafficA.failed);
            out.printf(Locale.ROOT, "instance-b at %s: %,d checkouts, %d failed, then a burst of %d failed ones%n", b.uri(),
                    CHECKOUTS_B, trafficB.failed - BURST_B, BURST_B);
            List<String> groups = new ArrayList<>();
            int records = 0;
            int alerts = 0;
            for (String line : Files.readAllLines(rules)) {
                if (line.startsWith("  - name: ")) {
                    groups.add(line.substring("  - name: ".length()).replace("\"", ""));
                } else if (line.strip().startsWith("- record: ")) {
                    records++;
                } else if (line.strip().startsWith("- alert: ")) {
                    alerts++;
                }
            }
            out.printf(Locale.ROOT, "Wrote %s: groups %s; %d recording rules, %d alerts.%n", rules, String.join(", ", groups), records, alerts);
            out.printf(Locale.ROOT, "Wrote %s: scrapes 127.0.0.1:%d and 127.0.0.1:%d every 15s, evaluates %s every 15s.%n",
                    dir.resolve(CONFIG), a.port(), b.port(), RULES);
            out.println();
            for (SloHttp.Server server : List.of(a, b)) {
                URI metrics = server.uri().resolve("/metrics");
                out.println("GET " + metrics);
                get(metrics).lines().filter(l -> l.startsWith("slo_events_total{")).forEach(out::println);
            }
            URI checkout = b.uri().resolve("/slo/checkout");
            out.println("GET " + checkout);
            Matcher budget = BUDGET.matcher(get(checkout));
            // the doubles are rounded here: the JSON prints them in full, and JDKs may differ in the last digit
            out.println(!budget.find() ? "(no budget in the answer)" : String.format(Locale.ROOT,
                    "budget: %s events, %s good, attainment %.5f, budgetRemaining %.5f, status %s", budget.group(1), budget.group(2),
                    Double.parseDouble(budget.group(3)), Double.parseDouble(budget.group(4)), budget.group(5)));
            out.println();

            out.println("To point a local Prometheus at both instances (run with --serve to keep them up):");
            out.println("  promtool check rules " + rules);
            out.println("  promtool check config " + dir.resolve(CONFIG));
            out.println("  prometheus --config.file=" + dir.resolve(CONFIG) + " --storage.tsdb.path=" + dir.resolve("data")
                    + " --web.listen-address=127.0.0.1:9090");
            if (serve != null) {
                out.printf(Locale.ROOT, "Serving until Ctrl-C, with %d checkouts a second on instance-a and %d on instance-b.%n",
                        TRICKLE_A, TRICKLE_B);
                while (!serve.await(1, TimeUnit.SECONDS)) {
                    trafficA.record(TRICKLE_A);
                    trafficB.record(TRICKLE_B);
                }
            }
        }
        out.println("Stopped both instances.");
    }

    /** The Prometheus configuration: both instances every 15 s, the rules evaluated every 15 s. */
    static String prometheusYml(Path rules, int portA, int portB) {
        return "# Written by slo-core's FleetStory: Prometheus scraping the two instances it served (this run's ports).\n"
                + "global:\n"
                + "  scrape_interval: 15s\n"
                + "  evaluation_interval: 15s\n"
                + "rule_files:\n"
                + "  - " + rules.getFileName() + "\n"          // next to this file: Prometheus resolves it from here
                + "scrape_configs:\n"
                + "  - job_name: checkout-svc\n"
                + "    metrics_path: /metrics\n"
                + "    static_configs:\n"
                + "      - targets: [\"127.0.0.1:" + portA + "\"]\n"
                + "        labels:\n"
                + "          replica: a\n"
                + "      - targets: [\"127.0.0.1:" + portB + "\"]\n"
                + "        labels:\n"
                + "          replica: b\n";
    }

    /** The body of a GET of {@code uri}; fails on any status but 200. */
    static String get(URI uri) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(10_000);
        try {
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new IOException("GET " + uri + " answered " + status);
            }
            try (InputStream in = connection.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            connection.disconnect();
        }
    }

    /**
     * One instance's checkouts, as its request handler would record them: each into both SLOs, with a
     * log-normal latency around 120 ms from a seeded random, so that every run records the same events.
     */
    private static final class Checkouts {
        private final Slo completes;
        private final Slo latency;
        private final Random random;
        private long count;
        long failed;

        Checkouts(SloRegistry slos, long seed) {
            this.completes = slos.find("checkout").orElseThrow();
            this.latency = slos.find("checkout-latency").orElseThrow();
            this.random = new Random(seed);
        }

        /** {@code n} checkouts, one in {@link #FAILS_ONE_IN} of them failing. */
        void record(int n) {
            for (int i = 0; i < n; i++) {
                one(++count % FAILS_ONE_IN != 0);
            }
        }

        /** {@code n} failed checkouts in a row. */
        void failures(int n) {
            for (int i = 0; i < n; i++) {
                count++;
                one(false);
            }
        }

        private void one(boolean ok) {
            long nanos = (long) (LATENCY_MEDIAN_NANOS * Math.exp(LATENCY_SIGMA * random.nextGaussian()));
            completes.record(ok);
            latency.record(ok, nanos);
            if (!ok) {
                failed++;
            }
        }
    }
}
