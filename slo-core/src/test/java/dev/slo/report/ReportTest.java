package dev.slo.report;

import static org.junit.jupiter.api.Assertions.*;

import dev.slo.Adherence;
import dev.slo.Audience;
import dev.slo.DownstreamConsumer;
import dev.slo.Exclusion;
import dev.slo.ManualClock;
import dev.slo.Owner;
import dev.slo.Report;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Window;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer report is safe to publish; the internal report holds what an engineering retro needs. */
final class ReportTest {
    private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final SloRegistry slos = SloRegistry.create(clock);
    private final Owner pm = Owner.product("pm-alice");
    private final Owner eng = Owner.engineering("eng-bob");
    private Slo checkout;
    private Slo ledger;

    /** Everything about the internal SLO that must never reach a customer. */
    private static final List<String> SECRETS = List.of(
            "ledger-writes-7f", "ledger replica lag stays small", "team-zebra", "billing-batch-zz", "nightly invoices stall",
            "eng-bob", "pm-alice");

    @BeforeEach
    void define() {
        checkout = slos.define("checkout-completes").customerFacing("Checkout completes")
                .ownedBy(pm, eng).sli(Sli.ratio()).target(0.999).window(Window.rolling(Duration.ofDays(30))).register();
        ledger = slos.define("ledger-writes-7f").internal("ledger replica lag stays small")
                .ownedBy(Owner.team("team-zebra")).sli(Sli.latency(Duration.ofMillis(300))).target(0.999)
                .window(Window.rolling(Duration.ofDays(30)))
                .consumers(new DownstreamConsumer("billing-batch-zz", DownstreamConsumer.Impact.BLOCKING, "nightly invoices stall")).register();
        checkout.recordCounts(99_950, 50);
        ledger.recordCounts(900, 100);     // all in the last minutes: a fast burn
        clock.advance(Duration.ofMinutes(1));
        checkout.revise(0.995, pm, "agreed in the Q1 review");
        checkout.revise(0.999, eng, "back to the published promise");
    }

    @Test
    void customer_report_shows_attainment_against_promise_budget_left_and_revisions() {
        Report r = slos.report(Audience.CUSTOMER);
        assertEquals(Audience.CUSTOMER, r.audience());
        assertEquals(Instant.parse("2026-01-01T00:01:00Z"), r.asOf());
        // 99 950 good of 100 000: attainment 99.950%; allowed bad 0.001 * 100 000 = 100, consumed 50/100, left 50.0%
        assertTrue(r.markdown().contains("| Checkout completes (checkout-completes) | 99.9% | rolling 30 days | 99.950% | 50.0% | met |"),
                r.markdown());
        assertTrue(r.markdown().contains("99.9% to 99.5% on 2026-01-01T00:01:00Z by the product owner: agreed in the Q1 review"), r.markdown());
        assertTrue(r.markdown().contains("99.5% to 99.9% on 2026-01-01T00:01:00Z by the engineering owner"), r.markdown());

        Map<String, Object> json = TinyJson.object(TinyJson.parse(r.json()));
        assertEquals("CUSTOMER", json.get("audience"));
        assertEquals("2026-01-01T00:01:00Z", json.get("asOf"));
        List<Object> list = TinyJson.array(json.get("slos"));
        assertEquals(1, list.size(), "customer SLOs only");
        Map<String, Object> slo = TinyJson.object(list.get(0));
        assertEquals("checkout-completes", slo.get("name"));
        assertEquals(new BigDecimal("0.999"), slo.get("target"));
        assertEquals(new BigDecimal("100000"), slo.get("events"));
        assertEquals(0.9995, ((BigDecimal) slo.get("attainment")).doubleValue(), 1e-12);
        assertEquals(0.5, ((BigDecimal) slo.get("budgetRemaining")).doubleValue(), 1e-12);
        assertEquals("met", slo.get("status"));
        List<Object> revisions = TinyJson.array(slo.get("revisions"));
        assertEquals(2, revisions.size());
        assertEquals("product", TinyJson.object(revisions.get(0)).get("byRole"));
        assertEquals("agreed in the Q1 review", TinyJson.object(revisions.get(0)).get("why"));
    }

