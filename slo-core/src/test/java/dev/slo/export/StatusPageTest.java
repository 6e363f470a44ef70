package dev.slo.export;

import static dev.slo.export.PageXml.elements;
import static dev.slo.export.PageXml.one;
import static dev.slo.export.PageXml.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.Audience;
import dev.slo.Budgeting;
import dev.slo.ManualClock;
import dev.slo.Owner;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Window;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The status page read back as XML: the chart's points are the budget left after each bucket, worked by hand
 * ({@link StatusScenario}); the figures, burn rates, alerts and history are the registry's; the customer page
 * holds nothing internal; hostile text stays text.
 */
final class StatusPageTest {
    private final StatusScenario scenario = new StatusScenario();

    /** The chart of one section: its svg and its polyline's data. */
    private record Chart(Element svg, List<Instant> at, List<Double> remaining, List<double[]> drawn) {
        static Chart of(Element section) {
            Element svg = one(section, "svg", "burndown");
            Element line = one(svg, "polyline", "budget");
            List<Instant> at = new ArrayList<>();
            for (String s : line.getAttribute("data-at").split(" ")) {
                at.add(Instant.parse(s));
            }
            List<Double> remaining = new ArrayList<>();
            for (String s : line.getAttribute("data-remaining").split(" ")) {
                remaining.add(Double.parseDouble(s));
            }
            List<double[]> drawn = new ArrayList<>();
            for (String s : line.getAttribute("points").split(" ")) {
                String[] xy = s.split(",");
                drawn.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
            }
            return new Chart(svg, at, remaining, drawn);
        }

        double number(String attribute) {
            return Double.parseDouble(svg.getAttribute(attribute));
        }
    }

    private static String text(Element e) {
        return e.getTextContent();
    }

    @Test
    void theChartDrawsTheShareOfTheBudgetLeftAfterEachFourHourBucketOfTheWindow() {
        Chart chart = Chart.of(section(PageXml.parse(StatusPage.html(scenario.slos, Audience.CUSTOMER)), "checkout"));
        assertEquals(StatusScenario.WINDOW_START.toString(), chart.svg().getAttribute("data-x-start"));
        assertEquals(StatusScenario.NOW.toString(), chart.svg().getAttribute("data-x-end"));
        assertEquals(0.0, chart.number("data-y-min"));
        assertEquals(1.0, chart.number("data-y-max"));

        // the window's start, then the end of every 4-hour bucket that begins inside the window (the first begins at
        // 04:00 on March 1, after the window's start at 01:30), the open one's at now: 1 + 180 points
        List<Instant> expectedAt = new ArrayList<>(List.of(StatusScenario.WINDOW_START));
        for (Instant end = Instant.parse("2026-03-01T08:00:00Z"); !end.isAfter(StatusScenario.NOW); end = end.plus(Duration.ofHours(4))) {
            expectedAt.add(end);
        }
        expectedAt.add(StatusScenario.NOW);
        assertEquals(expectedAt, chart.at());
        assertEquals(181, chart.at().size());
        // 300 bad events allowed (1% of 30,000): nothing spent until March 10's 150, half of it then, 210 of 300 by now
        for (int i = 0; i < chart.at().size(); i++) {
            Instant at = chart.at().get(i);
            double expected = at.equals(StatusScenario.NOW) ? 0.3 : at.isBefore(StatusScenario.AFTER_FIRST_INCIDENT) ? 1.0 : 0.5;
            assertEquals(expected, chart.remaining().get(i), 1e-12, "the point at " + at);
        }
        assertEquals(scenario.checkout.errorBudget().remaining(), chart.remaining().get(chart.remaining().size() - 1), 1e-12);
    }

