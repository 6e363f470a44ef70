package dev.slo;

import java.util.Objects;

/**
 * One thing {@link SloRegistry#lint()} (or a cascade's check) found wrong with an SLO programme, with
 * what to do about it.
 *
 * @param kind    what kind of pitfall
 * @param slo     the SLO's name, or {@code ""} for a registry-wide finding; never null
 * @param message what is wrong and what to do, in a sentence or two
 */
public record Finding(FindingKind kind, String slo, String message) {

    /**
     * Checks that every field is present.
     *
     * @param kind    what kind of pitfall, not null
     * @param slo     the SLO's name, or {@code ""} for a registry-wide finding; not null
     * @param message what is wrong and what to do, not null
     * @throws NullPointerException if an argument is null
     */
    public Finding {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(slo, "slo must not be null");
        Objects.requireNonNull(message, "message must not be null");
    }

    /**
     * A registry-wide finding (its {@link #slo()} is {@code ""}).
     *
     * @param kind    what kind of pitfall, not null
     * @param message what is wrong and what to do, not null
     * @return the finding, naming no SLO
     * @throws NullPointerException if {@code kind} or {@code message} is null
     */
    public static Finding registryWide(FindingKind kind, String message) {
        return new Finding(kind, "", message);
    }
}
