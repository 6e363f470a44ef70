package dev.slo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether releases may go on, by the error-budget policies of one SLO ({@link Slo#releaseDecision()}) or
 * of several ({@link SloRegistry#releaseDecision(java.util.Collection)}), and why: the one question a deploy
 * pipeline asks.
 *
 * <pre>{@code
 * ReleaseDecision d = slos.releaseDecision(List.of(checkout, payments));
 * if (!d.allowed()) {
 *     fail("release blocked: " + d.reason());   // "\"checkout\" stops releases: -12.5% of its rolling 30d error budget left, ..."
 * }
 * }</pre>
 *
 * @param allowed  whether releases may go on
 * @param reason   why, naming each SLO consulted that blocks (or, when allowed, each consulted), its budget
 *     left and its policy's rule
 * @param blocking the SLOs whose policy stops releases, in the order consulted; empty when allowed
 */
public record ReleaseDecision(boolean allowed, String reason, List<Slo> blocking) {

    /**
     * Checks the decision.
     *
     * @param allowed  whether releases may go on
     * @param reason   why; not blank
     * @param blocking the SLOs that block; empty exactly when {@code allowed}
     * @throws NullPointerException if {@code reason} or {@code blocking} is null
     * @throws IllegalArgumentException if {@code reason} is blank, or {@code blocking} is empty when not
     *     allowed or not empty when allowed
     */
    public ReleaseDecision {
        Objects.requireNonNull(reason, "reason must not be null");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank, got " + Text.quoted(reason));
        }
        blocking = List.copyOf(Objects.requireNonNull(blocking, "blocking must not be null"));
        if (allowed != blocking.isEmpty()) {
            throw new IllegalArgumentException("blocking must be empty exactly when allowed, got allowed " + allowed
                    + " with " + blocking.size() + " blocking");
        }
    }

    static ReleaseDecision allow(String reason) {
        return new ReleaseDecision(true, reason, List.of());
    }

    static ReleaseDecision block(Slo slo, String reason) {
        return new ReleaseDecision(false, reason, List.of(slo));
    }

    /** The decisions of several SLOs as one: allowed when each allows; the reasons of those that block, else of all. */
    static ReleaseDecision all(List<ReleaseDecision> decisions) {
        StringBuilder reason = new StringBuilder();
        List<Slo> blocking = new ArrayList<>();
        for (ReleaseDecision d : decisions) {
            blocking.addAll(d.blocking());
        }
        for (ReleaseDecision d : decisions) {
            if (blocking.isEmpty() || !d.allowed()) {
                reason.append(reason.length() == 0 ? "" : "\n").append(d.reason());
            }
        }
        return new ReleaseDecision(blocking.isEmpty(), reason.toString(), blocking);
    }

    /** Whether allowed, and the reason. */
    @Override
    public String toString() {
        return "ReleaseDecision[" + (allowed ? "allowed" : "blocked") + ": " + reason + "]";
    }
}