    @Test
    void theDrawnPointsMapLinearlyFromTheStatedAxes() {
        Chart chart = Chart.of(section(PageXml.parse(StatusPage.html(scenario.slos, Audience.CUSTOMER)), "checkout"));
        String[] plot = chart.svg().getAttribute("data-plot").split(" ");
        double left = Double.parseDouble(plot[0]);
        double top = Double.parseDouble(plot[1]);
        double width = Double.parseDouble(plot[2]);
        double height = Double.parseDouble(plot[3]);
        long x0 = Instant.parse(chart.svg().getAttribute("data-x-start")).toEpochMilli();
        long x1 = Instant.parse(chart.svg().getAttribute("data-x-end")).toEpochMilli();
        double yMin = chart.number("data-y-min");
        double yMax = chart.number("data-y-max");
        assertEquals(chart.at().size(), chart.drawn().size());
        for (int i = 0; i < chart.drawn().size(); i++) {
            double x = left + width * (chart.at().get(i).toEpochMilli() - x0) / (x1 - x0);
            double y = top + height * (yMax - chart.remaining().get(i)) / (yMax - yMin);
            assertEquals(x, chart.drawn().get(i)[0], 0.0051, "x of point " + i);      // two decimals, rounded
            assertEquals(y, chart.drawn().get(i)[1], 0.0051, "y of point " + i);
        }
        assertEquals(left, chart.drawn().get(0)[0], 1e-9);                          // the window's start, at 100%
        assertEquals(top, chart.drawn().get(0)[1], 1e-9);
        assertEquals(left + width, chart.drawn().get(chart.drawn().size() - 1)[0], 1e-9);   // now, at 30%
        assertEquals(top + height * 0.7, chart.drawn().get(chart.drawn().size() - 1)[1], 0.0051);
    }

    @Test
    void theFiguresSayTheAttainmentAgainstTheTargetAndTheBudgetLeft() {
        Document page = PageXml.parse(StatusPage.html(scenario.slos, Audience.CUSTOMER));
        Element checkout = section(page, "checkout");
        // 29,790 good of 30,000: 99.300%; 210 bad of the 300 allowed leave 30.0%
        assertEquals("Met: attainment 99.300% over the rolling 30 days, against a target of 99%. 30.0% of the error budget "
                + "remains (210 bad events of 300 allowed).", text(one(checkout, "p", "verdict")));
        assertTrue(one(checkout, "p", "verdict").getAttribute("class").contains("met"));
        List<Element> terms = elements(one(checkout, "dl", "figures"), "dt", null);
        List<Element> values = elements(one(checkout, "dl", "figures"), "dd", null);
        assertEquals(List.of("Target", "Attainment", "Budget remaining", "Bad events", "Window"), terms.stream().map(StatusPageTest::text).toList());
        assertEquals(List.of("99%", "99.300%", "30.0%", "210 of 30000 (300 allowed)", "rolling 30 days"),
                values.stream().map(StatusPageTest::text).toList());
        assertEquals("No data: no events in the rolling 7 days yet, so nothing to measure against the target of 99.9%.",
                text(one(section(page, "search"), "p", "verdict")));
        assertEquals("As of 2026-03-31T01:30:00Z. 2 promises: 1 met, 0 missed, 1 without data; 4 alerts firing.",
                text(one(page.getDocumentElement(), "p", "summary")));
    }

    @Test
    void theBurnRatesAndTheAlertsFiringAreThoseOfThePolicyNow() {
        Element checkout = section(PageXml.parse(StatusPage.html(scenario.slos, Audience.CUSTOMER)), "checkout");
        List<Element> rows = elements(one(checkout, "table", "burn-rates"), "tr", null).subList(1, 5);
        // the 60 bad events at 01:27 are all the last 6 hours hold: burn 1 / 0.01 = 100; the day adds March 30's 940
        // good (60 of 1,000 bad: burn 6), three days 2,940 good (60 of 3,000: burn 2)
        List<List<String>> cells = new ArrayList<>();
        for (Element row : rows) {
            assertEquals("firing", row.getAttribute("class"));
            cells.add(elements(row, "td", null).stream().map(StatusPageTest::text).toList());
        }
        assertEquals(List.of(
                List.of("page", "2% of the budget in 1h", "100.00 over 1h", "100.00 over 5m", "14.40", "firing"),
                List.of("page", "5% of the budget in 6h", "100.00 over 6h", "100.00 over 30m", "6.00", "firing"),
                List.of("ticket", "10% of the budget in 1d", "6.00 over 1d", "100.00 over 2h", "3.00", "firing"),
                List.of("ticket", "10% of the budget in 3d", "2.00 over 3d", "100.00 over 6h", "1.00", "firing")), cells);
        List<Element> firing = elements(one(checkout, "ul", "firing"), "li", null);
        assertEquals(4, firing.size());
        assertEquals("page: 2% of the budget in 1h, burning 100.00 over 1h and 100.00 over 5m", text(firing.get(0)));
        assertEquals("None.", text(one(section(PageXml.parse(StatusPage.html(scenario.slos, Audience.CUSTOMER)), "search"),
                "p", "firing")));
    }

