package dev.slo;

import java.math.BigDecimal;

/** Checks and exact arithmetic for SLO targets. */
final class Targets {
    private Targets() {}

    /** Rejects anything but a fraction in (0,1), with the hint of {@link Args} when it looks like a percentage. */
    static double checkTarget(double target) {
        return checkTarget(target, "target");
    }

    /** As {@link #checkTarget(double)}, naming the parameter {@code name} in the message (e.g. "newTarget"). */
    static double checkTarget(double target, String name) {
        return Args.fractionOpen(target, name);
    }

    /** {@code 1 - target}, computed in decimal from the target's shortest decimal form: 0.999 gives 0.001. */
    static double budgetFraction(double target) {
        return BigDecimal.ONE.subtract(BigDecimal.valueOf(target)).doubleValue();
    }
}
