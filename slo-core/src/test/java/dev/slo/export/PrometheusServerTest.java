package dev.slo.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.AlertPolicy;
import dev.slo.BurnRateAlert;
import dev.slo.BurnRateRule;
import dev.slo.Owner;
import dev.slo.Severity;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Snapshot;
import dev.slo.Window;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus server (Debian's {@code prometheus}, installed by {@code .ci/run}) on 127.0.0.1 scrapes
 * two instances' {@code /metrics} every second, loads the generated rules and evaluates them every second;
 * an incident pushed through the instances makes it fire {@code SloErrorBudgetBurn}, and its fleet-wide
 * error ratio matches the merged in-process view. The SLO's alert policy has windows of a minute and ten
 * seconds, so that the test runs in real time within two minutes. The server is stopped, even on failure.
 */
final class PrometheusServerTest {
    private static final Pattern VALUE = Pattern.compile("\"value\":\\[[0-9.]+,\"([^\"]+)\"]");

    @TempDir
    Path directory;

    private static void define(SloRegistry slos) {
        slos.define("checkout").customerFacing("Checkout completes").ownedBy(Owner.product("shop"), Owner.engineering("checkout"))
                .sli(Sli.ratio()).target(0.99).window(Window.rolling(Duration.ofHours(1)))
                .alertPolicy(AlertPolicy.of(new BurnRateRule(Severity.PAGE, 0.02, Duration.ofMinutes(1), Duration.ofSeconds(10))))
                .register();
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void aRealPrometheusFiresTheFleetsAlertAndComputesTheFleetsErrorRatio() throws Exception {
        Path prometheus = Promtool.executable("prometheus");
        SloRegistry a = SloRegistry.create();
        SloRegistry b = SloRegistry.create();
        define(a);
        define(b);
        Files.writeString(directory.resolve("slo-rules.yml"), Prometheus.rules(a));
        AtomicBoolean incident = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread traffic = new Thread(() -> {                  // both instances 20 events every 10 ms; bad ones during the incident
            Slo ca = a.find("checkout").orElseThrow();
            Slo cb = b.find("checkout").orElseThrow();
            while (running.get()) {
                boolean on = incident.get();
                ca.recordCounts(on ? 18 : 20, on ? 2 : 0);    // 10% bad
                cb.recordCounts(on ? 19 : 20, on ? 1 : 0);    // 5% bad
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "traffic");
        try (SloHttp.Server serverA = SloHttp.serve(a, 0); SloHttp.Server serverB = SloHttp.serve(b, 0)) {
            int port = freePort();
            Files.writeString(directory.resolve("prometheus.yml"), "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                    + "rule_files:\n  - slo-rules.yml\nscrape_configs:\n  - job_name: slo\n    static_configs:\n      - targets: [\"127.0.0.1:"
                    + serverA.port() + "\", \"127.0.0.1:" + serverB.port() + "\"]\n");
            Process server = new ProcessBuilder(prometheus.toString(), "--config.file=" + directory.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + directory.resolve("data"), "--storage.tsdb.retention.time=1h",
                    "--web.listen-address=127.0.0.1:" + port).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("prometheus.log").toFile()).start();
            try {
                String base = "http://127.0.0.1:" + port;
                awaitReady(base, server);
                traffic.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
                while (!targetsUp(base) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertTrue(targetsUp(base), "both instances scraped" + log());
                Thread.sleep(15_000);                        // a healthy stretch first: no alert
                assertFalse(get(base + "/api/v1/alerts").contains("\"state\":\"firing\""), "no alert while healthy" + log());

                incident.set(true);
                long incidentStart = System.nanoTime();
                deadline = incidentStart + TimeUnit.SECONDS.toNanos(40);
                String alerts = "";
                while (System.nanoTime() < deadline && !(alerts = get(base + "/api/v1/alerts")).contains("\"state\":\"firing\"")) {
                    Thread.sleep(500);
                }
                assertTrue(alerts.contains("\"alertname\":\"SloErrorBudgetBurn\"") && alerts.contains("\"state\":\"firing\"")
                        && alerts.contains("\"severity\":\"page\"") && alerts.contains("\"slo\":\"checkout\""),
                        "Prometheus fires the page: " + alerts + log());

                long steady = incidentStart + TimeUnit.SECONDS.toNanos(70) - System.nanoTime();   // the 1-minute window all incident
                Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(steady)));
                String query = "slo:slo_events:error_ratio_rate1m{slo=\"checkout\"}";
                double prom = Double.parseDouble(value(get(base + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))));
                SloRegistry fleet = SloRegistry.create();
                define(fleet);
                fleet.restore(Snapshot.merge(List.of(a.snapshot(), b.snapshot())));
                Slo merged = fleet.find("checkout").orElseThrow();
                double inProcess = merged.burnRate(Duration.ofMinutes(1)) * merged.spec().budgetFraction();
                assertEquals(inProcess, prom, 0.03 * inProcess, "the fleet's error ratio, Prometheus against the merged snapshots" + log());
                assertEquals(0.075, inProcess, 0.005, "half the events from each instance, 10% and 5% bad");
                List<BurnRateAlert> firing = merged.alerts();
                assertEquals(1, firing.size(), "the merged view pages too: " + firing);
            } finally {
                running.set(false);
                traffic.join(5_000);
                server.destroy();
                if (!server.waitFor(15, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                    server.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    private String log() {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("prometheus.log"));
            return "\nprometheus log (last lines):\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "\n(no prometheus log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady(String base, Process server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), "prometheus exited" + log());
            try {
                if (get(base + "/-/ready").contains("Ready")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("prometheus not ready in 30 s" + log());
    }

    private static boolean targetsUp(String base) throws IOException {
        String targets = get(base + "/api/v1/targets?state=active");
        int up = 0;
        for (int i = targets.indexOf("\"health\":\"up\""); i >= 0; i = targets.indexOf("\"health\":\"up\"", i + 1)) {
            up++;
        }
        return up == 2;
    }

    private static String value(String response) {
        Matcher m = VALUE.matcher(response);
        if (!m.find()) {
            throw new AssertionError("no value in " + response);
        }
        return m.group(1);
    }

    private static String get(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        connection.setConnectTimeout(2_000);
        connection.setReadTimeout(5_000);
        try (InputStream in = connection.getResponseCode() >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            connection.disconnect();
        }
    }
}