    @Test
    void theAlertHistoryShowsTheSlosOwnTransitionsNewestFirst() {
        scenario.clock.advance(Duration.ofHours(2));
        scenario.slos.evaluate();        // at 03:30 the 5m, 30m and 2h windows are quiet again; the 6h one still holds 01:27
        Element history = one(section(PageXml.parse(StatusPage.html(scenario.slos, Audience.CUSTOMER)), "checkout"),
                "table", "alert-history");
        List<List<String>> rows = new ArrayList<>();
        for (Element row : elements(history, "tr", null).subList(1, elements(history, "tr", null).size())) {
            rows.add(elements(row, "td", null).stream().map(StatusPageTest::text).toList());
        }
        assertEquals(List.of(
                List.of("2026-03-31T03:30:00Z", "resolved", "page", "2% of the budget in 1h", "0.00", "0.00", "2h"),
                List.of("2026-03-31T03:30:00Z", "resolved", "page", "5% of the budget in 6h", "100.00", "0.00", "2h"),
                List.of("2026-03-31T03:30:00Z", "resolved", "ticket", "10% of the budget in 1d", "6.00", "0.00", "2h"),
                List.of("2026-03-31T01:30:00Z", "started firing", "page", "2% of the budget in 1h", "100.00", "100.00", ""),
                List.of("2026-03-31T01:30:00Z", "started firing", "page", "5% of the budget in 6h", "100.00", "100.00", ""),
                List.of("2026-03-31T01:30:00Z", "started firing", "ticket", "10% of the budget in 1d", "6.00", "100.00", ""),
                List.of("2026-03-31T01:30:00Z", "started firing", "ticket", "10% of the budget in 3d", "2.00", "100.00", "")), rows);
        assertEquals("No alert has started or stopped firing.",
                text(one(section(PageXml.parse(StatusPage.html(scenario.slos, Audience.CUSTOMER)), "search"), "p", "alert-history")));
    }

    @Test
    void theCustomerPageHoldsNoInternalSloTeamOwnerConsumerOrCascade() {
        String page = StatusPage.html(scenario.slos, Audience.CUSTOMER);
        for (String secret : StatusScenario.SECRETS) {
            assertFalse(page.contains(secret), secret + " is on the customer page");
            assertFalse(page.contains(Html.escape(secret)), secret + " (escaped) is on the customer page");
        }
        Document xml = PageXml.parse(page);
        assertEquals(List.of("checkout", "search"),
                elements(xml.getDocumentElement(), "section", "slo").stream().map(s -> s.getAttribute("data-slo")).toList());
        assertEquals(List.of(), elements(xml.getDocumentElement(), "section", "cascade"));
        assertEquals(List.of(), elements(xml.getDocumentElement(), "dl", "internals"));
        // the internal SLO's four transitions are not in the page, nor in its summary's count
        assertEquals(8, scenario.slos.alertHistory().size());
        assertEquals(4, elements(xml.getDocumentElement(), "tr", "started").size());
        assertEquals("Service status", text(one(xml.getDocumentElement(), "h1", null)));
    }

    @Test
    void theInternalPageShowsEverySloWithItsOwnersThenTheCascadeAndItsBlame() {
        Document page = PageXml.parse(StatusPage.html(scenario.slos, Audience.INTERNAL));
        assertEquals(List.of("checkout", "search", "payments-ledger-9q"),
                elements(page.getDocumentElement(), "section", "slo").stream().map(s -> s.getAttribute("data-slo")).toList());
        Element payments = section(page, "payments-ledger-9q");
        assertEquals(List.of("internal", "ratio of good events", "team-quokka (engineering)",
                "billing-batch-zz (blocking: invoices stall)"),
                elements(one(payments, "dl", "internals"), "dd", null).stream().map(StatusPageTest::text).toList());
        assertEquals(4, elements(payments, "tr", "started").size());
        Element cascade = one(page.getDocumentElement(), "section", "cascade");
        assertEquals("checkout", cascade.getAttribute("data-root"));
        List<Element> blame = elements(one(cascade, "table", "blame"), "td", null);
        assertEquals(List.of("payments-ledger-9q", "100.0%"), blame.stream().map(StatusPageTest::text).toList());
        // payments: 10,000 good and 50 bad over the window, so it predicts 99.502% of checkout
        List<String> prediction = elements(one(cascade, "dl", "prediction"), "dd", null).stream().map(StatusPageTest::text).toList();
        assertEquals(List.of("99%", "99.300%", "99.900%", "99.502%"), prediction);
        assertTrue(text(one(page.getDocumentElement(), "p", "summary")).endsWith("8 alerts firing."));
    }

