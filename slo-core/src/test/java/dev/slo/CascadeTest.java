package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Compounding, prediction, blame and checks of a cascade against hand-worked numbers. */
final class CascadeTest {
    private final CascadeFixture f = new CascadeFixture();

    @Test
    void compoundedTarget_threeCriticalDependenciesAtFourAndAHalfNines() {
        Slo checkout = f.customer("checkout", 0.998);
        Cascade c = f.slos.cascade(checkout)
                .dependsOn(f.internal("auth", 0.9995))
                .dependsOn(f.internal("payments", 0.9995))
                .dependsOn(f.internal("inventory", 0.9995))
                .build();
        // 0.9995^3 = 0.99900025 * 0.9995 = 0.998500749875 (the figure)
        assertEquals(0.998500749875, c.compoundedTarget(), 1e-15);
    }

    @Test
    void compoundedTarget_mixedTargetsMultiply() {
        Slo checkout = f.customer("checkout", 0.997);
        Cascade c = f.slos.cascade(checkout)
                .dependsOn(f.internal("a", 0.999)).dependsOn(f.internal("b", 0.999)).dependsOn(f.internal("c", 0.9995))
                .build();
        // 0.999 * 0.999 = 0.998001; 0.998001 * 0.9995 = 0.998001 - 0.0004990005 = 0.9975019995
        assertEquals(0.9975019995, c.compoundedTarget(), 1e-15);
    }

    @Test
    void compoundedTarget_callShareScalesTheDependencysFailure() {
        Slo checkout = f.customer("checkout", 0.998);
        Cascade c = f.slos.cascade(checkout)
                .dependsOn(f.internal("auth", 0.9995))
                .dependsOn(f.internal("payments", 0.9995))
                .dependsOn(f.internal("search", 0.999), 0.25)
                .build();
        // search fails 0.001 of its calls, made by 25% of checkouts: factor 1 - 0.25 * 0.001 = 0.99975
        // 0.9995^2 = 0.99900025; 0.99900025 * 0.99975 = 0.9987504999375
        assertEquals(0.9987504999375, c.compoundedTarget(), 1e-15);
    }

    @Test
    void compoundedTarget_redundantGroupFailsOnlyWhenAllFail() {
        Slo checkout = f.customer("checkout", 0.999);
        Cascade c = f.slos.cascade(checkout)
                .dependsOnAny(f.internal("replica-a", 0.99), f.internal("replica-b", 0.99))
                .dependsOn(f.internal("db", 0.9999))
                .build();
        // group: 1 - (1 - 0.99)(1 - 0.99) = 1 - 0.0001 = 0.9999; times db 0.9999 = 0.99980001
        assertEquals(0.99980001, c.compoundedTarget(), 1e-15);
    }

    @Test
    void predictedAttainment_multipliesObservedAttainments() {
        Slo checkout = f.customer("checkout", 0.999);
        Slo auth = f.internal("auth", 0.9995);
        Slo payments = f.internal("payments", 0.9995);
        Cascade c = f.slos.cascade(checkout).dependsOn(auth).dependsOn(payments).build();
        auth.recordCounts(998, 2);       // 0.998
        payments.recordCounts(990, 10);  // 0.99
        f.clock.advance(Duration.ofMinutes(1));
        // 0.998 * 0.99 = 0.98802
        assertEquals(0.98802, c.predictedAttainment(), 1e-12);
    }

    @Test
    void predictedAttainment_isOneWithoutAnyEvents() {
        Slo checkout = f.customer("checkout", 0.999);
        Cascade c = f.slos.cascade(checkout).dependsOn(f.internal("auth", 0.9995)).build();
        assertEquals(1.0, c.predictedAttainment());
    }

    @Test
    void predictedBurnRate_foreseesTheCustomerBurnFromInternalBurns() {
        Slo checkout = f.customer("checkout", 0.999);
        Slo auth = f.internal("auth", 0.9995);
        Slo payments = f.internal("payments", 0.9995);
        Cascade c = f.slos.cascade(checkout).dependsOn(auth).dependsOn(payments).build();
        auth.recordCounts(1_000_000, 0);          // two days ago: all good
        payments.recordCounts(1_000_000, 0);
        f.clock.advance(Duration.ofDays(2));
        auth.recordCounts(998, 2);                 // the last hour: error ratios 0.002 and 0.01
        payments.recordCounts(990, 10);
        f.clock.advance(Duration.ofMinutes(10));
        // (1 - 0.998 * 0.99) / (1 - 0.999) = 0.01198 / 0.001 = 11.98
        assertEquals(11.98, c.predictedBurnRate(Duration.ofHours(1)), 1e-9);
        // over 3 days the old good events dilute it: auth 2/1001000, payments 10/1001000
        double expected = (1 - (1 - 2 / 1_001_000.0) * (1 - 10 / 1_001_000.0)) / 0.001;
        assertEquals(expected, c.predictedBurnRate(Duration.ofDays(3)), 1e-9);
    }

