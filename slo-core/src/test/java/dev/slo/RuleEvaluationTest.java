package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slo.alerts() and Cascade.earlyWarnings() judge burns by the same rule loop. */
final class RuleEvaluationTest {
    private final CascadeFixture f = new CascadeFixture();
    private final Slo checkout = f.customer("checkout", 0.999);
    private final Slo payments = f.internal("payments", 0.999);
    private final Cascade journey = f.slos.cascade(checkout).dependsOn(payments).build();

    private List<BurnRateRule> warned() {
        return journey.earlyWarnings().stream().map(EarlyWarning::rule).toList();
    }

    private List<BurnRateRule> ownAlerts() {
        return payments.alerts().stream().map(BurnRateAlert::rule).toList();
    }

    @Test
    void aDependencyWithTheRootsTargetOnEveryEventWarnsForTheRulesItsOwnAlertsFire() {
        for (int minute = 0; minute < 6 * 60; minute++) {
            int bad = minute < 300 ? 1 : minute < 350 ? 20 : 2;   // quiet, then a page-worthy burn, then a slow one
            payments.recordCounts(1000 - bad, bad);
            f.clock.advance(Duration.ofMinutes(1));
            assertEquals(ownAlerts(), warned(), "minute " + minute);
        }
        assertFalse(ownAlerts().isEmpty());
    }

    @Test
    void theRulesFireInThePolicysOrderWithBothBurns() {
        AlertPolicy policy = AlertPolicy.sreWorkbook();
        long[] lookBacks = RuleEvaluation.lookBacks(policy.rules());
        RuleEvaluation.Seen[] seen = new RuleEvaluation.Seen[lookBacks.length];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = new RuleEvaluation.Seen(0.0144, 1000);   // burn 14.4 over every window of a 0.999 SLO
        }
        List<RuleEvaluation.Firing> firing = RuleEvaluation.firing(policy, Duration.ofDays(30), 0.001, seen);
        assertEquals(policy.rules(), firing.stream().map(RuleEvaluation.Firing::rule).toList());
        assertEquals(14.4, firing.get(0).longBurn(), 1e-9);
        assertEquals(14.4, firing.get(0).shortBurn(), 1e-9);

        seen[1] = new RuleEvaluation.Seen(0.0143, 1000);        // the 5-minute window just short of 14.4
        assertEquals(policy.rules().subList(1, 4),
                RuleEvaluation.firing(policy, Duration.ofDays(30), 0.001, seen).stream().map(RuleEvaluation.Firing::rule).toList());
        assertTrue(RuleEvaluation.firing(policy.withMinimumEvents(1001), Duration.ofDays(30), 0.001, seen).isEmpty());
    }
}
