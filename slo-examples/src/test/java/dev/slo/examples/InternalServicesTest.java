package dev.slo.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's internal-services snippet is real code, and the week it simulates ends as worked out by hand. */
final class InternalServicesTest {

    @Test
    void readmeShowsTheInternalServicesLinesExactly() throws IOException {
        List<String> snippet = Snippets.between(
                Files.readAllLines(Path.of("src/main/java/dev/slo/examples/InternalServices.java")),
                "// internal-services:begin", "// internal-services:end");
        assertTrue(Snippets.readmeHolds(snippet),
                "README.md must hold the internal-services snippet line for line:\n" + String.join("\n", snippet));
    }

    @Test
    void budgetsAfterTheWeek() {
        String printed = Captured.stdout(() -> InternalServices.main(new String[0]));
        // ETL: Monday's first run (good) + six nights; Wednesday's never reports, Friday's takes 45 > 30 min:
        // 2 bad of 7; allowed 0.05 * 7 = 0.35; 2 / 0.35 = 571.4%.
        assertTrue(printed.contains("nightly-etl: 2 of 7 runs bad, budget 571.4% spent (exhausted)"), printed);
        // Backlog: slice 00:00 + 6 * 1440 = 8640 minute slices from 01:00, 4 of them in the spike;
        // allowed 0.0005 * 8641 = 4.3205; 4 / 4.3205 = 92.6%.
        assertTrue(printed.contains("orders-queue-backlog: 4 of 8641 slices bad, budget 92.6% spent"), printed);
        // Ledger: 8640 minutes * 16 = 138 240 writes in the window (the 00:00 one falls in the hour that the
        // window's edge blurs away), every 2000th bad: 69; allowed 0.001 * 138 240 = 138.24; 69 / 138.24 = 49.9%.
        assertTrue(printed.contains("ledger-writes: 69 of 138240 attempts bad, budget 49.9% spent"), printed);
    }

    @Test
    void printsTheInternalReportForTheTeamsRetro() {
        String printed = Captured.stdout(() -> InternalServices.main(new String[0]));
        assertTrue(printed.contains("# SLO report for engineering"), printed);
        // ETL: 5 good runs of 7 = 71.429%; 571.4% consumed leaves 100 - 571.4 = -471.4% of the budget.
        assertTrue(printed.contains("| nightly-etl | internal | 95% | 71.429% | -471.4% | none |"), printed);
        // Nothing depends on these SLOs yet and they declare no consumers: the report's advice says so.
        assertTrue(printed.contains("**IGNORED_DOWNSTREAM_IMPACT** nightly-etl"), printed);
        assertTrue(printed.contains("**ONE_SLO_TYPE_ONLY**"), printed);
    }
}
