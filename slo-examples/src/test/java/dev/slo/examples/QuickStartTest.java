package dev.slo.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's quick start is real code: the same lines, compiled, and they run. */
final class QuickStartTest {

    @Test
    void readmeShowsTheQuickStartLinesExactly() throws IOException {
        List<String> snippet = Snippets.between(
                Files.readAllLines(Path.of("src/main/java/dev/slo/examples/QuickStart.java")),
                "// quick-start:begin", "// quick-start:end");

        assertTrue(snippet.size() >= 8, "the quick start holds about ten lines, got " + snippet);
        assertTrue(Snippets.readmeHolds(snippet),
                "README.md must hold the quick start of QuickStart.java line for line:\n" + String.join("\n", snippet));
    }

    @Test
    void quickStartRunsAndShowsAnUntouchedBudget() {
        String printed = Captured.stdout(() -> QuickStart.main(new String[0]));

        // one good event: attainment 1/1 = 1.0, nothing of the budget spent, no burn so no alert
        assertEquals("checkout-completes: 1 event, attainment 1.0, budget remaining 1.0, alerts firing 0", printed.strip());
    }
}