    @Test
    void customer_report_never_names_or_reveals_internal_slos() {
        Report r = slos.report(Audience.CUSTOMER);
        for (String secret : SECRETS) {
            assertFalse(r.markdown().contains(secret), "markdown reveals " + secret);
            assertFalse(r.json().contains(secret), "json reveals " + secret);
        }
        String all = (r.markdown() + r.json()).toLowerCase(java.util.Locale.ROOT);
        assertFalse(all.contains("internal"), "not even that internal SLOs exist");
        assertFalse(all.contains("consumer"), all);
    }

    @Test
    void internal_report_shows_burn_alerts_consumers_revisions_and_advice() {
        Report r = slos.report(Audience.INTERNAL);
        String md = r.markdown();
        assertTrue(md.contains("2 SLOs (1 customer, 1 internal), 4 alerts firing"), md);
        assertTrue(md.contains("## ledger-writes-7f"), md);
        assertTrue(md.contains("Owners: engineering:team-zebra"), md);
        assertTrue(md.contains("Consumer billing-batch-zz (blocking): nightly invoices stall"), md);
        // 100 bad of 1 000 in the last minute: error ratio 0.1, burn 0.1 / 0.001 = 100 over every look-back
        assertTrue(md.contains("Burn rates: 5m 100.00, 30m 100.00, 1h 100.00, 2h 100.00, 6h 100.00, 1d 100.00, 3d 100.00"), md);
        // SRE Workbook ch. 5: the 1 h rule of a 30-day window pages at 14.4
        assertTrue(md.contains("**PAGE** firing: 2% of budget in 1h, burn 100.00 (5m: 100.00) against threshold 14.40"), md);
        assertTrue(md.contains("Revised 99.9% to 99.5% on 2026-01-01T00:01:00Z by product:pm-alice: agreed in the Q1 review"), md);
        assertTrue(md.contains("## Findings and advice"), md);
        assertTrue(md.contains("**UPTIME_ONLY_FOCUS**") == false, "a latency SLI is there");

        Map<String, Object> json = TinyJson.object(TinyJson.parse(r.json()));
        assertEquals("INTERNAL", json.get("audience"));
        Map<String, Object> internal = TinyJson.object(TinyJson.array(json.get("slos")).get(1));
        assertEquals("ledger-writes-7f", internal.get("name"));
        assertEquals(4, TinyJson.array(internal.get("alertsFiring")).size());
        Map<String, Object> page = TinyJson.object(TinyJson.array(internal.get("alertsFiring")).get(0));
        assertEquals("PAGE", page.get("severity"));
        assertEquals(14.4, ((BigDecimal) page.get("threshold")).doubleValue(), 1e-9);
        Map<String, Object> consumer = TinyJson.object(TinyJson.array(internal.get("consumers")).get(0));
        assertEquals(Map.of("name", "billing-batch-zz", "impact", "BLOCKING", "description", "nightly invoices stall"), consumer);
        List<Object> findings = TinyJson.array(json.get("findings"));
        assertEquals(slos.lint().size(), findings.size());
        assertNotNull(json.get("cascades"));
    }

    @Test
    void reports_of_an_empty_registry_are_valid() {
        SloRegistry empty = SloRegistry.create(clock);
        for (Audience a : Audience.values()) {
            Report r = empty.report(a);
            Map<String, Object> json = TinyJson.object(TinyJson.parse(r.json()));
            assertEquals(List.of(), json.get("slos"));
        }
        assertTrue(empty.report(Audience.CUSTOMER).markdown().contains("No customer promises are defined."));
        assertThrows(NullPointerException.class, () -> empty.report(null));
    }

