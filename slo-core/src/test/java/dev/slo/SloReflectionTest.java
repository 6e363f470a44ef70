package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** Slo as one public type: its methods, the recording half included, are Slo's own to reflection too. */
final class SloReflectionTest {

    /**
     * Frameworks call Slo reflectively (method handles, proxies, scripting): every public method, the
     * recording half included, is reachable through {@code Slo.class} and counts as a direct call does.
     */
    @Test
    void everyPublicMethodIsReachableReflectivelyThroughSlo() throws ReflectiveOperationException {
        Slo slo = Fixtures.complete(SloRegistry.create(Fixtures.clock()), "reflective").register();
        for (Method method : Slo.class.getMethods()) {
            if (method.getDeclaringClass() != Object.class) {
                assertEquals(Slo.class, method.getDeclaringClass(), method.toString());
            }
        }
        Slo.class.getMethod("record", boolean.class).invoke(slo, false);
        Slo.class.getMethod("recordCounts", long.class, long.class).invoke(slo, 9L, 0L);
        assertEquals(10, slo.errorBudget().total());
        assertEquals(1, slo.errorBudget().bad());
    }
}
