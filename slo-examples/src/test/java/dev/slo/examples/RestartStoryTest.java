package dev.slo.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.BurnRateAlert;
import dev.slo.ErrorBudget;
import dev.slo.Severity;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the restart story and checks what a reader takes from it: the restored registry holds every event
 * of the ten days and answers exactly as the old one, the page of the incident survives the restart, and the
 * fleet's counts are the sums of the replicas'.
 */
final class RestartStoryTest {
    private static final List<String> NAMES = List.of("checkout-completes", "search-succeeds");
    private static final List<Duration> LOOK_BACKS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(6), Duration.ofDays(1),
            Duration.ofDays(3), Duration.ofDays(30));

    private static String printed;
    private static List<String> leftBehind;
    private static RestartStory story;
    private static String retold;

    @BeforeAll
    static void tellTheStory() throws IOException {
        List<String> before = storyDirectories();
        printed = Captured.stdout(() -> {
            try {
                RestartStory.main(new String[0]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        leftBehind = storyDirectories().stream().filter(d -> !before.contains(d)).toList();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        story = new RestartStory(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        story.tell();
        retold = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theStoryIsTheSameEveryTimeAndCleansUp() {
        assertEquals(printed, retold);
        assertEquals(List.of(), leftBehind, "the snapshot directory is deleted at the end");
        // every minute from 22:00 to 23:59: 2 * 60 saves
        assertEquals(120, story.saves);
    }

    @Test
    void theRestoredRegistryHoldsEveryEventOfTheTenDays() {
        // the events the story recorded, counted again from the same traffic
        Traffic traffic = new Traffic(2026);
        long checkouts = 0;
        long searches = 0;
        for (Instant m = RestartStory.START; m.isBefore(RestartStory.CRASH); m = m.plus(Duration.ofMinutes(1))) {
            long n = traffic.checkouts(m);
            checkouts += n;
            searches += n / 4;
        }
        assertEquals(checkouts, budget(story.restarted, "checkout-completes").total());
        assertEquals(searches, budget(story.restarted, "search-succeeds").total());
    }

    @Test
    void theRestoredRegistryAnswersAsTheOldOneDid() {
        assertEquals(NAMES, story.restarted.all().stream().map(Slo::name).toList());
        for (String name : NAMES) {
            Slo old = story.before.find(name).orElseThrow();
            Slo back = story.restarted.find(name).orElseThrow();
            assertEquals(old.registry().clock().instant(), back.registry().clock().instant());
            assertEquals(old.errorBudget(), back.errorBudget(), name);
            for (Duration lookBack : LOOK_BACKS) {
                assertEquals(old.burnRate(lookBack), back.burnRate(lookBack), name + " burn " + lookBack);
            }
            assertEquals(alerts(old), alerts(back), name);
        }
    }

    @Test
    void theIncidentPagesBeforeTheCrashAndAfterTheRestore() {
        for (SloRegistry registry : List.of(story.before, story.restarted)) {
            List<BurnRateAlert> firing = registry.find("checkout-completes").orElseThrow().alerts();
            assertTrue(firing.stream().anyMatch(a -> a.severity() == Severity.PAGE
                    && a.rule().longWindow().equals(Duration.ofHours(1))), firing.toString());
            assertEquals(List.of(), registry.find("search-succeeds").orElseThrow().alerts());
        }
    }

    @Test
    void thePrintedRowsBeforeAndAfterAreTheSame() {
        String section = printed.substring(printed.indexOf("the registry before the crash and the one restored =="));
        for (String name : NAMES) {
            String[] before = row(section, name, "before");
            String[] restored = row(section, name, "restored");
            before[1] = restored[1];
            assertEquals(Arrays.asList(before), Arrays.asList(restored), name);
            assertEquals(Long.parseLong(before[2]), budget(story.restarted, name).total());
        }
        assertTrue(section.contains("\nsame: "), section);
        assertFalse(printed.contains("NOT"), printed);
    }

    @Test
    void theFleetsCountsAreTheSumsOfTheReplicas() {
        String section = printed.substring(printed.indexOf("== A day of two replicas"));
        for (String name : NAMES) {
            ErrorBudget a = budget(story.replicaA, name);
            ErrorBudget b = budget(story.replicaB, name);
            ErrorBudget fleet = budget(story.overview, name);
            assertTrue(a.total() > 0 && b.total() > 0 && a.total() != b.total(), a + " " + b);
            assertEquals(a.total() + b.total(), fleet.total(), name);
            assertEquals(a.good() + b.good(), fleet.good(), name);
            // and the table says so: events, good and bad columns add up
            for (int column = 2; column <= 4; column++) {
                assertEquals(Long.parseLong(row(section, name, "replica-a")[column]) + Long.parseLong(row(section, name, "replica-b")[column]),
                        Long.parseLong(row(section, name, "fleet")[column]), name + " column " + column);
            }
        }
        // replica-b's clock runs 4 s behind: the fleet was merged at replica-a's reading
        Instant a = story.replicaA.clock().instant();
        assertEquals(a, story.overview.clock().instant());
        assertEquals(a.minus(RestartStory.SKEW), story.replicaB.clock().instant());
        assertFalse(printed.contains("NOT"), printed);
    }

    @Test
    void readmeShowsTheSnippetsAndTheOutputExactly() throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/main/java/dev/slo/examples/RestartStory.java"));
        for (String marker : List.of("save", "restart", "fleet")) {
            List<String> snippet = Snippets.between(source, "// " + marker + ":begin", "// " + marker + ":end");
            assertFalse(snippet.isEmpty(), marker);
            assertTrue(Snippets.readmeHolds(snippet), "README.md must hold the " + marker + " snippet of RestartStory.java line for line:\n"
                    + String.join("\n", snippet));
        }
        List<String> output = printed.lines().map(String::stripTrailing).toList();
        assertTrue(Snippets.readmeHolds(output), "README.md must show RestartStory's output line for line:\n" + printed);
    }

    // ---------------------------------------------------------------- helpers

    private static ErrorBudget budget(SloRegistry registry, String name) {
        return registry.find(name).orElseThrow().errorBudget();
    }

    /** What an alert says, without the SLO object it names (another one in each registry). */
    private static List<String> alerts(Slo slo) {
        return slo.alerts().stream()
                .map(a -> a.rule() + " " + a.longBurnRate() + " " + a.shortBurnRate() + " " + a.threshold())
                .toList();
    }

    private static String[] row(String section, String name, String who) {
        return section.lines()
                .map(l -> l.trim().split("\\s+"))
                .filter(cells -> cells.length > 2 && cells[0].equals(name) && cells[1].equals(who))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + who + " row for " + name + " in\n" + section));
    }

    /** The temporary directories the story makes, by name. */
    private static List<String> storyDirectories() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("slo-restart-story")).toList();
        }
    }
}