    @Test
    void internal_report_shows_blame_and_early_warnings_while_the_customer_report_still_hides_the_cascade() {
        Slo auth = slos.define("auth-xyz").internal("auth answers").ownedBy(Owner.team("identity"))
                .sli(Sli.ratio()).target(0.9999).window(Window.rolling(Duration.ofDays(30))).register();
        auth.recordCounts(990, 10);
        slos.cascade(checkout).dependsOn(ledger).dependsOn(auth).build();
        // ledger attains 900/1000 = 0.9, auth 990/1000 = 0.99.
        // Blame: ln 0.9 / (ln 0.9 + ln 0.99) = -0.1053605 / -0.1154109 = 0.91292; auth the rest, 0.08708.
        String md = slos.report(Audience.INTERNAL).markdown();
        assertTrue(md.contains("### checkout-completes"), md);
        assertTrue(md.contains("Blame: ledger-writes-7f 91.3%, auth-xyz 8.7%"), md);
        // The ledger burns 0.1 / 0.001 = 100 for checkout while checkout itself burns 0.0005 / 0.001 = 0.5: a warning.
        assertTrue(md.contains("Early warning (PAGE 1h): ledger-writes-7f predicts a burn of 100.00 on checkout-completes"), md);
        // Predicted attainment 0.9 * 0.99 = 0.891
        assertTrue(md.contains("Predicted attainment 89.100%, observed 99.950%"), md);

        Map<String, Object> json = TinyJson.object(TinyJson.parse(slos.report(Audience.INTERNAL).json()));
        Map<String, Object> cascade = TinyJson.object(TinyJson.array(json.get("cascades")).get(0));
        assertEquals("checkout-completes", cascade.get("root"));
        Map<String, Object> top = TinyJson.object(TinyJson.array(cascade.get("blame")).get(0));
        assertEquals("ledger-writes-7f", top.get("slo"));
        assertEquals(0.9129168902066804, ((BigDecimal) top.get("share")).doubleValue(), 1e-9);

        Report customer = slos.report(Audience.CUSTOMER);
        for (String secret : List.of("ledger-writes-7f", "auth-xyz", "auth answers", "identity", "team-zebra")) {
            assertFalse(customer.markdown().contains(secret), "markdown reveals " + secret);
            assertFalse(customer.json().contains(secret), "json reveals " + secret);
        }
    }

    @Test
    void internal_report_gives_adherence_advice_for_a_durable_gap() {
        SloRegistry registry = SloRegistry.create(ManualClock.at(Instant.parse("2026-02-01T00:00:00Z")));
        ManualClock time = (ManualClock) registry.clock();
        Slo db = registry.define("db-writes").internal("db writes succeed").ownedBy(Owner.team("dba"))
                .sli(Sli.ratio()).target(0.999).window(Window.rolling(Duration.ofDays(30))).register();
        for (int day = 0; day < 10; day++) {
            db.recordCounts(995, 5);              // 99.5% every day: below 99.9% on all 10 days
            time.advance(Duration.ofDays(1));
        }
        Adherence adherence = db.adherence();
        assertTrue(adherence.durableGap());
        String md = registry.report(Audience.INTERNAL).markdown();
        assertTrue(md.contains("- Adherence: target met on 0 of 10 days with events in the last 30, a durable gap"), md);
        assertTrue(md.contains("- **Advice:** " + Formats.md(adherence.advice())), md);
        Map<String, Object> json = TinyJson.object(TinyJson.parse(registry.report(Audience.INTERNAL).json()));
        Map<String, Object> a = TinyJson.object(TinyJson.object(TinyJson.array(json.get("slos")).get(0)).get("adherence"));
        assertEquals(Boolean.TRUE, a.get("durableGap"));
        assertEquals(new BigDecimal("10"), a.get("daysMissed"));
        assertEquals(adherence.advice(), a.get("advice"));
    }

    @Test
    void markdown_escapes_text_that_would_break_a_table() {
        // A line break is refused at the builder, so the text that could break a table is | # *.
        slos.define("odd").customerFacing("Pay | refund # *now*").ownedBy(pm, eng).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(Duration.ofDays(7))).register();
        String md = slos.report(Audience.CUSTOMER).markdown();
        assertTrue(md.contains("| Pay \\| refund \\# \\*now\\* (odd) | 99% | rolling 7 days | n/a | n/a | no data |"), md);
    }

    @Test
    void internal_report_counts_events_excluded_for_maintenance_in_good_english() {
        Slo batch = slos.define("batch").internal("batch runs").ownedBy(Owner.team("ops")).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(Duration.ofDays(7)))
                .exclude(Exclusion.once(clock.instant(), Duration.ofMinutes(10), "upgrade")).register();
        batch.record(false);
        assertTrue(slos.report(Audience.INTERNAL).markdown().contains("- Excluded during maintenance: 1 event\n"));
        batch.record(false);
        assertTrue(slos.report(Audience.INTERNAL).markdown().contains("- Excluded during maintenance: 2 events\n"));
    }
}
