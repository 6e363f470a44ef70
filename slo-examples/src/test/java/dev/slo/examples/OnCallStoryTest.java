package dev.slo.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.AlertTransition;
import dev.slo.Audience;
import dev.slo.Grouping;
import dev.slo.Severity;
import dev.slo.Slo;
import dev.slo.export.StatusPage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Runs the on-call story and checks what a reader takes from it: /pay pages once and resolves, nothing else
 * fires, the release is blocked by /pay's page and allowed once it resolved, bad requests count nowhere, the
 * third endpoint lands in the overflow group, the status page is a well-formed document of the SLO, and
 * README.md shows the story's code and output.
 */
final class OnCallStoryTest {
    private static Path dir;
    private static String printed;
    private static List<String> lines;
    private static OnCallStory story;
    private static Path otherDir;
    private static String retold;

    @BeforeAll
    static void tellTheStory() throws Exception {
        dir = Files.createTempDirectory("oncall-story-test");
        printed = Captured.stdout(() -> {
            try {
                OnCallStory.main(new String[] {dir.toString()});
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        lines = printed.lines().toList();
        otherDir = Files.createTempDirectory("oncall-story-test");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        story = new OnCallStory(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        story.tell(otherDir);
        retold = bytes.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void deleteTheDirectories() throws IOException {
        for (Path d : List.of(dir, otherDir)) {
            try (Stream<Path> all = Files.walk(d)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void theStoryIsTheSameEveryTimeButForTheDirectory() {
        assertEquals(placeholder(printed, dir), placeholder(retold, otherDir));
    }

    @Test
    void payPagesOnceDuringTheIncidentAndResolvesAfterIt_nothingElseFires() {
        Slo pay = story.api.group("/pay");
        List<AlertTransition> history = story.slos.alertHistory();
        assertEquals(List.of(AlertTransition.State.FIRING, AlertTransition.State.RESOLVED),
                history.stream().map(AlertTransition::state).toList(), history.toString());
        AlertTransition firing = history.get(0);
        AlertTransition resolved = history.get(1);
        for (AlertTransition t : history) {
            assertTrue(t.slo() == pay, t.toString());
            assertEquals(Severity.PAGE, t.severity());
            assertEquals(Duration.ofHours(1), t.rule().longWindow());
        }
        // it fires while the provider refuses charges, and resolves once its 5 minutes are clean again
        assertTrue(firing.at().isAfter(OnCallStory.INCIDENT_START) && firing.at().isBefore(OnCallStory.INCIDENT_END), firing.toString());
        assertTrue(resolved.at().isAfter(OnCallStory.INCIDENT_END), resolved.toString());
        assertEquals(Duration.between(firing.at(), resolved.at()), resolved.firedFor());
        double pages = firing.rule().threshold(Duration.ofDays(30));
        assertTrue(firing.longBurnRate() >= pages && firing.shortBurnRate() >= pages, firing.toString());
        assertTrue(resolved.shortBurnRate() < pages, resolved.toString());

        // and the listener printed exactly these two lines, each saying what, where, when and how long
        List<String> announced = lines.stream().filter(l -> l.contains(" FIRING ") || l.contains(" RESOLVED ")).toList();
        assertEquals(2, announced.size(), printed);
        assertTrue(announced.get(0).startsWith(Formats.minute(firing.at()) + " FIRING   api-availability endpoint=/pay PAGE: burn "),
                announced.get(0));
        assertTrue(announced.get(1).startsWith(Formats.minute(resolved.at()) + " RESOLVED api-availability endpoint=/pay PAGE: burn "),
                announced.get(1));
        assertTrue(announced.get(1).endsWith(", fired for " + Formats.elapsed(resolved.firedFor())), announced.get(1));
        assertFalse(printed.contains("endpoint=/search") || printed.contains("endpoint=" + Grouping.OVERFLOW)
                || printed.contains("(all endpoints) PAGE"), printed);
        assertTrue(printed.contains(" all endpoints together: 0 alert transitions; "), printed);
    }

    @Test
    void theReleaseIsBlockedByPaysPageThenAllowedOnceItResolved() {
        int blocked = lines.indexOf(Formats.minute(OnCallStory.RELEASES.get(0)) + " release BLOCKED:");
        int allowed = lines.indexOf(Formats.minute(OnCallStory.RELEASES.get(1)) + " release allowed:");
        int firing = indexOfFirst(" FIRING ");
        int resolved = indexOfFirst(" RESOLVED ");
        assertTrue(firing < blocked && blocked < resolved && resolved < allowed, printed);

        // blocked: one reason, /pay's, saying a page fires while budget remains
        List<String> why = reasonsAfter(blocked);
        assertEquals(1, why.size(), printed);
        assertTrue(why.get(0).startsWith("api-availability{endpoint=\"/pay\"} stops releases: a page fires (PAGE 2.0% of budget in 1h"),
                why.get(0));
        assertTrue(why.get(0).contains("% of its rolling 30d error budget left"), why.get(0));
        // allowed: every endpoint's policy consulted, each allowing
        List<String> fine = reasonsAfter(allowed);
        assertEquals(List.of("/pay", "/search", Grouping.OVERFLOW),
                fine.stream().map(r -> r.substring(r.indexOf("\"") + 1, r.indexOf("\"}"))).toList());
        assertTrue(fine.stream().allMatch(r -> r.contains("} allows releases: ")), fine.toString());
        assertTrue(story.slos.releaseDecision(story.api.groups()).allowed());
    }

    @Test
    void badRequestsCountNowhere_andTheThirdEndpointCountsInTheOverflow() {
        long minutes = Duration.between(OnCallStory.START, OnCallStory.END).toMinutes();
        long served = minutes * OnCallStory.REQUESTS_PER_MINUTE + 1;       // and one request to /v1/export
        assertTrue(story.badRequests > 0);
        assertEquals(served - story.badRequests, story.api.errorBudget().total());
        assertEquals(List.of("/pay", "/search", Grouping.OVERFLOW),
                story.api.groups().stream().map(g -> g.groupValue().orElseThrow()).toList());
        assertEquals(1, story.api.group(Grouping.OVERFLOW).errorBudget().total());
        long groups = story.api.groups().stream().mapToLong(g -> g.errorBudget().total()).sum();
        assertEquals(story.api.errorBudget().total(), groups, "each event counts in one group and in the whole");
        // the refused charges of the incident are bad on /pay: every tenth of 20 a minute for 15 minutes
        long refused = 15 * (OnCallStory.REQUESTS_PER_MINUTE / 4) / OnCallStory.REFUSED_ONE_IN;
        assertTrue(story.api.group("/pay").errorBudget().bad() >= refused);
        assertTrue(printed.contains(" a request to /v1/export, a third endpoint, counts in __overflow__: groups [/pay, /search, __overflow__]."),
                printed);
    }

    @Test
    void theStatusPageIsAWellFormedDocumentOfTheSlo() throws Exception {
        Path page = dir.resolve(OnCallStory.PAGE);
        assertTrue(lines.contains("Wrote " + page + ": the customer status page, as GET /status of SloHttp serves it."), printed);
        assertTrue(Files.isRegularFile(page));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(page.toFile());   // throws unless well-formed
        assertEquals("html", document.getDocumentElement().getLocalName());
        String text = document.getDocumentElement().getTextContent();
        assertTrue(text.contains("api-availability") && text.contains("API requests succeed within 300 ms"), text);
        // the page of the story's registry at the story's end, written as it is
        assertEquals(StatusPage.html(story.slos, Audience.CUSTOMER), Files.readString(story.statusPage));
    }

    @Test
    void readmeShowsTheSnippetsTheOutputAndTheCommand() throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/main/java/dev/slo/examples/OnCallStory.java"));
        for (String marker : List.of("group", "alerts", "listener", "release", "timer", "call", "charge", "page")) {
            List<String> snippet = Snippets.between(source, "// " + marker + ":begin", "// " + marker + ":end");
            assertFalse(snippet.isEmpty(), marker);
            assertTrue(Snippets.readmeHolds(snippet), "README.md must hold the " + marker + " snippet of OnCallStory.java line for line:\n"
                    + String.join("\n", snippet));
        }
        List<String> output = placeholder(printed, dir).lines().map(String::stripTrailing).toList();
        assertTrue(Snippets.readmeHolds(output), "README.md must show OnCallStory's output line for line, with <dir>:\n"
                + String.join("\n", output));
        List<String> readme = Files.readAllLines(Path.of("../README.md"));
        assertTrue(readme.contains("mvn -q -B -pl slo-examples -am compile exec:java -Dexec.mainClass=dev.slo.examples.OnCallStory"),
                "README's Commands list the OnCallStory run");
    }

    // ---------------------------------------------------------------- helpers

    private static int indexOfFirst(String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError("no line holds " + part + " in\n" + printed);
    }

    /** The indented reason lines that follow the line at {@code index}. */
    private static List<String> reasonsAfter(int index) {
        assertTrue(index >= 0, printed);
        List<String> reasons = new ArrayList<>();
        for (int i = index + 1; i < lines.size() && lines.get(i).startsWith("  "); i++) {
            reasons.add(lines.get(i).substring(2));
        }
        return reasons;
    }

    /** The output with the directory as {@code <dir>}. */
    private static String placeholder(String output, Path dir) {
        return output.replace(dir.toString() + File.separator, "<dir>/").replace(dir.toString(), "<dir>");
    }
}
