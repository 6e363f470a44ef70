package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link AlertPolicy} and its {@link BurnRateRule}s: the SRE Workbook defaults, copies, order, thresholds
 * and minimum events.
 */
final class AlertPolicyTest {

    @Test
    void sreWorkbook_hasTheFourRulesInTableOrder() {
        // The Site Reliability Workbook, ch. 5 "Alerting on SLOs": 2%/1h/5m and 5%/6h/30m page,
        // 10%/1d/2h and 10%/3d/6h open a ticket.
        List<BurnRateRule> rules = AlertPolicy.sreWorkbook().rules();
        assertEquals(List.of(
                new BurnRateRule(Severity.PAGE, 0.02, Duration.ofHours(1), Duration.ofMinutes(5)),
                new BurnRateRule(Severity.PAGE, 0.05, Duration.ofHours(6), Duration.ofMinutes(30)),
                new BurnRateRule(Severity.TICKET, 0.10, Duration.ofDays(1), Duration.ofHours(2)),
                new BurnRateRule(Severity.TICKET, 0.10, Duration.ofDays(3), Duration.ofHours(6))), rules);
        assertEquals(0, AlertPolicy.sreWorkbook().minimumEvents());
        assertEquals(Duration.ofDays(3), AlertPolicy.sreWorkbook().longestWindow());
    }

    @Test
    void rules_areImmutable_andCopied() {
        List<BurnRateRule> source = new ArrayList<>();
        source.add(new BurnRateRule(Severity.PAGE, 0.5, Duration.ofHours(2), Duration.ofMinutes(10)));
        AlertPolicy policy = new AlertPolicy(source, 0);
        source.clear();
        assertEquals(1, policy.rules().size());
        assertThrows(UnsupportedOperationException.class, () -> policy.rules().clear());
    }

    @Test
    void threshold_isShareTimesWindowOverLongWindow() {
        // 0.5 * 7 d / 12 h = 0.5 * 14 = 7
        BurnRateRule rule = new BurnRateRule(Severity.TICKET, 0.5, Duration.ofHours(12), Duration.ofHours(1));
        assertEquals(7.0, rule.threshold(Duration.ofDays(7)), 1e-12);
    }

    @Test
    void withMinimumEvents_keepsRules() {
        AlertPolicy policy = AlertPolicy.sreWorkbook().withMinimumEvents(100);
        assertEquals(100, policy.minimumEvents());
        assertEquals(AlertPolicy.sreWorkbook().rules(), policy.rules());
        assertEquals(0, AlertPolicy.sreWorkbook().minimumEvents());
    }

    @Test
    void of_keepsOrder() {
        BurnRateRule a = new BurnRateRule(Severity.TICKET, 0.1, Duration.ofDays(2), Duration.ofHours(4));
        BurnRateRule b = new BurnRateRule(Severity.PAGE, 0.02, Duration.ofHours(1), Duration.ofMinutes(5));
        assertEquals(List.of(a, b), AlertPolicy.of(a, b).rules());
        assertEquals(Duration.ofDays(2), AlertPolicy.of(a, b).longestWindow());
    }

    @Test
    void alertSeverity_isTheRules() {
        BurnRateRule rule = AlertPolicy.sreWorkbook().rules().get(2);
        Slo slo = Fixtures.checkout(Fixtures.clock());
        BurnRateAlert alert = new BurnRateAlert(slo, rule, 4, 5, 3);
        assertEquals(Severity.TICKET, alert.severity());
        assertEquals(slo, alert.slo());
    }

    /** {@code threshold = budgetShare * windowLength / longWindow} for any rule, not only the table's. */
    @Test
    void thresholdOfACustomRule() {
        BurnRateRule rule = new BurnRateRule(Severity.PAGE, 0.5, Duration.ofHours(2), Duration.ofMinutes(10));
        // 0.5 * 168 h / 2 h = 42
        assertEquals(42.0, rule.threshold(Duration.ofDays(7)), 1e-12);
        // 0.5 * 1 h / 2 h = 0.25: a window shorter than the long window still scales linearly
        assertEquals(0.25, rule.threshold(Duration.ofHours(1)), 1e-12);
    }
}
