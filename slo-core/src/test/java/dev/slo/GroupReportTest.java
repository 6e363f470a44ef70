package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.export.StatusPage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Groups in the internal report and in lint. */
final class GroupReportTest {
    private final ManualClock clock = Fixtures.clock();
    private final SloRegistry slos = SloRegistry.create(clock);
    private final Slo api = slos.define("api").customerFacing("API answers").ownedBy(Owner.product("pm"), Owner.engineering("eng"))
            .sli(Sli.ratio()).target(0.99).window(Window.rolling(Fixtures.DAYS_30)).groupedBy("endpoint", 2).register();

    @Test
    void theInternalReport_showsEachGroupsBudgetAndAlerts_theCustomerReportNone() {
        api.group("/pay").recordCounts(990, 10);          // burn 1 exactly: the 3-day ticket fires
        api.group("/search").recordCounts(50, 50);
        Report internal = slos.report(Audience.INTERNAL);
        assertTrue(internal.markdown().contains("- Grouped by endpoint: 2 groups\n"), internal.markdown());
        assertTrue(internal.markdown().contains("  - endpoint /pay: 99.000% of 1000, budget remaining 0.0%, TICKET 3d firing\n"), internal.markdown());
        assertTrue(internal.markdown().contains("  - endpoint /search: 50.000% of 100, budget remaining -4900.0%, PAGE 1h, PAGE 6h, TICKET 1d, TICKET 3d firing\n"),
                internal.markdown());
        String json = internal.json();
        assertTrue(json.contains("\"groups\":{\"label\":\"endpoint\",\"values\":[{\"value\":\"/pay\",\"events\":1000,\"goodEvents\":990"), json);
        assertTrue(json.contains("{\"value\":\"/search\",\"events\":100,\"goodEvents\":50"), json);
        Report customer = slos.report(Audience.CUSTOMER);
        assertFalse(customer.markdown().contains("/pay") || customer.json().contains("/pay"), customer.markdown());
    }

    @Test
    void theInternalStatusPage_hasAPanelPerGroup_theCustomerPageNone() {
        api.group("/pay").recordCounts(990, 10);
        api.group("/search").recordCounts(50, 50);
        String internal = StatusPage.html(slos, Audience.INTERNAL);
        assertTrue(internal.contains("data-slo=\"api{endpoint=&quot;/pay&quot;}\""), internal);
        assertTrue(internal.contains("data-slo=\"api{endpoint=&quot;/search&quot;}\""), internal);
        String customer = StatusPage.html(slos, Audience.CUSTOMER);
        assertTrue(customer.contains("data-slo=\"api\""), customer);
        assertFalse(customer.contains("/pay") || customer.contains("/search"), customer);
        assertEquals("api{endpoint=\"/pay\"}", api.group("/pay").displayName());
        assertEquals("api", api.displayName());
    }

    @Test
    void lint_findsAGroupingThatOverflows_andSaysWhatToDo() {
        api.group("/pay").record(true);
        api.group("/search").record(true);
        assertTrue(slos.lint().stream().noneMatch(f -> f.kind() == FindingKind.GROUPS_OVERFLOWING));
        api.group("/users/1234").record(true);
        api.group("/users/5678").record(false);
        List<Finding> overflowing = slos.lint().stream().filter(f -> f.kind() == FindingKind.GROUPS_OVERFLOWING).toList();
        assertEquals(1, overflowing.size());
        assertEquals("api", overflowing.get(0).slo());
        assertEquals("\"api\" meets more endpoint values than its 2 groups: 2 of its 4 events in the window count in the overflow "
                + "group \"__overflow__\", where no alert tells the values apart. Raise maxGroups, or group by a label of fewer values "
                + "(a route template, not a raw path).", overflowing.get(0).message());
        clock.advance(Duration.ofDays(31));                   // the spilled events leave the window: nothing to say
        assertTrue(slos.lint().stream().noneMatch(f -> f.kind() == FindingKind.GROUPS_OVERFLOWING));
    }
}