    @Test
    void blame_splitsTheLogOfTheShortfall() {
        Slo checkout = f.customer("checkout", 0.999);
        Slo auth = f.internal("auth", 0.9995);
        Slo payments = f.internal("payments", 0.9995);
        Cascade c = f.slos.cascade(checkout).dependsOn(auth).dependsOn(payments).build();
        auth.recordCounts(998, 2);
        payments.recordCounts(990, 10);
        f.clock.advance(Duration.ofMinutes(1));
        // ln(0.99) = -0.0100503359, ln(0.998) = -0.0020020027; payments: 0.0100503359 / 0.0120523386 = 0.8338909
        List<Contribution> blame = c.blame();
        assertEquals(payments, blame.get(0).slo());
        assertEquals(0.8338909360488448, blame.get(0).share(), 1e-12);
        assertEquals(auth, blame.get(1).slo());
        assertEquals(0.16610906395115527, blame.get(1).share(), 1e-12);
    }

    @Test
    void blame_withNothingFailedIsEvenlySplit() {
        Slo checkout = f.customer("checkout", 0.999);
        Cascade c = f.slos.cascade(checkout).dependsOn(f.internal("a", 0.9995)).dependsOn(f.internal("b", 0.9995))
                .dependsOnAny(f.internal("c", 0.99), f.internal("d", 0.99)).build();
        for (Contribution contribution : c.blame()) {
            assertEquals(0.25, contribution.share(), 1e-15);
        }
        assertEquals(4, c.blame().size());
    }

    @Test
    void blame_splitsAGroupsShareByItsMembersFailureRatios() {
        Slo checkout = f.customer("checkout", 0.99);
        Slo a = f.internal("a", 0.995);
        Slo b = f.internal("b", 0.995);
        Slo db = f.internal("db", 0.999);
        Cascade c = f.slos.cascade(checkout).dependsOnAny(a, b).dependsOn(db).build();
        a.recordCounts(90, 10);   // fails 0.1
        b.recordCounts(70, 30);   // fails 0.3
        db.recordCounts(97, 3);   // fails 0.03
        f.clock.advance(Duration.ofMinutes(1));
        // group fails 0.1 * 0.3 = 0.03, db fails 0.03: ln(0.97) each, half the blame each;
        // the group's half splits 0.1 : 0.3 -> a 0.125, b 0.375
        Map<String, Double> shares = c.blame().stream().collect(Collectors.toMap(x -> x.slo().name(), Contribution::share));
        assertEquals(0.5, shares.get("db"), 1e-12);
        assertEquals(0.125, shares.get("a"), 1e-12);
        assertEquals(0.375, shares.get("b"), 1e-12);
        assertEquals(List.of("db", "b", "a"), c.blame().stream().map(x -> x.slo().name()).toList());
    }

    @Test
    void blame_aDependencyThatFailedEverythingTakesItAll() {
        Slo checkout = f.customer("checkout", 0.99);
        Slo a = f.internal("a", 0.995);
        Slo b = f.internal("b", 0.995);
        Cascade c = f.slos.cascade(checkout).dependsOn(a).dependsOn(b).build();
        a.recordCounts(0, 10);
        b.recordCounts(90, 10);
        f.clock.advance(Duration.ofMinutes(1));
        assertEquals(a, c.blame().get(0).slo());
        assertEquals(1.0, c.blame().get(0).share());
        assertEquals(0.0, c.blame().get(1).share());
    }

    @Test
    void check_flagsAnInternalSloNotTighterThanItsCustomerWhateverItsShare() {
        Slo checkout = f.customer("checkout", 0.999);
        Cascade c = f.slos.cascade(checkout)
                .dependsOn(f.internal("auth", 0.9999))
                .dependsOn(f.internal("search", 0.999), 0.01)
                .build();
        List<Finding> findings = c.check();
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(FindingKind.INTERNAL_NOT_TIGHTER, finding.kind());
        assertEquals("search", finding.slo());
        assertTrue(finding.message().contains("0.9999"), finding.message()); // the advice: one extra nine
    }

