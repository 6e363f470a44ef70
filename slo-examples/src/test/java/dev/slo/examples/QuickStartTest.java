package dev.slo.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's quick start is real code: the same lines, compiled, and they run. */
final class QuickStartTest {

    @Test
    void readmeShowsTheQuickStartLinesExactly() throws IOException {
        List<String> snippet = QuickStartTest.snippet(
                Files.readAllLines(Path.of("src/main/java/dev/slo/examples/QuickStart.java")),
                "// quick-start:begin", "// quick-start:end");
        List<String> readme = Files.readAllLines(Path.of("../README.md")).stream().map(String::stripTrailing).toList();

        assertTrue(snippet.size() >= 8, "the quick start holds about ten lines, got " + snippet);
        assertTrue(Collections.indexOfSubList(readme, snippet) >= 0,
                "README.md must hold the quick start of QuickStart.java line for line:\n" + String.join("\n", snippet));
    }

    @Test
    void quickStartRunsAndShowsAnUntouchedBudget() {
        String printed = Captured.stdout(() -> QuickStart.main(new String[0]));

        // one good event: attainment 1/1 = 1.0, nothing of the budget spent, no burn so no alert
        assertEquals("checkout-completes: 1 event, attainment 1.0, budget remaining 1.0, alerts firing 0", printed.strip());
    }

    /** The lines between the markers, without the indentation they share. */
    static List<String> snippet(List<String> source, String begin, String end) {
        int from = -1;
        int to = -1;
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).strip().equals(begin)) {
                from = i + 1;
            } else if (source.get(i).strip().equals(end)) {
                to = i;
            }
        }
        assertTrue(from > 0 && to >= from, "markers " + begin + " and " + end + " must enclose the snippet");
        List<String> lines = source.subList(from, to);
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing()).toList();
    }
}
