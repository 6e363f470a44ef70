package dev.slo;

import dev.slo.engine.Durations;
import dev.slo.engine.EventRecorder;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/*
 * Decides on the hot path whether an event falls in one of an SLO's exclusions. Package-private.
 *
 * Assumptions and guarantees
 *  - A gate is immutable. It answers for clock readings t in [validFrom, end): excluded when t >= start.
 *    So the common case costs the writer one volatile read (Intake's gate field) and two or three
 *    comparisons, no allocation, no lock.
 *  - A reading outside [validFrom, end) (the clock crossed the end of the stretch it knows, or went
 *    back) makes the writer build a new gate from the same exclusions and publish it with a CAS
 *    (Intake.refreshGate). That allocates, but only at the edges of exclusions, not per call. A writer
 *    decides its own event by the gate it built, so a lost CAS changes nothing for it.
 *  - Exclusions change only under the Slo's specLock, where Intake.exclude publishes a new gate; a
 *    writer's CAS from the gate it read fails if the exclusions changed since, so a stale list never
 *    overwrites a new one.
 *
 * Algorithm
 *  For each exclusion, the occurrence active at t or the next one to start after it. If one is active,
 *  the gate is excluded from t until the end of the merged run of occurrences that touch or overlap;
 *  otherwise it is open until the earliest next start, then excluded until the end of that merged run.
 */
final class ExclusionGate {
    /** Bounds the merging of back-to-back occurrences; a longer chain is picked up by the next refresh. */
    private static final int MAX_MERGES = 64;

    final List<Exclusion> exclusions;
    /** Where excluded events are counted; null while the SLO has never had an exclusion. */
    final EventRecorder excludedRecorder;
    final long validFrom;
    final long start;
    final long end;

    private ExclusionGate(List<Exclusion> exclusions, EventRecorder excludedRecorder, long validFrom, long start, long end) {
        this.exclusions = exclusions;
        this.excludedRecorder = excludedRecorder;
        this.validFrom = validFrom;
        this.start = start;
        this.end = end;
    }

    /** A gate that never excludes (no exclusions) and never needs refreshing. */
    static ExclusionGate open(EventRecorder excludedRecorder) {
        return new ExclusionGate(List.of(), excludedRecorder, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /** The gate for {@code exclusions} as of clock reading {@code now}. */
    static ExclusionGate at(List<Exclusion> exclusions, EventRecorder excludedRecorder, long now) {
        if (exclusions.isEmpty()) {
            return open(excludedRecorder);
        }
        long[] occurrence = new long[2];
        long nextStart = Long.MAX_VALUE;
        boolean active = false;
        for (Exclusion exclusion : exclusions) {
            occurrence(exclusion, now, occurrence);
            if (occurrence[0] <= now) {
                active = true;
            }
            nextStart = Math.min(nextStart, occurrence[0]);
        }
        if (nextStart == Long.MAX_VALUE) {
            return new ExclusionGate(exclusions, excludedRecorder, now, Long.MAX_VALUE, Long.MAX_VALUE);
        }
        long start = active ? now : nextStart;
        return new ExclusionGate(exclusions, excludedRecorder, now, start, mergedEnd(exclusions, start, occurrence));
    }

    /**
     * The exclusions of {@code spec} with {@code exclusion} added, less the one-off exclusions that ended
     * before {@code forgetBefore} (older than the history kept, they can decide no event any more).
     *
     * @throws IllegalArgumentException if {@code spec} has {@code exclusion} already, or would hold more
     *     than {@link SloSpec#MAX_EXCLUSIONS}
     */
    static List<Exclusion> adding(SloSpec spec, Exclusion exclusion, long forgetBefore) {
        List<Exclusion> kept = new ArrayList<>();
        for (Exclusion e : spec.exclusions()) {
            if (e.equals(exclusion)) {
                throw new IllegalArgumentException("exclusion must not repeat one the SLO already has, got " + exclusion);
            }
            boolean forgotten = e instanceof Exclusion.Once once && once.end().toEpochMilli() < forgetBefore;
            if (!forgotten) {
                kept.add(e);
            }
        }
        if (kept.size() >= SloSpec.MAX_EXCLUSIONS) {
            throw new IllegalArgumentException("exclusion would be number " + (kept.size() + 1) + " of \"" + spec.name()
                    + "\", more than " + SloSpec.MAX_EXCLUSIONS + "; got " + exclusion);
        }
        kept.add(exclusion);
        return kept;
    }

    /** True when an event read at {@code now} can be decided by this gate. */
    boolean covers(long now) {
        return now >= validFrom && now < end;
    }

    /** Where the run of occurrences active at {@code t} ends. */
    private static long mergedEnd(List<Exclusion> exclusions, long t, long[] occurrence) {
        long end = t;
        for (int round = 0; round < MAX_MERGES; round++) {
            long extended = end;
            for (Exclusion exclusion : exclusions) {
                occurrence(exclusion, end, occurrence);
                if (occurrence[0] <= end) {
                    extended = Math.max(extended, occurrence[1]);
                }
            }
            if (extended == end) {
                return end;
            }
            end = extended;
        }
        return end;
    }

    /**
     * Writes into {@code out} the occurrence of {@code exclusion} active at {@code t}, or else the next
     * one to start after {@code t}: {@code [out[0], out[1])} in epoch milliseconds; both
     * {@code Long.MAX_VALUE} when there is none.
     */
    static void occurrence(Exclusion exclusion, long t, long[] out) {
        out[0] = Long.MAX_VALUE;
        out[1] = Long.MAX_VALUE;
        long length = exclusion.length().toMillis();
        if (exclusion instanceof Exclusion.Once once) {
            long start = Durations.saturatedEpochMillis(once.start());
            long end = Durations.saturatedAdd(start, length);
            if (end > t) {
                out[0] = start;
                out[1] = end;
            }
        } else if (exclusion instanceof Exclusion.Weekly weekly) {
            LocalDate today = Instant.ofEpochMilli(t).atZone(weekly.zone()).toLocalDate();
            LocalDate latest = today.with(TemporalAdjusters.previousOrSame(weekly.day()));
            // The occurrence that started a week before the latest one may still run (up to 6 days long);
            // the one a week after the latest starts on a later local date, so after t.
            for (int week = -1; week <= 1; week++) {
                long start;
                try {
                    start = ZonedDateTime.of(latest.plusWeeks(week), weekly.start(), weekly.zone()).toInstant().toEpochMilli();
                } catch (ArithmeticException | DateTimeException e) {
                    continue;   // t is within two weeks of an end of the epoch-millisecond range: skip what lies beyond it
                }
                long end = Durations.saturatedAdd(start, length);
                if (end > t) {
                    out[0] = start;
                    out[1] = end;
                    return;
                }
            }
        }
    }
}
