package dev.slo.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

/*
 * The time tiers of one EventRecorder and the sums its queries read from them: rings of sealed buckets
 * at four resolutions (or the hourly one alone), plus the head of a calendar period that starts inside
 * an hour. Also builds the tiers of a SliceRecorder (newTiers, advance). Package-private.
 *
 * Assumptions and guarantees
 *  - Writers never touch this class: they add to the owner's stripes, and the owner drains them into
 *    the open buckets here (drainFrom, addOpen). Every instance method is called with the owner's roll lock held, by one
 *    thread at a time, so nothing here is concurrent and every field is plain.
 *  - The owner publishes the finest tier's boundary to writers itself, after advanceTo returns (a
 *    volatile write of its own field): this class only moves the tiers.
 *  - Readers (lookBacks, since, buckets) are called after the owner brought the tiers up to the
 *    effective now it passes in; they read the tiers only, so one query sees one consistent view, and
 *    good <= total in every sum because every bucket is added to as a (good, total) pair.
 *  - advanceTo clears at most every slot of each tier once, however far the clock jumped.
 *
 * Algorithm
 *  Tiers: 10 s x 36 (sharp 5-minute windows), 1 min x 360 (up to 6 hours), 5 min x 290 (up to 24
 *  hours 10 minutes: the 1-day windows), 1 h x (longest window, at least 30 days, + 1 day), so that the
 *  far edge of every alert window of the SRE Workbook policy blurs by at most 3.3% of its length. A
 *  30-day ratio SLO holds about 24 KB.
 *  A query sums the buckets of the finest tier that spans the look-back: O(slots of that tier). A
 *  look-back always includes the bucket holding now, so one shorter than a bucket sees that bucket (it
 *  blurs by at most one bucket, as every look-back).
 *  Calendar periods that start inside an hourly bucket (Asia/Kolkata's midnight is 18:30Z): when the
 *  hour holding a period start closes, the events of [period start, end of that hour) are summed from
 *  the minute tier, before it advances, and kept as the head, so that since(period start) stays exact
 *  once it reads hourly buckets. Null periodStart: nothing tracked (rolling windows).
 */
final class Tiers {
    static final long SECONDS_10 = 10_000L;
    static final long MINUTE = 60_000L;
    static final long FIVE_MINUTES = 300_000L;
    static final long HOUR = 3_600_000L;
    /** The hourly tier keeps at least this much history, whatever the window. */
    static final Duration MIN_HISTORY = Duration.ofDays(30);
    /** This object: header, the tier array reference, the head fields and the drain scratch (the tiers are counted apart). */
    private static final long OWN_BYTES = 48 + 32;

    /** Finest first. */
    private final TimeTier[] tiers;
    /** The start of the calendar period holding a time; null when no periods are tracked. */
    private LongUnaryOperator periodStart;
    /** The period start inside an hour last captured, and the events from it to the end of its hour. */
    private long headStart = Long.MIN_VALUE;
    private long headGood;
    private long headTotal;
    /** Every event counted live (drained from writers, or harvested late), ever: never restores or backfills. */
    private long liveGood;
    private long liveTotal;
    /** Scratch of drainFrom. */
    private final long[] drained = new long[2];

    /** The tiers of an EventRecorder, opened at {@code now} (see {@link #newTiers}). */
    Tiers(long now, Duration longestLookBack, boolean hourlyOnly) {
        this.tiers = newTiers(now, longestLookBack, hourlyOnly);
    }

    /** The history kept: the longest look-back, at least {@link #MIN_HISTORY}. */
    static long history(Duration longestLookBack) {
        return Math.max(longestLookBack.toMillis(), MIN_HISTORY.toMillis());
    }

    /**
     * The tiers, finest first, opened at {@code now}: 10 s x 36, 1 min x 360, 5 min x 290 and 1 h x
     * (history + 1 day), or the hourly one alone. Shared with {@link SliceRecorder}.
     */
    static TimeTier[] newTiers(long now, Duration longestLookBack, boolean hourlyOnly) {
        int hours = (int) ((history(longestLookBack) + HOUR - 1) / HOUR) + 24;
        return hourlyOnly ? new TimeTier[] {new TimeTier(HOUR, hours, now)} : new TimeTier[] {
            new TimeTier(SECONDS_10, 36, now),            // 6 min: the 5-minute window blurs 10 s (3.3%)
            new TimeTier(MINUTE, 360, now),               // 6 h: 30 min blurs 1 min (3.3%), 1 h, 2 h, 6 h less
            new TimeTier(FIVE_MINUTES, 290, now),         // 24 h 10 min: the 1-day window blurs 5 min (0.35%)
            new TimeTier(HOUR, hours, now),               // the window + 1 day: 3 days blur 1 h (1.4%)
        };
    }

    /** Seals every tier of {@code tiers} whose open bucket ended at or before {@code now}. Lock held. */
    static void advance(TimeTier[] tiers, long now) {
        for (TimeTier tier : tiers) {
            if (now >= tier.openEndMillis) {
                tier.advanceTo(now);
            }
        }
    }

