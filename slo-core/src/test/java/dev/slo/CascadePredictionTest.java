package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With failures exactly independent by construction, prediction and observation agree exactly. */
final class CascadePredictionTest {

    @Test
    void predictedAttainmentEqualsObservedForAFullFactorialOfIndependentFailures() {
        CascadeFixture f = new CascadeFixture();
        Slo checkout = f.customer("checkout", 0.99);
        Slo a = f.internal("a", 0.999);
        Slo b = f.internal("b", 0.999);
        Slo c = f.internal("c", 0.999);
        Cascade cascade = f.slos.cascade(checkout).dependsOn(a).dependsOn(b).dependsOn(c).build();
        // events are the digits (i, j, k) of 0..9999 in radix (10, 20, 50): a fails when i < 1, b when j < 2,
        // c when k < 3, so each failure set is independent of the others over the 10000 events.
        long bad = 0;
        for (int i = 0; i < 10; i++) {
            for (int j = 0; j < 20; j++) {
                for (int k = 0; k < 50; k++) {
                    boolean fa = i < 1;
                    boolean fb = j < 2;
                    boolean fc = k < 3;
                    a.record(!fa);
                    b.record(!fb);
                    c.record(!fc);
                    checkout.record(!(fa || fb || fc));
                    bad += (fa || fb || fc) ? 1 : 0;
                }
            }
        }
        f.clock.advance(Duration.ofMinutes(1));
        // a: 0.9, b: 0.9, c: 0.94 -> 0.9 * 0.9 * 0.94 = 0.7614; bad = 10000 - 7614 = 2386
        assertEquals(2386, bad);
        assertEquals(0.7614, checkout.errorBudget().attainment(), 1e-15);
        assertEquals(0.7614, cascade.predictedAttainment(), 1e-12);
        // and the prediction explains the customer's misses: no gap
        assertTrue(cascade.check().stream().noneMatch(x -> x.kind() == FindingKind.UNEXPLAINED_GAP));
    }
}
