package dev.slo.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's practice snippet is real code, and the review it runs says what a reader expects. */
final class PracticeReviewTest {

    @Test
    void readmeShowsThePracticeLinesExactly() throws IOException {
        List<String> snippet = Snippets.between(
                Files.readAllLines(Path.of("src/main/java/dev/slo/examples/PracticeReview.java")),
                "// practice:begin", "// practice:end");
        assertTrue(Snippets.readmeHolds(snippet),
                "README.md must hold the practice snippet of PracticeReview.java line for line:\n" + String.join("\n", snippet));
    }

    @Test
    void reviewRefusesEngineeringLintsAndReports() {
        String printed = Captured.stdout(() -> PracticeReview.main(new String[0]));
        assertTrue(printed.contains("refused: actor must be a product owner to lower the target of \"checkout-completes\""), printed);
        assertTrue(printed.contains("IGNORED_DOWNSTREAM_IMPACT search-index-fresh: "), printed);
        assertTrue(printed.contains("INTERNAL_NOT_ROLLED_UP search-index-fresh: "), printed);
        assertTrue(printed.contains("UPTIME_ONLY_FOCUS") == false, "payments has a latency SLI: " + printed);
        // A week of 168 * 1 000 = 168 000 checkouts, 42 bad (every fourth hour): attainment 1 - 42/168 000 = 99.975%;
        // allowed bad at 0.995 is 0.005 * 168 000 = 840, so 42/840 = 5% spent and 95.0% left.
        assertTrue(printed.contains("| Checkout completes (checkout-completes) | 99.5% | rolling 30 days | 99.975% | 95.0% | met |"), printed);
        // payments at 0.9995 allows 0.0005 * 168 000 = 84 bad: 42/84 = 50% consumed
        assertTrue(printed.contains("- Events in window: 168000, bad 42, budget consumed 50.0% (met)"), printed);
        assertTrue(printed.contains("NEGLECTED_OBSERVABILITY search-index-fresh: "), printed);
        assertFalse(printed.contains("NEGLECTED_OBSERVABILITY checkout-completes"), printed);
        assertTrue(printed.contains("99.9% to 99.5% on 2026-03-09T00:00:00Z by the product owner: agreed in the quarterly review"), printed);
        assertTrue(printed.contains("- Blame: payments-charge 100.0%"), printed);
        String customer = printed.substring(printed.indexOf("# Service level report"), printed.indexOf("# SLO report for engineering"));
        for (String internal : List.of("payments", "search", "checkout-svc", "checkout-eng", "shop-pm")) {
            assertFalse(customer.contains(internal), "customer report reveals " + internal + ":\n" + customer);
        }
    }
}
