package dev.slo.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.ErrorBudget;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.TimeBucket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's example program and checks the story it prints: the page at the payments
 * incident, nothing outside it, and budgets that are the SLOs' own figures.
 */
final class CheckoutStoryTest {
    private static final Pattern ALERT = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d) UTC\\s+(\\S+)\\s+(PAGE|TICKET)\\s+(fired|cleared)\\b.*$");

    /** What {@code CheckoutStory.main} printed. */
    private static String printed;
    /** The same story told again, kept to ask its SLOs. */
    private static CheckoutStory story;
    private static String retold;

    @BeforeAll
    static void tellTheStory() {
        printed = Captured.stdout(() -> CheckoutStory.main(new String[0]));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        story = new CheckoutStory(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        story.tell();
        retold = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void mainPrintsEverySection() {
        assertTrue(printed.contains("== The SLOs =="), printed);
        assertTrue(printed.contains("twenty minutes into the payments incident =="), printed);
        assertTrue(printed.contains("== Alert timeline"), printed);
        assertTrue(printed.contains("== Error budgets on 2026-03-31 00:00 UTC"), printed);
    }

    @Test
    void theStoryIsTheSameEveryTime() {
        assertEquals(printed, retold);
    }

    @Test
    void customerPageFiresWithinMinutesOfTheIncident() {
        Instant fired = first("checkout-completes", "PAGE", "fired");
        // 30% of charges fail and checkout-svc retries once, so 0.30 * 0.30 = 9% of checkouts fail: a burn of
        // 0.09 / 0.001 = 90. The 1h/5m rule needs 14.4 over the last hour, i.e. 1.44% of the hour's checkouts
        // failed: 0.0144 / 0.09 = 16% of the hour, about 10 minutes.
        assertTrue(!fired.isBefore(CheckoutStory.INCIDENT_START)
                        && !fired.isAfter(CheckoutStory.INCIDENT_START.plus(Duration.ofMinutes(15))),
                "the customer page fires within 15 minutes of 14:10, got " + fired);
    }

    @Test
    void customerPageClearsSoonAfterTheIncident() {
        Instant cleared = first("checkout-completes", "PAGE", "cleared");
        // The slowest page rule (6h/30m, threshold 6) stops once the incident is less than 6/90 = 6.7% of the
        // last 30 minutes: about 28 minutes after 14:55.
        assertTrue(cleared.isAfter(CheckoutStory.INCIDENT_END)
                        && !cleared.isAfter(CheckoutStory.INCIDENT_END.plus(Duration.ofMinutes(35))),
                "the customer page clears within 35 minutes after 14:55, got " + cleared);
    }

    @Test
    void paymentsPagesItsTeamNoLaterThanTheCustomerPage() {
        // payments sees every failed charge first-hand (30%), against a budget a fifth of checkout's (0.0002)
        assertFalse(first("payments-succeed", "PAGE", "fired").isAfter(first("checkout-completes", "PAGE", "fired")));
    }

    @Test
    void noAlertOutsideTheIncident() {
        List<String[]> alerts = alerts();
        assertFalse(alerts.isEmpty());
        int fired = 0;
        int cleared = 0;
        for (String[] a : alerts) {
            Instant at = Instant.parse(a[0] + "T" + a[1] + ":00Z");
            assertTrue(a[2].equals("checkout-completes") || a[2].equals("payments-succeed"),
                    "only checkout and payments alert, got " + String.join(" ", a));
            if (a[4].equals("fired")) {
                fired++;
                assertTrue(at.isAfter(CheckoutStory.INCIDENT_START) && !at.isAfter(CheckoutStory.INCIDENT_END),
                        "an alert fires only during the incident, got " + String.join(" ", a));
            } else {
                cleared++;
                // the slowest rule (3d/6h) forgets the incident once its 6-hour short window has passed it
                assertTrue(at.isAfter(CheckoutStory.INCIDENT_END)
                                && at.isBefore(CheckoutStory.INCIDENT_END.plus(Duration.ofHours(6))),
                        "an alert clears within 6 hours after the incident, got " + String.join(" ", a));
            }
        }
        assertEquals(fired, cleared, "every alert that fired has cleared by the end of the month");
    }

    @Test
    void snapshotShowsTheBurnTheIncidentImplies() {
        // 30% of charges fail: payments burns 0.30 / 0.0002 = 1500; with one retry 9% of checkouts fail, so
        // checkout burns 0.09 / 0.001 = 90 (over the last 5 minutes, all inside the incident; the margins
        // are about three standard deviations of sampling noise over some 2,500 checkouts)
        assertEquals(90, snapshotBurn5m("checkout-completes"), 20);
        assertEquals(1500, snapshotBurn5m("payments-succeed"), 150);
        assertTrue(snapshotBurn5m("auth-latency") < 1);
    }

    /** The story's targets, as CheckoutStory declares them. */
    private static final Map<String, String> TARGETS = Map.of("checkout-completes", "0.999", "auth-latency", "0.9998",
            "payments-succeed", "0.9998", "inventory-lookups-succeed", "0.9998", "search-succeeds", "0.9995");
    /** Each dependency's share of checkouts in the story's cascade: search re-runs on a quarter of them. */
    private static final Map<String, String> SHARES = Map.of("auth-latency", "1", "payments-succeed", "1",
            "inventory-lookups-succeed", "1", "search-succeeds", "0.25");

    @Test
    void printedBudgetsFollowFromThePrintedCounts() {
        // From each row's events and bad and the declared target, by the definitions (in BigDecimal): attained =
        // good / total, allowed = (1 - target) * total, consumed = bad / allowed, remaining = 1 - consumed; burn
        // rates from the SLO's timeline (1-minute buckets up to 6 h, hourly beyond): (bad / total) / (1 - target).
        String budgets = printed.substring(printed.indexOf("== Error budgets"));
        assertEquals(TARGETS.keySet(), story.registry().all().stream().map(Slo::name).collect(java.util.stream.Collectors.toSet()));
        for (Slo slo : story.registry().all()) {
            String name = slo.name();
            String[] row = row(budgets, name);
            BigDecimal target = new BigDecimal(TARGETS.get(name));
            assertEquals(target.movePointRight(2).stripTrailingZeros().toPlainString() + "%", row[1], name + " target");
            long total = Long.parseLong(row[3]);
            long bad = Long.parseLong(row[4]);
            assertTrue(total > 100_000 && bad > 0, name + ": a month of traffic with some failures, got " + total + "/" + bad);
            assertEquals(slo.errorBudget().total(), total, name + " events");
            assertEquals(slo.errorBudget().bad(), bad, name + " bad");
            BigDecimal fraction = BigDecimal.ONE.subtract(target);
            BigDecimal allowed = fraction.multiply(BigDecimal.valueOf(total));
            BigDecimal consumed = BigDecimal.valueOf(bad).divide(allowed, MathContext.DECIMAL64);
            BigDecimal attained = BigDecimal.valueOf(total - bad).divide(BigDecimal.valueOf(total), MathContext.DECIMAL64);
            assertEquals(attained.doubleValue() * 100, percent(row[2]), 0.00005 + 1e-9, name + " attainment");
            assertEquals(allowed.doubleValue(), Double.parseDouble(row[5]), 0.05 + 1e-9, name + " allowed bad");
            assertEquals(consumed.doubleValue() * 100, percent(row[6]), 0.05 + 1e-9, name + " consumed");
            assertEquals(100 - consumed.doubleValue() * 100, percent(row[7]), 0.05 + 1e-9, name + " remaining");
            Duration[] lookBacks = {Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3)};
            for (int i = 0; i < lookBacks.length; i++) {
                Duration resolution = i < 2 ? Duration.ofMinutes(1) : Duration.ofHours(1);
                long g = 0;
                long t = 0;
                for (TimeBucket bucket : slo.timeline(resolution, lookBacks[i])) {
                    g += bucket.good();
                    t += bucket.total();
                }
                double burn = t == 0 ? 0.0 : BigDecimal.valueOf(t - g)
                        .divide(BigDecimal.valueOf(t).multiply(fraction), MathContext.DECIMAL64).doubleValue();
                assertEquals(burn, Double.parseDouble(row[8 + i]), 0.005 + 1e-9, name + " burn " + lookBacks[i]);
            }
            assertEquals(slo.footprintBytes() / 1024.0, Double.parseDouble(row[13].replace("KB", "")), 0.05);
            // a 30-day ratio SLO stays within 32 KB; a latency SLO also keeps its latency distribution, within 128 KB
            long bound = (slo.spec().sli() instanceof Sli.Latency ? 128 : 32) * 1024L;
            assertTrue(slo.footprintBytes() <= bound, "a 30-day SLO stays within " + bound + " bytes, got " + slo.footprintBytes());
        }
    }

    @Test
    void compoundedTargetIsTheProductOfTheInternalTargets() {
        // 0.9998^3 = 0.999400119992; search on a quarter of checkouts: 1 - 0.25 * 0.0005 = 0.999875;
        // 0.999400119992 * 0.999875 = 0.999275194977 (API.md section 5), above the 99.9% promise
        double expected = 0.999400119992 * 0.999875;
        assertEquals(expected, story.journey().compoundedTarget(), 1e-12);
        assertTrue(printed.contains("compounded target 0.999275195:"), printed);
        assertTrue(printed.contains("check(): no findings"), printed);
    }

    @Test
    void paymentsEarlyWarningComesMinutesBeforeTheCustomerPage() {
        Matcher warning = Pattern.compile("(?m)^first early warning  (\\S+) (\\S+) UTC: (\\S+) PAGE").matcher(printed);
        Matcher page = Pattern.compile("(?m)^first customer page  (\\S+) (\\S+) UTC: checkout-completes").matcher(printed);
        assertTrue(warning.find(), printed);
        assertTrue(page.find(), printed);
        Instant warned = Instant.parse(warning.group(1) + "T" + warning.group(2) + ":00Z");
        Instant paged = Instant.parse(page.group(1) + "T" + page.group(2) + ":00Z");

        assertEquals("payments-succeed", warning.group(3));
        // Payments alone predicts a checkout burn of 0.30 / 0.001 = 300 and reaches 14.4 over the hour after
        // 0.0144 / 0.30 * 60 = 2.9 minutes; checkout itself burns 90 and needs 0.0144 / 0.09 * 60 = 9.6 minutes.
        assertTrue(warned.isAfter(CheckoutStory.INCIDENT_START), "warned at " + warned);
        assertTrue(!warned.plus(Duration.ofMinutes(3)).isAfter(paged), "warned at " + warned + ", paged at " + paged);
        assertEquals(first("checkout-completes", "PAGE", "fired"), paged, "the page the watch saw is the timeline's");
        assertEquals(warned, story.watch().firstWarningAt().orElseThrow());
    }

    @Test
    void blameAfterTheIncidentNamesPaymentsFirst() {
        String section = printed.substring(printed.indexOf("== Blame at 2026-03-21 15:30 UTC"));
        List<String[]> rows = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (line.matches("^\\s+\\d+\\.\\d%\\s+\\S+\\s+attains.*")) {
                rows.add(line.trim().split("\\s+"));
            } else if (!rows.isEmpty()) {
                break;
            }
        }
        assertEquals(4, rows.size(), section);
        assertEquals("payments-succeed", rows.get(0)[1]);
        double sum = rows.stream().mapToDouble(r -> percent(r[0])).sum();
        assertEquals(100, sum, 0.2, "blame shares sum to 1");
        assertTrue(percent(rows.get(0)[0]) > 50, "payments carries most of the blame, got " + rows.get(0)[0]);
    }

    @Test
    void blameOverTheMonthFollowsFromTheDependenciesCounts() {
        // API.md section 5: e_i = 1 - share_i * (1 - attainment_i), blame_i = ln(e_i) / sum of ln(e_j), with each
        // dependency's attainment from the events and bad events the budget table printed for it.
        String budgets = printed.substring(printed.indexOf("== Error budgets"));
        Map<String, Double> logs = new java.util.HashMap<>();
        double sum = 0;
        for (Map.Entry<String, String> dependency : SHARES.entrySet()) {
            String[] row = row(budgets, dependency.getKey());
            double failed = Double.parseDouble(row[4]) / Double.parseDouble(row[3]);
            double log = Math.log1p(-Double.parseDouble(dependency.getValue()) * failed);
            logs.put(dependency.getKey(), log);
            sum += log;
        }
        String section = printed.substring(printed.indexOf("== Blame on 2026-03-31"));
        List<String> order = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (line.matches("^\\s+\\d+\\.\\d%\\s+\\S+\\s+attains.*")) {
                order.add(line.trim().split("\\s+")[1]);
            }
        }
        List<String> expectedOrder = new ArrayList<>(SHARES.keySet());
        expectedOrder.sort((a, b) -> Double.compare(logs.get(a), logs.get(b)));   // most negative log: largest share
        assertEquals(expectedOrder, order, section);
        assertEquals("payments-succeed", order.get(0));
        for (String name : SHARES.keySet()) {
            assertEquals(logs.get(name) / sum * 100, percent(row(section, "  ", name)[0]), 0.05 + 1e-9, name);
        }
    }

    @Test
    void readmeShowsTheCascadeLinesExactly() throws IOException {
        List<String> snippet = Snippets.between(
                Files.readAllLines(Path.of("src/main/java/dev/slo/examples/CheckoutStory.java")),
                "// cascade:begin", "// cascade:end");
        assertTrue(snippet.size() >= 5, snippet.toString());
        assertTrue(Snippets.readmeHolds(snippet),
                "README.md must hold the cascade of CheckoutStory.java line for line:\n" + String.join("\n", snippet));
    }

    @Test
    void readmeQuotesTheStorysOwnFigures() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        Matcher quoted = Pattern.compile("payments warns at (\\d\\d:\\d\\d)\\s+and checkout pages at (\\d\\d:\\d\\d)").matcher(readme);
        assertTrue(quoted.find(), "README.md quotes the early warning and the page");
        assertTrue(printed.contains("first early warning  2026-03-21 " + quoted.group(1) + " UTC"), quoted.group(1));
        assertTrue(printed.contains("first customer page  2026-03-21 " + quoted.group(2) + " UTC"), quoted.group(2));
        Matcher share = Pattern.compile("\\(payments (\\d+)%\\)").matcher(readme);
        assertTrue(share.find(), "README.md quotes payments' share of the blame");
        String section = printed.substring(printed.indexOf("== Blame at 2026-03-21 15:30 UTC"));
        assertEquals(Double.parseDouble(share.group(1)), percent(row(section, "  ", "payments-succeed")[0]), 0.5);
    }

    @Test
    void theIncidentSpendsPaymentsBudgetButCheckoutKeepsSome() {
        // the tighter internal target gives out first: that is what it is for
        ErrorBudget payments = story.registry().find("payments-succeed").orElseThrow().errorBudget();
        ErrorBudget checkout = story.registry().find("checkout-completes").orElseThrow().errorBudget();
        assertTrue(payments.exhausted(), payments.toString());
        assertTrue(checkout.remaining() > 0, checkout.toString());
    }

    // ---------------------------------------------------------------- reading the output

    private static List<String[]> alerts() {
        List<String[]> found = new ArrayList<>();
        for (String line : printed.split("\n")) {
            Matcher m = ALERT.matcher(line);
            if (m.matches()) {
                found.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)});
            }
        }
        return found;
    }

    private static Instant first(String slo, String severity, String change) {
        return alerts().stream()
                .filter(a -> a[2].equals(slo) && a[3].equals(severity) && a[4].equals(change))
                .map(a -> Instant.parse(a[0] + "T" + a[1] + ":00Z"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(slo + " " + severity + " never " + change + " in\n" + printed));
    }

    private static double snapshotBurn5m(String slo) {
        String snapshot = printed.substring(printed.indexOf("twenty minutes into"), printed.indexOf("== Alert timeline"));
        return Double.parseDouble(row(snapshot, slo)[1]);
    }

    private static String[] row(String section, String slo) {
        return row(section, "", slo);
    }

    /** The first row of {@code section} that holds {@code slo} after {@code prefix} and a cell, split in cells. */
    private static String[] row(String section, String prefix, String slo) {
        return Arrays.stream(section.split("\n"))
                .filter(l -> prefix.isEmpty() ? l.startsWith(slo + " ") : l.startsWith(prefix) && l.contains(" " + slo + " "))
                .findFirst()
                .map(l -> l.trim().split("\\s+"))
                .orElseThrow(() -> new AssertionError("no row for " + slo + " in\n" + section));
    }

    private static double percent(String cell) {
        return Double.parseDouble(cell.replace("%", ""));
    }
}