    // ---------------------------------------------------------------- under the owner's lock

    /** How many tiers: 4, or 1 for an hourly-only recorder. */
    int count() {
        return tiers.length;
    }

    /** The bucket length of tier {@code level}, finest first. */
    long lengthMillis(int level) {
        return tiers[level].lengthMillis;
    }

    /** The finest tier: its open bucket's end is the boundary writers watch. */
    TimeTier finest() {
        return tiers[0];
    }

    /**
     * Drains the owner's stripes into the finest tier's open bucket, and adds the same delta to the open
     * bucket of every coarser tier: what writers added so far belongs to the buckets open now.
     */
    void drainFrom(StripedCounter counter) {
        long[] drained = this.drained;
        drained[0] = 0;
        drained[1] = 0;
        counter.drainInto(drained);
        addOpen(drained[0], drained[1]);
    }

    /** Adds events drained from writers to the open bucket of every tier: they belong to the buckets open now. */
    void addOpen(long good, long total) {
        liveGood += good;
        liveTotal += total;
        for (TimeTier tier : tiers) {
            tier.open[0] += good;
            tier.open[1] += total;
        }
    }

    /** As {@link #add}, for events counted live (late events of writers): they count in {@link #live} too. */
    void addLive(long at, long good, long total) {
        add(at, good, total);
        liveGood += good;
        liveTotal += total;
    }

    /** {@return the events ever counted live: [0] good, [1] total} */
    long[] live() {
        return new long[] {liveGood, liveTotal};
    }

    /**
     * Adds counts to the bucket holding {@code at} in every tier, if still kept; the tiers are at or past
     * {@code at}. An instant in a captured head (after a period start inside an hour already closed)
     * counts in the head too, so that sums since that start stay exact.
     */
    void add(long at, long good, long total) {
        for (TimeTier tier : tiers) {
            tier.add(Math.floorDiv(at, tier.lengthMillis), good, total);
        }
        long hour = tiers[tiers.length - 1].lengthMillis;
        if (headStart != Long.MIN_VALUE && at >= headStart && at < -Math.floorDiv(-headStart, hour) * hour) {
            headGood += good;
            headTotal += total;
        }
    }

    /**
     * Seals every tier whose open bucket ended at or before {@code now}; first, when the hour closing
     * holds a tracked period start, captures its head. The owner has drained the stripes into the
     * closing buckets before.
     */
    void advanceTo(long now) {
        TimeTier coarsest = tiers[tiers.length - 1];
        if (periodStart != null && tiers.length > 1 && now >= coarsest.openEndMillis) {
            captureHead(coarsest.openStartMillis(), coarsest.openEndMillis);   // before the minutes advance
        }
        advance(tiers, now);
    }

    /**
     * Tracks the starts of calendar periods, {@code periodStart(t)} being the start of the period holding
     * {@code t}, so that sums since a start inside an hour stay exact (see the class notes).
     */
    void trackPeriodStarts(LongUnaryOperator periodStart) {
        this.periodStart = periodStart;
    }

    /** The hour [hourStart, hourEnd) is closing: keep the events after a period start inside it. */
    private void captureHead(long hourStart, long hourEnd) {
        long start = periodStart.applyAsLong(hourEnd - 1);  // allocates, once an hour at most
        if (start <= hourStart || start >= hourEnd) {
            return;
        }
        TimeTier minutes = tiers[1];                      // not yet advanced: holds the whole closing hour
        long[] one = new long[2];
        long good = 0;
        long total = 0;
        for (long k = -Math.floorDiv(-start, minutes.lengthMillis), end = hourEnd / minutes.lengthMillis; k < end; k++) {
            minutes.bucket(k, one);
            good += one[0];
            total += one[1];
        }
        headStart = start;
        headGood = good;
        headTotal = total;
    }

    /** {@return a copy of every tier and the head, with {@code latency} (null for none)} */
    RecorderCounts counts(LatencyCounts latency) {
        List<TierCounts> copies = new ArrayList<>(tiers.length);
        for (TimeTier tier : tiers) {
            copies.add(tier.copy());
        }
        return new RecorderCounts(copies, headStart, headGood, headTotal, latency);
    }

    /**
     * The sum of {@code own} (a copy of these tiers now) and {@code copy}, which must end no later than these
     * open buckets (see {@link EventRecorder#add}); loads nothing.
     */
    static RecorderCounts sumNotLater(RecorderCounts own, RecorderCounts copy) {
        if (copy.endMillis() > own.endMillis()) {
            throw new IllegalArgumentException("counts up to " + copy.endMillis() + " ms are later than the bucket open until "
                    + own.endMillis() + " ms");
        }
        return RecorderCounts.sum(own, copy);             // checks that the tiers line up, before anything changes
    }

