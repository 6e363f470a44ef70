package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Consumer feedback: survey answers and incident reports from consuming teams as events. */
final class FeedbackTest {
    private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-05T00:00:00Z"));
    private final SloRegistry slos = SloRegistry.create(clock);
    private final Slo platform = slos.define("platform-satisfaction").internal("consuming teams are satisfied")
            .ownedBy(Owner.team("platform")).sli(Sli.feedback()).target(0.9)
            .window(Window.rolling(Duration.ofDays(30))).register();

    @Test
    void surveyAnswersAndIncidentReportsCount() {
        for (int i = 0; i < 8; i++) {
            platform.recordFeedback(true);
        }
        platform.recordFeedback(false);
        platform.recordIncidentReport();                     // a consuming team reports an incident: bad
        ErrorBudget b = platform.errorBudget();
        assertEquals(10, b.total());
        assertEquals(2, b.bad());
        // allowed = 10 * (1 - 0.9) = 1 bad; consumed = 2 / 1 = 2
        assertEquals(2.0, b.consumed(), 1e-9);
        assertTrue(b.exhausted());
    }

    @Test
    void aggregatedSurveyResultsImportAsCounts() {
        platform.recordCounts(47, 3);                        // a quarterly survey: 47 satisfied, 3 not
        assertEquals(0.94, platform.errorBudget().attainment(), 1e-12);
    }

    @Test
    void feedbackOnAnotherSliThrowsNamingIt() {
        Slo api = slos.define("api").internal("api answers").ownedBy(Owner.team("t")).sli(Sli.ratio())
                .target(0.99).window(Window.rolling(Duration.ofHours(1))).register();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> api.recordFeedback(true));
        assertTrue(e.getMessage().contains("feedback") && e.getMessage().contains("\"api\""), e.getMessage());
        assertThrows(IllegalStateException.class, api::recordIncidentReport);
        assertEquals(0, api.errorBudget().total());
    }
}