    @Test
    void check_flagsTargetsThatCompoundBelowThePromise() {
        Slo checkout = f.customer("checkout", 0.999);
        Cascade c = f.slos.cascade(checkout)
                .dependsOn(f.internal("a", 0.9995)).dependsOn(f.internal("b", 0.9995)).dependsOn(f.internal("c", 0.9995))
                .build();
        // 0.998500749875 < 0.999; the equal split asks 1 - 0.001 / 3 = 0.99966... of each
        List<Finding> findings = c.check();
        assertEquals(List.of(FindingKind.CASCADE_TARGET_UNREACHABLE), findings.stream().map(Finding::kind).toList());
        assertEquals("checkout", findings.get(0).slo());
        assertTrue(findings.get(0).message().contains("0.9996666666666667"), findings.get(0).message());
    }

    @Test
    void check_isQuietForAHealthyCascade() {
        Slo checkout = f.customer("checkout", 0.999);
        Slo a = f.internal("a", 0.9999);
        Slo b = f.internal("b", 0.9999);
        Cascade c = f.slos.cascade(checkout).dependsOn(a).dependsOn(b).build();
        a.recordCounts(100_000, 3);
        b.recordCounts(100_000, 5);
        checkout.recordCounts(100_000, 8); // exactly what the dependencies explain
        f.clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), c.check());
    }

    @Test
    void check_redundantMembersMayBeLooserWhenTheGroupIsTighter() {
        Slo checkout = f.customer("checkout", 0.999);
        Cascade c = f.slos.cascade(checkout).dependsOnAny(f.internal("a", 0.99), f.internal("b", 0.99)).build();
        // group 1 - 0.01^2 = 0.9999 > 0.999: no finding
        assertEquals(List.of(), c.check());
    }

    @Test
    void check_reportsAGapThatNoDependencyExplains() {
        Slo checkout = f.customer("checkout", 0.999);
        Slo auth = f.internal("auth", 0.9999);
        Slo payments = f.internal("payments", 0.9999);
        Cascade c = f.slos.cascade(checkout).dependsOn(auth).dependsOn(payments).build();
        auth.recordCounts(100_000, 5);
        payments.recordCounts(100_000, 5);
        // predicted bad ~ 10 of 100010; observed 300: 290 unexplained, far beyond 3 sigma (~3.2) and 10% of the
        // allowed 100 bad events
        checkout.recordCounts(99_710, 300);
        f.clock.advance(Duration.ofMinutes(1));
        List<Finding> findings = c.check();
        assertEquals(List.of(FindingKind.UNEXPLAINED_GAP), findings.stream().map(Finding::kind).toList());
        assertEquals("checkout", findings.get(0).slo());
        assertTrue(findings.get(0).message().contains("no internal SLO covers"), findings.get(0).message());
    }

    @Test
    void check_doesNotCallChanceAGap() {
        Slo checkout = f.customer("checkout", 0.999);
        Slo auth = f.internal("auth", 0.9999);
        Cascade c = f.slos.cascade(checkout).dependsOn(auth).build();
        auth.recordCounts(99_900, 100);   // predicts 100 bad of 100000, sigma ~ 10
        checkout.recordCounts(99_880, 120); // 20 more than predicted: within 3 sigma + 2
        f.clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), c.check().stream().filter(x -> x.kind() == FindingKind.UNEXPLAINED_GAP).toList());
    }

    @Test
    void targetAllocation_countsTheCascadesDependencies() {
        Slo checkout = f.customer("checkout", 0.999);
        Cascade c = f.slos.cascade(checkout)
                .dependsOn(f.internal("a", 0.9999)).dependsOn(f.internal("b", 0.9999)).dependsOn(f.internal("c", 0.9999))
                .build();
        TargetAllocation allocation = c.targetAllocation();
        assertEquals(3, allocation.dependencies());
        assertEquals(0.9999, allocation.oneExtraNineTarget(), 1e-15);
    }

    /** predictedBurnRate uses {@code 1 - share * errorRatio} for a dependency on a share of events. */
    @Test
    void predictedBurnRateScalesByShare() {
        Slo checkout = f.customer("checkout", 0.999);
        Slo auth = f.internal("auth", 0.9995);
        Slo search = f.internal("search", 0.9995);
        Cascade journey = f.slos.cascade(checkout).dependsOn(auth).dependsOn(search, 0.25).build();
        f.clock.advance(Duration.ofMinutes(30));
        auth.recordCounts(1_000, 0);
        search.recordCounts(960, 40);
        f.clock.advance(Duration.ofMinutes(1));
        // P = (1 - 1 * 0) * (1 - 0.25 * 0.04) = 0.99; (1 - 0.99) / 0.001 = 10
        assertEquals(10.0, journey.predictedBurnRate(Duration.ofHours(1)), 1e-9);
    }
}