    /**
     * Replaces the buckets and the head with {@code counts}, whose tiers match these and end at these
     * open buckets (a sum with {@link #counts(LatencyCounts)} of the same moment).
     */
    void load(RecorderCounts counts) {
        for (int i = 0; i < tiers.length; i++) {
            tiers[i].load(counts.tiers().get(i));
        }
        headStart = counts.headStartMillis();
        headGood = counts.headGood();
        headTotal = counts.headTotal();
    }

    // ---------------------------------------------------------------- readers (the owner has caught up to effectiveNow)

    /** For each look-back: the events of the buckets covering {@code (effectiveNow - lookBack, effectiveNow]}. */
    Tally[] lookBacks(long effectiveNow, long[] lookBackMillis) {
        Tally[] out = new Tally[lookBackMillis.length];
        for (int i = 0; i < lookBackMillis.length; i++) {
            TimeTier tier = tierSpanning(lookBackMillis[i]);
            // The bucket holding now is in every look-back, however short.
            long from = Math.min(Math.floorDiv(effectiveNow - lookBackMillis[i], tier.lengthMillis) + 1, tier.openIndex);
            out[i] = sumFrom(tier, from, 0, 0);
        }
        return out;
    }

    /** The events since {@code startMillis}, exact at a tracked period start inside an hour. */
    Tally since(long effectiveNow, long startMillis) {
        TimeTier tier = tierSpanning(Math.max(1, effectiveNow - startMillis));
        long from = -Math.floorDiv(-startMillis, tier.lengthMillis);   // first bucket starting at or after start
        boolean head = startMillis == headStart && from * tier.lengthMillis != startMillis;
        // the part of the first hour after the start (see captureHead)
        return sumFrom(tier, from, head ? headGood : 0, head ? headTotal : 0);
    }

    private static Tally sumFrom(TimeTier tier, long fromIndex, long good, long total) {
        long[] sum = {good, total};
        tier.sumFrom(fromIndex, sum);
        return Tally.ofEvents(sum[0], sum[1]);
    }

    /** See {@link EventRecorder#buckets}. */
    Buckets buckets(long effectiveNow, long resolutionMillis, long lookBackMillis) {
        TimeTier tier = null;
        for (TimeTier t : tiers) {
            if (resolutionMillis % t.lengthMillis == 0 && lookBackMillis <= t.spanMillis()) {
                tier = t;
                break;
            }
        }
        if (tier == null) {
            StringBuilder spans = new StringBuilder();
            for (TimeTier t : tiers) {
                spans.append(spans.length() == 0 ? "" : ", ").append(Durations.format(Duration.ofMillis(t.lengthMillis)))
                        .append(" up to ").append(Durations.format(Duration.ofMillis(t.spanMillis())));
            }
            throw new IllegalArgumentException("no history at resolution " + Durations.format(Duration.ofMillis(resolutionMillis))
                    + " over " + Durations.format(Duration.ofMillis(lookBackMillis)) + "; the resolution must be a multiple of a"
                    + " bucket length, within that tier's span: " + spans);
        }
        long last = Math.floorDiv(effectiveNow, resolutionMillis);
        long first = Math.min(Math.floorDiv(effectiveNow - lookBackMillis, resolutionMillis) + 1, last);
        int n = (int) (last - first + 1);
        Tally[] out = new Tally[n];
        long perBucket = resolutionMillis / tier.lengthMillis;
        long[] one = new long[2];
        for (int i = 0; i < n; i++) {
            long good = 0;
            long total = 0;
            long fineFrom = (first + i) * perBucket;
            for (long k = fineFrom; k < fineFrom + perBucket; k++) {
                tier.bucket(k, one);
                good += one[0];
                total += one[1];
            }
            out[i] = Tally.ofEvents(good, total);
        }
        return new Buckets(first * resolutionMillis, resolutionMillis, out);
    }

    /**
     * The start of the oldest bucket a look-back of {@link #historyMillis()} at {@code now} covers: the
     * earliest instant whose counts a query can still see. Reads final fields only: needs no lock.
     */
    long oldestCoveredMillis(long now) {
        TimeTier coarsest = tiers[tiers.length - 1];
        return (Math.floorDiv(now - coarsest.spanMillis(), coarsest.lengthMillis) + 1) * coarsest.lengthMillis;
    }

    /** How far back the coarsest tier answers. Reads final fields only: needs no lock. */
    long historyMillis() {
        return tiers[tiers.length - 1].spanMillis();
    }

    private TimeTier tierSpanning(long lookBackMillis) {
        for (TimeTier tier : tiers) {
            if (lookBackMillis <= tier.spanMillis()) {
                return tier;
            }
        }
        throw new IllegalArgumentException("lookBack must be at most " + Durations.format(Duration.ofMillis(historyMillis()))
                + " (the history this SLO keeps), got " + Durations.format(Duration.ofMillis(lookBackMillis)));
    }

    /** Bytes held, approximately: this object and every tier. */
    long footprintBytes() {
        long bytes = OWN_BYTES;
        for (TimeTier tier : tiers) {
            bytes += tier.footprintBytes();
        }
        return bytes;
    }
}
