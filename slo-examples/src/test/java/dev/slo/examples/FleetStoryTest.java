package dev.slo.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.ErrorBudget;
import dev.slo.Slo;
import dev.slo.SloCounters;
import dev.slo.SloRegistry;
import dev.slo.export.Prometheus;
import dev.slo.report.Reports;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the fleet story and checks what a reader takes from it: the files it writes are the rules of the
 * instances' SLOs and a Prometheus configuration scraping the two ports it served (promtool accepts both),
 * the lines it prints came from the instances' real pages, the servers are gone when it returns, and
 * README.md shows its code and output.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class FleetStoryTest {
    private static final Pattern SERVED = Pattern.compile("^instance-([ab]) at http://127\\.0\\.0\\.1:(\\d+)/: ", Pattern.MULTILINE);

    private static Path dir;
    private static String printed;
    private static int portA, portB;

    @BeforeAll
    static void tellTheStory() throws IOException {
        dir = Files.createTempDirectory("fleet-story-test");
        printed = Captured.stdout(() -> {
            try {
                FleetStory.main(new String[] {dir.toString()});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        Matcher served = SERVED.matcher(printed);
        assertTrue(served.find() && served.group(1).equals("a"), printed);
        portA = Integer.parseInt(served.group(2));
        assertTrue(served.find() && served.group(1).equals("b"), printed);
        portB = Integer.parseInt(served.group(2));
    }

    @AfterAll
    static void deleteTheDirectory() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void theRulesFileIsTheRulesOfTheSameDefinitions() throws IOException {
        SloRegistry same = SloRegistry.create();
        FleetStory.defineSlos(same);
        String rules = Files.readString(dir.resolve(FleetStory.RULES));
        assertEquals(Prometheus.rules(same), rules);
        assertTrue(rules.contains("  - name: \"slo:checkout\"\n") && rules.contains("  - name: \"slo:checkout-latency\"\n"), rules);
        assertTrue(printed.contains("Wrote " + dir.resolve(FleetStory.RULES) + ": groups slo:checkout, slo:checkout-latency; "), printed);
    }

    @Test
    void prometheusYmlScrapesBothServedPortsAndPromtoolAcceptsIt() throws IOException, InterruptedException {
        assertNotEquals(portA, portB);
        String yml = Files.readString(dir.resolve(FleetStory.CONFIG));
        assertEquals(FleetStory.prometheusYml(dir.resolve(FleetStory.RULES), portA, portB), yml);
        assertTrue(yml.contains("      - targets: [\"127.0.0.1:" + portA + "\"]\n"), yml);
        assertTrue(yml.contains("      - targets: [\"127.0.0.1:" + portB + "\"]\n"), yml);
        assertTrue(yml.contains("  scrape_interval: 15s\n  evaluation_interval: 15s\n"), yml);
        assertTrue(yml.contains("rule_files:\n  - " + FleetStory.RULES + "\n"), yml);
        // check config reads the rule files the configuration names, resolved from its directory
        String checked = promtool("check", "config", dir.resolve(FleetStory.CONFIG).toString());
        assertTrue(checked.contains("SUCCESS: 1 rule files found"), checked);
        long rules = Files.readAllLines(dir.resolve(FleetStory.RULES)).stream()
                .filter(l -> l.startsWith("      - record: ") || l.startsWith("      - alert: ")).count();
        assertTrue(rules > 0 && checked.contains("SUCCESS: " + rules + " rules found"), checked);
    }

    @Test
    void theServersAreStoppedWhenMainReturns() {
        for (int port : List.of(portA, portB)) {
            assertThrows(ConnectException.class, () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
                }
            }, "port " + port + " still answers");
        }
        assertTrue(printed.endsWith("Stopped both instances." + System.lineSeparator()), printed);
    }

    @Test
    void thePrintedLinesAreTheInstancesRealAnswers() throws IOException, InterruptedException {
        FleetStory story = run();
        List<String> printedMetrics = printed.lines().filter(l -> l.startsWith("slo_")).toList();
        List<String> expected = new ArrayList<>();
        for (SloRegistry instance : List.of(story.instanceA, story.instanceB)) {
            List<String> exposition = Prometheus.exposition(instance).lines().toList();
            for (Slo slo : instance.all()) {
                SloCounters counters = slo.counters();
                String good = "slo_events_total{slo=\"" + slo.name() + "\",outcome=\"good\"} " + counters.goodEvents();
                String bad = "slo_events_total{slo=\"" + slo.name() + "\",outcome=\"bad\"} " + counters.badEvents();
                assertTrue(exposition.contains(good) && exposition.contains(bad), good + "\n" + bad);
                expected.add(good);
                expected.add(bad);
            }
        }
        assertEquals(expected, printedMetrics);

        // different volumes, and instance-b's burst
        long a = story.instanceA.find("checkout").orElseThrow().counters().badEvents();
        long b = story.instanceB.find("checkout").orElseThrow().counters().badEvents();
        assertEquals(FleetStory.CHECKOUTS_A / FleetStory.FAILS_ONE_IN, a);
        assertEquals(FleetStory.CHECKOUTS_B / FleetStory.FAILS_ONE_IN + FleetStory.BURST_B, b);

        ErrorBudget budget = story.instanceB.find("checkout").orElseThrow().errorBudget();
        String json = Reports.sloJson(story.instanceB, "checkout").orElseThrow();
        String line = printed.lines().dropWhile(l -> !l.startsWith("GET http://127.0.0.1:" + portB + "/slo/checkout")).skip(1)
                .findFirst().orElseThrow();
        assertTrue(json.contains(String.format(Locale.ROOT, "\"events\":%d,\"goodEvents\":%d,\"attainment\":%s,\"budgetRemaining\":%s,"
                + "\"status\":\"missed\"", budget.total(), budget.good(), budget.attainment(), budget.remaining())), json);
        assertEquals(String.format(Locale.ROOT, "budget: %d events, %d good, attainment %.5f, budgetRemaining %.5f, status missed",
                budget.total(), budget.good(), budget.attainment(), budget.remaining()), line);
        assertTrue(budget.remaining() < 0, "instance-b's burst overspends its own budget");
    }

    @Test
    void theStoryIsTheSameEveryTimeButForPortsAndPaths() throws IOException, InterruptedException {
        Path other = Files.createTempDirectory("fleet-story-test");
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            FleetStory story = new FleetStory(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            story.tell(other, null);
            assertEquals(placeholders(printed, dir, portA, portB),
                    placeholders(bytes.toString(StandardCharsets.UTF_8), other, story.portA, story.portB));
        } finally {
            for (String file : List.of(FleetStory.RULES, FleetStory.CONFIG)) {
                Files.deleteIfExists(other.resolve(file));
            }
            Files.delete(other);
        }
    }

    @Test
    void withServeItServesAndRecordsUntilStopped() throws Exception {
        Path other = Files.createTempDirectory("fleet-story-test");
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            FleetStory story = new FleetStory(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            CountDownLatch stop = new CountDownLatch(1);
            Future<?> told = runner.submit(() -> {
                story.tell(other, stop);
                return null;
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!bytes.toString(StandardCharsets.UTF_8).contains("Serving until Ctrl-C")) {
                assertTrue(System.nanoTime() < deadline, bytes.toString(StandardCharsets.UTF_8));
                Thread.sleep(20);
            }
            URI metrics = URI.create("http://127.0.0.1:" + story.portA + "/metrics");
            long before = goodCheckouts(FleetStory.get(metrics));
            assertEquals(FleetStory.CHECKOUTS_A - FleetStory.CHECKOUTS_A / FleetStory.FAILS_ONE_IN, before);
            long after = before;
            while (after == before) {
                assertTrue(System.nanoTime() < deadline, "no trickle of traffic while serving");
                Thread.sleep(200);
                after = goodCheckouts(FleetStory.get(metrics));
            }
            assertTrue(after > before);
            assertFalse(told.isDone());
            stop.countDown();
            told.get(30, TimeUnit.SECONDS);
            assertThrows(ConnectException.class, () -> FleetStory.get(metrics));
            assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("Stopped both instances." + System.lineSeparator()));
        } finally {
            runner.shutdownNow();
            for (String file : List.of(FleetStory.RULES, FleetStory.CONFIG)) {
                Files.deleteIfExists(other.resolve(file));
            }
            Files.delete(other);
        }
    }

    @Test
    void readmeShowsTheSnippetAndTheOutputWithPlaceholders() throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/main/java/dev/slo/examples/FleetStory.java"));
        List<String> snippet = Snippets.between(source, "// serve:begin", "// serve:end");
        assertFalse(snippet.isEmpty());
        assertTrue(Snippets.readmeHolds(snippet), "README.md must hold the serve snippet of FleetStory.java line for line:\n"
                + String.join("\n", snippet));
        List<String> output = placeholders(printed, dir, portA, portB).lines().map(String::stripTrailing).toList();
        assertTrue(output.stream().noneMatch(l -> l.contains(dir.toString()) || l.contains(":" + portA) || l.contains(":" + portB)), printed);
        assertTrue(Snippets.readmeHolds(output), "README.md must show FleetStory's output line for line, with <dir>, <port-a> and <port-b>:\n"
                + String.join("\n", output));
        // the commands to run Prometheus, as printed, are in README's section
        assertTrue(output.contains("  prometheus --config.file=<dir>/prometheus.yml --storage.tsdb.path=<dir>/data"
                + " --web.listen-address=127.0.0.1:9090"), String.join("\n", output));
        assertTrue(output.contains("  promtool check rules <dir>/slo-rules.yml"), String.join("\n", output));
        List<String> readme = Files.readAllLines(Path.of("../README.md"));
        assertTrue(readme.contains("mvn -q -B -pl slo-examples -am compile exec:java -Dexec.mainClass=dev.slo.examples.FleetStory"),
                "README's Commands list the FleetStory run");
    }

    // ---------------------------------------------------------------- helpers

    private static FleetStory run() throws IOException, InterruptedException {
        Path other = Files.createTempDirectory("fleet-story-test");
        try {
            FleetStory story = new FleetStory(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            story.tell(other, null);
            return story;
        } finally {
            for (String file : List.of(FleetStory.RULES, FleetStory.CONFIG)) {
                Files.deleteIfExists(other.resolve(file));
            }
            Files.delete(other);
        }
    }

    /** The output with the directory as {@code <dir>} and the instances' ports as {@code <port-a>} and {@code <port-b>}. */
    private static String placeholders(String output, Path dir, int portA, int portB) {
        return output.replace(dir.toString() + File.separator, "<dir>/").replace(dir.toString(), "<dir>")
                .replace("127.0.0.1:" + portA, "127.0.0.1:<port-a>").replace("127.0.0.1:" + portB, "127.0.0.1:<port-b>");
    }

    private static long goodCheckouts(String exposition) {
        String prefix = "slo_events_total{slo=\"checkout\",outcome=\"good\"} ";
        return exposition.lines().filter(l -> l.startsWith(prefix)).mapToLong(l -> Long.parseLong(l.substring(prefix.length())))
                .findFirst().orElseThrow();
    }

    private static String promtool(String... args) throws IOException, InterruptedException {
        Path executable = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator))
                .map(d -> Path.of(d, "promtool")).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("promtool is not installed: .ci/run installs it (apt-get install -y prometheus)"));
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool took more than 60 s");
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
