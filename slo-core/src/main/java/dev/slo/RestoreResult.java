package dev.slo;

import java.util.List;
import java.util.Objects;

/**
 * What {@link SloRegistry#restore(Snapshot)} did: the SLOs whose counts it added, and the SLOs of the
 * snapshot that the registry does not define (left alone, for the caller to log or define and restore
 * again).
 *
 * @param restored the names of the SLOs restored, in the snapshot's order
 * @param ignored  the names of the snapshot's SLOs the registry lacks, in the snapshot's order
 */
public record RestoreResult(List<String> restored, List<String> ignored) {
    /**
     * Keeps unmodifiable copies.
     *
     * @param restored the names of the SLOs restored, not null
     * @param ignored  the names of the snapshot's SLOs the registry lacks, not null
     * @throws NullPointerException if a list or a name is null
     */
    public RestoreResult {
        restored = List.copyOf(Objects.requireNonNull(restored, "restored must not be null"));
        ignored = List.copyOf(Objects.requireNonNull(ignored, "ignored must not be null"));
    }
}