    @Test
    void hostileTextStaysTextAndThePageLoadsNothing() {
        String raw = StatusPage.html(scenario.slos, Audience.INTERNAL);
        Document page = PageXml.parse(raw);
        assertEquals(StatusScenario.HOSTILE, text(one(section(page, "search"), "span", "promise")));
        assertEquals("ledger replica <i>lag</i> & \"stays\" small", text(one(section(page, "payments-ledger-9q"), "span", "promise")));
        assertTrue(raw.contains("Search &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;finds&quot; it"), raw);
        for (String tag : List.of("script", "b", "i", "img", "link", "iframe", "object", "image", "use", "foreignObject")) {
            assertEquals(0, page.getElementsByTagName(tag).getLength(), "<" + tag + "> in the page");
        }
        NodeList all = page.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            for (String attribute : List.of("src", "href", "xlink:href", "srcset", "action")) {
                assertFalse(e.hasAttribute(attribute), "<" + e.getTagName() + " " + attribute + "> in the page");
            }
        }
        Element csp = elements(page.getDocumentElement(), "meta", null).stream()
                .filter(m -> m.getAttribute("http-equiv").equals("Content-Security-Policy")).findFirst().orElseThrow();
        assertTrue(csp.getAttribute("content").startsWith("default-src 'none'; style-src 'unsafe-inline'"));
    }

    @Test
    void textThatXmlCannotHoldBecomesTheReplacementCharacter() {
        assertEquals("a\uFFFDb\uFFFD\uFFFDc\uD83D\uDE00", Html.escape("a\uD800b\uFFFE\u0001c\uD83D\uDE00"));
        assertEquals("&lt;&gt;&amp;&quot;&#39;\t\n", Html.escape("<>&\"'\t\n"));
        PageXml.parse("<p>" + Html.escape("\uDC00 & \uFFFF") + "</p>");
    }

    @Test
    void aCalendarMonthsChartSpansTheMonthAndStopsAtNowWithoutLastMonthsEvents() {
        ManualClock clock = ManualClock.at(Instant.parse("2026-03-10T06:00:00Z"));
        SloRegistry slos = SloRegistry.create(clock);
        Slo billing = slos.define("billing").customerFacing("Invoices are right").ownedBy(Owner.product("p"), Owner.engineering("e"))
                .sli(Sli.ratio()).target(0.99).window(Window.calendarMonth(ZoneOffset.UTC)).register();
        billing.recordCounts(0, 100, Instant.parse("2026-02-28T23:00:00Z"));   // last month's: not this budget's
        billing.recordCounts(990, 10, Instant.parse("2026-03-01T00:30:00Z"));
        billing.recordCounts(1_000, 0, Instant.parse("2026-03-05T12:00:00Z"));
        Chart chart = Chart.of(section(PageXml.parse(StatusPage.html(slos, Audience.CUSTOMER)), "billing"));
        assertEquals("2026-03-01T00:00:00Z", chart.svg().getAttribute("data-x-start"));
        assertEquals("2026-04-01T00:00:00Z", chart.svg().getAttribute("data-x-end"));
        // 4-hour buckets from March 1 00:00 (the first holds the 10 bad of 20 allowed) to the open one of 04:00-08:00
        assertEquals(Instant.parse("2026-03-01T04:00:00Z"), chart.at().get(1));
        assertEquals(Instant.parse("2026-03-10T06:00:00Z"), chart.at().get(chart.at().size() - 1));
        assertEquals(1 + 9 * 6 + 2, chart.at().size());
        assertEquals(1.0, chart.remaining().get(0));
        for (int i = 1; i < chart.remaining().size(); i++) {
            assertEquals(0.5, chart.remaining().get(i), 1e-12, "the point at " + chart.at().get(i));
        }
        assertEquals(0.5, billing.errorBudget().remaining(), 1e-12);
        double[] now = chart.drawn().get(chart.drawn().size() - 1);       // 9.25 days of 31 along the axis
        assertEquals(StatusCharts.LEFT + StatusCharts.PLOT_WIDTH * 9.25 / 31, now[0], 0.0051);
    }

    @Test
    void anOverspentBudgetDrawsBelowZeroAndASliceBudgetHasNoChart() {
        ManualClock clock = ManualClock.at(Instant.parse("2026-03-10T06:00:00Z"));
        SloRegistry slos = SloRegistry.create(clock);
        Slo api = slos.define("api").customerFacing("Pages load").ownedBy(Owner.product("p"), Owner.engineering("e"))
                .sli(Sli.ratio()).target(0.9).window(Window.rolling(Duration.ofDays(1))).register();
        slos.define("queue").customerFacing("Orders ship").ownedBy(Owner.product("p"), Owner.engineering("e"))
                .sli(Sli.gaugeAtMost(100)).budgeting(Budgeting.timeslices(Duration.ofMinutes(1))).target(0.99)
                .window(Window.rolling(Duration.ofDays(1))).register();
        api.recordCounts(70, 30, Instant.parse("2026-03-10T01:00:00Z"));      // 30 bad of 10 allowed: -200% left
        Document page = PageXml.parse(StatusPage.html(slos, Audience.CUSTOMER));
        Chart chart = Chart.of(section(page, "api"));
        assertEquals(-2.0, chart.number("data-y-min"));
        assertEquals(-2.0, chart.remaining().get(chart.remaining().size() - 1), 1e-12);
        assertEquals(StatusCharts.TOP + StatusCharts.PLOT_HEIGHT, chart.drawn().get(chart.drawn().size() - 1)[1], 0.0051);
        assertEquals(1 + 24 * 6, chart.at().size());                     // 10-minute buckets over a day
        assertTrue(text(one(section(page, "api"), "p", "verdict")).startsWith("Missed: attainment 70.000%"));
        assertEquals(List.of(), elements(section(page, "queue"), "svg", null));
        assertTrue(text(one(section(page, "queue"), "p", "no-chart")).contains("time slices"));
    }

    @Test
    void everyWindowGetsAChartOfAtMostAbout200PointsThatTheTimelineKeeps() {
        ManualClock clock = ManualClock.at(Instant.parse("2026-03-10T06:00:07Z"));
        SloRegistry slos = SloRegistry.create(clock);
        List<Window> windows = List.of(Window.rolling(Duration.ofHours(1)), Window.rolling(Duration.ofHours(6)),
                Window.rolling(Duration.ofHours(7)), Window.rolling(Duration.ofDays(1)), Window.rolling(Duration.ofHours(25)),
                Window.rolling(Duration.ofDays(7)), Window.rolling(Duration.ofDays(30)), Window.rolling(Duration.ofDays(90)),
                Window.calendarWeek(ZoneOffset.ofHoursMinutes(5, 30)), Window.calendarMonth(ZoneOffset.ofHoursMinutes(5, 30)));
        for (int i = 0; i < windows.size(); i++) {
            slos.define("w" + i).customerFacing("w").ownedBy(Owner.product("p"), Owner.engineering("e")).sli(Sli.ratio()).target(0.99)
                    .window(windows.get(i)).register().recordCounts(99, 1);
        }
        Document page = PageXml.parse(StatusPage.html(slos, Audience.CUSTOMER));
        for (int i = 0; i < windows.size(); i++) {
            Chart chart = Chart.of(section(page, "w" + i));
            assertTrue(chart.at().size() >= 10 && chart.at().size() <= 202, windows.get(i) + ": " + chart.at().size() + " points");
            assertEquals(0.0, chart.remaining().get(chart.remaining().size() - 1), 1e-12, windows.get(i).toString());
        }
        assertEquals(Duration.ofMinutes(1), BurnDown.resolution(Duration.ofHours(1)));
        assertEquals(Duration.ofMinutes(2), BurnDown.resolution(Duration.ofHours(6)));
        assertEquals(Duration.ofMinutes(10), BurnDown.resolution(Duration.ofDays(1)));
        assertEquals(Duration.ofHours(1), BurnDown.resolution(Duration.ofDays(7)));
        assertEquals(Duration.ofHours(4), BurnDown.resolution(Duration.ofDays(30)));
        assertEquals(Duration.ofHours(12), BurnDown.resolution(Duration.ofDays(90)));
    }

    @Test
    void anEmptyRegistryHasAPageAndNullsAreRefused() {
        SloRegistry empty = SloRegistry.create(ManualClock.at(StatusScenario.NOW));
        Document page = PageXml.parse(StatusPage.html(empty, Audience.CUSTOMER));
        assertEquals("No customer promises are defined.", text(one(one(page.getDocumentElement(), "main", null), "p", "note")));
        assertThrows(NullPointerException.class, () -> StatusPage.html(null, Audience.CUSTOMER));
        assertThrows(NullPointerException.class, () -> StatusPage.html(empty, null));
    }
}
