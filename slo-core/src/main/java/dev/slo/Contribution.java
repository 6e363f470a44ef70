package dev.slo;

import java.util.Objects;

/**
 * One dependency's part in a customer SLO's shortfall, from {@link Cascade#blame()}.
 *
 * <pre>{@code
 * for (Contribution c : journey.blame()) {
 *     System.out.printf("%s: %.0f%%%n", c.slo().name(), 100 * c.share());
 * }
 * }</pre>
 *
 * @param slo   the dependency
 * @param share its fraction of the blame, in [0,1]; the shares of one {@code blame()} sum to 1
 */
public record Contribution(Slo slo, double share) {

    /**
     * Checks the dependency and its share.
     *
     * @param slo   the dependency, not null
     * @param share its fraction of the blame, in [0,1]
     * @throws NullPointerException if {@code slo} is null
     * @throws IllegalArgumentException if {@code share} is outside [0,1]
     */
    public Contribution {
        Objects.requireNonNull(slo, "slo must not be null");
        Args.fractionClosed(share, "share");
    }
}
