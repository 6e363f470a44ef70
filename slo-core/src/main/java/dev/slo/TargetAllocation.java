package dev.slo;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Internal targets that make a cascade's math work: for a customer target and {@code n} dependencies
 * each critical on every event, two ways to set the internal targets and the margin each leaves.
 *
 * <ul>
 *   <li><b>Equal split of the error budget</b>: each dependency gets {@code (1 - customerTarget) / n} of
 *       the budget, so its target is {@code 1 - (1 - customerTarget) / n}. The targets compound to at
 *       least the customer target for any {@code n} (Bernoulli's inequality), leaving nothing for the
 *       root service's own failures beyond that rounding.</li>
 *   <li><b>One extra nine</b>: each critical dependency is one nine better than the customer target,
 *       {@code 1 - (1 - customerTarget) / 10} (B. Treynor, M. Dahlin, V. Rau, B. Beyer, "The Calculus of
 *       Service Availability", ACM Queue 15(2), 2017). It works for fewer than about ten dependencies:
 *       a 99.99% service with five dependencies at 99.999% leaves 0.005% for itself.</li>
 * </ul>
 *
 * <pre>{@code
 * TargetAllocation a = TargetAllocation.of(0.999, 3);
 * a.equalSplitTarget();    // 1 - 0.001 / 3 = 0.99966...
 * a.oneExtraNineTarget();  // 0.9999
 * a.oneExtraNineMargin();  // 0.9999^3 - 0.999 = 0.000700...: left for the service itself
 * }</pre>
 *
 * <p>Every figure is derived from the two components, in decimal ({@link MathContext#DECIMAL128}).
 *
 * @param customerTarget the root's target, a fraction in (0,1)
 * @param dependencies   how many critical dependencies share its budget, at least 1
 */
public record TargetAllocation(double customerTarget, int dependencies) {

    /**
     * Checks the customer target and the number of dependencies.
     *
     * @param customerTarget the root's target, a fraction in (0,1)
     * @param dependencies   how many critical dependencies share its budget, at least 1
     * @throws IllegalArgumentException if {@code customerTarget} is not in (0,1) or {@code dependencies} is below 1
     */
    public TargetAllocation {
        Targets.checkTarget(customerTarget, "customerTarget");
        if (dependencies < 1) {
            throw new IllegalArgumentException("dependencies must be at least 1, got " + dependencies);
        }
    }

    /**
     * The allocation for {@code customerTarget} shared by {@code dependencies} critical dependencies.
     *
     * @param customerTarget the root's target, a fraction in (0,1)
     * @param dependencies   how many critical dependencies share its budget, at least 1
     * @return the allocation
     * @throws IllegalArgumentException if {@code customerTarget} is not in (0,1) or {@code dependencies} is below 1
     */
    public static TargetAllocation of(double customerTarget, int dependencies) {
        return new TargetAllocation(customerTarget, dependencies);
    }

    /** {@return each dependency's target under an equal split, {@code 1 - (1 - customerTarget) / dependencies}, in [customerTarget, 1)} */
    public double equalSplitTarget() {
        return equalSplit().doubleValue();
    }

    /**
     * {@code equalSplitTarget^dependencies - customerTarget}: never negative.
     *
     * @return the attainment left for the root service itself under an equal split, at least 0
     */
    public double equalSplitMargin() {
        return margin(equalSplit());
    }

    /** {@return each dependency's target under the one-extra-nine rule, {@code 1 - (1 - customerTarget) / 10}} */
    public double oneExtraNineTarget() {
        return oneExtraNine().doubleValue();
    }

    /**
     * {@code oneExtraNineTarget^dependencies - customerTarget}: negative when the rule of thumb does not
     * hold (about ten dependencies or more).
     *
     * @return the attainment left for the root service itself under the one-extra-nine rule; may be negative
     */
    public double oneExtraNineMargin() {
        return margin(oneExtraNine());
    }

    private BigDecimal budget() {
        return BigDecimal.ONE.subtract(BigDecimal.valueOf(customerTarget));
    }

    private BigDecimal equalSplit() {
        return BigDecimal.ONE.subtract(budget().divide(BigDecimal.valueOf(dependencies), MathContext.DECIMAL128));
    }

    private BigDecimal oneExtraNine() {
        return BigDecimal.ONE.subtract(budget().movePointLeft(1));
    }

    private double margin(BigDecimal each) {
        return each.pow(dependencies, MathContext.DECIMAL128).subtract(BigDecimal.valueOf(customerTarget)).doubleValue();
    }

    @Override
    public String toString() {
        return "TargetAllocation[customerTarget=" + customerTarget + ", dependencies=" + dependencies
                + ", equalSplitTarget=" + equalSplitTarget() + ", oneExtraNineTarget=" + oneExtraNineTarget() + "]";
    }
}
