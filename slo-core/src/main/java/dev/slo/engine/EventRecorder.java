package dev.slo.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongUnaryOperator;

/*
 * The recorder behind one SLO: counts good and total events into time buckets at three
 * resolutions, for any number of writer threads, without locks or allocation on the write path.
 *
 * Assumptions and guarantees
 *  - Writers (record, recordCounts) may be any number of threads. They are lock-free: a writer reads
 *    the clock once, reads one volatile boundary, and adds to its stripe (StripedCounter). A writer
 *    that sees the boundary crossed tries the roll lock with tryLock; if another thread holds it, the
 *    writer parks its event in the late cells (TaggedCells) under the index of its own 10-second
 *    bucket and goes on without waiting. Writers never allocate. (Batches that find their stripe
 *    nearly full while a query holds the lock go to the counter's 64-bit spill, so no writer waits
 *    even then.)
 *  - Readers (the query methods) may be any number of threads; they take the roll lock (they may
 *    wait for one another and for a roll in progress, never for a writer), roll if a boundary has
 *    passed, drain the stripes into the open buckets and read the tiers. All tier state is touched
 *    only under the lock.
 *  - Exactness: every event is counted exactly once. It lands in the bucket of the clock reading it
 *    was recorded with, except that an event racing a roll may land in the adjacent, later bucket: one
 *    whose writer read the clock just before the boundary but adds to its stripe after the roll's
 *    drain. An event whose writer saw the boundary pass is never drained into an earlier bucket: it
 *    rolls first, or, when another thread holds the lock (however long, however far the clock moves
 *    meanwhile), it is parked under its own bucket's index and harvested into that bucket once the
 *    tiers reach it. Never in no bucket, never in two. Single-threaded, bucketing is exact.
 *    (Pathological case: the late cells hold 32 parked 10-second buckets, 16 minutes and 16 hours,
 *    counting good and bad apart. A writer that finds no 10-second cell free during one lock hold
 *    parks under its minute instead, then under its hour: such an event lands in the first 10-second
 *    bucket of its minute, or the first minute of its hour, and in the right bucket of every coarser
 *    tier. Only past 16 distinct hours of late events in one hold does it merge into the nearest hour
 *    parked, and past that, with every cell full, it goes to the open bucket: still counted once.)
 *  - Readings past LAST_MILLIS (some 292 million years from now, where bucket ends would overflow a
 *    long) count at LAST_MILLIS: saturated, never lost.
 *  - Clock safety: a reading earlier than the open bucket (the clock went back) counts in the open
 *    bucket, the newest; nothing is rewritten. A jump forward clears at most every slot once.
 *  - A query sees good <= total (the two are added in one atomic step) and, while no bucket leaves its
 *    window, counts that never go backwards.
 *
 * Algorithm
 *  Writers add to cumulative striped cells. The first thread to see the clock at or past the finest
 *  tier's boundary (nextRollMillis) rolls: it drains the stripes into the open bucket of every tier,
 *  seals each tier whose boundary has passed, harvests the late cells whose bucket the tiers now hold
 *  and publishes the next boundary. Queries do the same, then sum the buckets of the finest tier that
 *  spans the look-back: O(slots of that tier). A look-back always includes the bucket holding now, so
 *  one shorter than a bucket sees that bucket (it blurs by at most one bucket, as every look-back).
 *  Tiers: 10 s x 36 (sharp 5-minute windows), 1 min x 360 (up to 6 hours), 5 min x 290 (up to 24
 *  hours 10 minutes: the 1-day windows), 1 h x (longest window, at least 30 days, + 1 day), so that the far edge
 *  of every alert window of the SRE Workbook policy blurs by at most 3.3% of its length. A 30-day
 *  ratio SLO holds about 24 KB.
 *
 *  Latency SLIs also keep their latency distribution (LatencyRecorder): writers add to a log-linear bin
 *  in striped int cells beside the good/total add; every drain and roll here drains and rolls it too,
 *  under the same lock, into its own tiers (5 min, 1 h, 1 day).
 *
 * References: Hystrix's rolling number and Sentinel's LeapArray (rings of time buckets rolled by the
 *  first writer to cross a boundary), LongAdder (striping), HdrHistogram's Recorder (drain by swap).
 */
public final class EventRecorder implements Ledger, StripedCounter.GrowLock {
    static final long SECONDS_10 = 10_000L;
    static final long MINUTE = 60_000L;
    static final long FIVE_MINUTES = 300_000L;
    static final long HOUR = 3_600_000L;
    /** At most this many stripes (about 8.5 KB), so a 30-day ratio SLO stays within 32 KB on any machine. */
    public static final int MAX_STRIPES = 32;
    /** The most events one add to a stripe carries: larger batches are split into adds of this many. */
    public static final long MAX_STRIPE_BATCH = StripedCounter.MAX_BATCH;
    /** The bytes each stripe that contention adds holds (see {@link #footprintBytes()}). */
    public static final long STRIPE_BYTES = StripedCounter.Stripe.BYTES + 4;
    /** The hourly tier keeps at least this much history, whatever the window. */
    static final Duration MIN_HISTORY = Duration.ofDays(30);
    /**
     * The latest clock reading counted as itself; later ones count here. Two days short of
     * Long.MAX_VALUE, so that the end of any bucket (at most a day long) holding a reading fits a long.
     */
    public static final long LAST_MILLIS = Long.MAX_VALUE - 2 * 86_400_000L;
    /** Cells for late events, per tier finest first (512 bytes in all): see the class notes. */
    private static final int[] LATE_CELLS = {32, 16, 8, 8};
    private static final int GOOD_KIND = 0;
    private static final int BAD_KIND = 1;

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final StripedCounter counter;
    /** Events of writers that saw a boundary pass while another thread held the lock, by bucket index. */
    private final TaggedCells[] late;
    /** Finest first. */
    private final TimeTier[] tiers;
    /** The end of the finest tier's open bucket: the one volatile a writer reads. */
    private volatile long nextRollMillis;
    /** The latency distribution of a latency SLI; null for SLIs that keep none. */
    private final LatencyRecorder latency;
    /*
     * Calendar periods that start inside an hourly bucket (Asia/Kolkata's midnight is 18:30Z): when the
     * hour holding a period start closes, the events of [period start, end of that hour) are summed from
     * the minute tier and kept here, so that sumSince(period start) stays exact once it reads hourly
     * buckets. Null periodStart: nothing tracked (rolling windows). All fields under the lock.
     */
    private LongUnaryOperator periodStart;
    private long headStart = Long.MIN_VALUE;
    private long headGood;
    private long headTotal;

    /**
     * @param longestLookBack the longest window or alert look-back the SLO will ask about
     */
    public EventRecorder(Clock clock, Duration longestLookBack) {
        this(clock, longestLookBack, false, false);
    }

    /**
     * A recorder of the hourly tier alone (about 12 KB for 30 days instead of 19): for counts kept beside
     * the SLO's own that need no sharp edges, such as the events of exclusions. Not for timelines.
     */
    public static EventRecorder hourly(Clock clock, Duration longestLookBack) {
        return new EventRecorder(clock, longestLookBack, true, false);
    }

    /**
     * A recorder that also keeps the latency distribution of a latency SLI ({@link LatencyRecorder}).
     *
     * @param longestLookBack the longest window or alert look-back the SLO will ask about
     */
    public static EventRecorder keepingLatency(Clock clock, Duration longestLookBack) {
        return new EventRecorder(clock, longestLookBack, false, true);
    }

    /** @param keepLatency needs all the tiers: the latency tiers roll on the finest tier's boundaries */
    private EventRecorder(Clock clock, Duration longestLookBack, boolean hourlyOnly, boolean keepLatency) {
        this.clock = clock;
        this.counter = new StripedCounter(maxStripes());
        long now = Math.min(clock.millis(), LAST_MILLIS);
        this.tiers = newTiers(now, longestLookBack, hourlyOnly);
        this.late = new TaggedCells[tiers.length];
        for (int i = 0; i < tiers.length; i++) {
            late[i] = new TaggedCells(hourlyOnly ? 32 : LATE_CELLS[i], 1);
        }
        this.nextRollMillis = tiers[0].openEndMillis;
        this.latency = keepLatency ? new LatencyRecorder(history(longestLookBack), now) : null;
    }

    /** The history kept: the longest look-back, at least {@link #MIN_HISTORY}. */
    private static long history(Duration longestLookBack) {
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

    /** The most stripes writers may spread over: 2 x cpus rounded up to a power of two, at most {@link #MAX_STRIPES}. */
    public static int maxStripes() {
        int wanted = 2 * Runtime.getRuntime().availableProcessors();
        int pow2 = Integer.highestOneBit(Math.max(1, wanted - 1)) << 1;
        return Math.min(MAX_STRIPES, Math.max(2, pow2));
    }

    // ---------------------------------------------------------------- writers (lock-free)

    /** Counts one event. Lock-free, allocation-free. */
    public void record(boolean good) {
        record(good, clock.millis());
    }

    /** Counts one event at the clock reading {@code now} the caller took. Lock-free, allocation-free. */
    public void record(boolean good, long now) {
        if (now >= nextRollMillis && !tryRoll(now)) {     // roll before adding: the event belongs after the boundary
            park(now, good ? 1 : 0, good ? 0 : 1);        // or, when another thread holds the lock, park it by time
            return;
        }
        if (counter.add(good ? StripedCounter.GOOD_EVENT : StripedCounter.BAD_EVENT, this)) {
            tryFlush();
        }
    }

    /**
     * Counts one event with its latency: good or bad by {@code good}, and for a recorder that keeps a latency
     * distribution, the latency of a successful event in its bin (a failed one in the failure count).
     * {@code now} is the clock reading the caller took. Lock-free, allocation-free.
     */
    public void record(boolean good, boolean success, long latencyNanos, long now) {
        boolean flush;
        if (now >= nextRollMillis && !tryRoll(now)) {
            park(now, good ? 1 : 0, good ? 0 : 1);        // the latency bin below still goes to the open bucket
            flush = false;
        } else {
            flush = counter.add(good ? StripedCounter.GOOD_EVENT : StripedCounter.BAD_EVENT, this);
        }
        if (latency != null) {
            flush |= latency.add(success ? LatencyBins.bin(latencyNanos) : LatencyBins.FAILED);
        }
        if (flush) {
            tryFlush();
        }
    }

    /** Counts {@code good} good and {@code bad} bad events at once (both already checked >= 0). */
    public void recordCounts(long good, long bad) {
        recordCounts(good, bad, clock.millis());
    }

    /** Counts a batch at the clock reading {@code now} the caller took (both counts already checked >= 0). */
    public void recordCounts(long good, long bad, long now) {
        if (now >= nextRollMillis && !tryRoll(now)) {
            park(now, good, bad);
            return;
        }
        addToStripes(good, bad);
    }

    private void addToStripes(long good, long bad) {
        while (good > 0 || bad > 0) {
            long g = Math.min(good, StripedCounter.MAX_BATCH);
            long b = Math.min(bad, StripedCounter.MAX_BATCH);
            good -= g;
            bad -= b;
            if (counter.addBatch(g, g + b, this)) {
                tryFlush();
            }
        }
    }

    /**
     * Counts events found out later at an earlier clock reading {@code atMillis} (a scheduled run
     * whose deadline passed unreported): they land in the buckets of {@code atMillis} that are still
     * kept. Takes the lock (not a hot path).
     */
    public void recordAt(long now, long atMillis, long good, long bad) {
        lock.lock();
        try {
            long at = Math.min(Math.min(atMillis, LAST_MILLIS), catchUp(now));
            for (TimeTier tier : tiers) {
                tier.add(Math.floorDiv(at, tier.lengthMillis), good, good + bad);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Rolls to {@code now} if the lock is free; false when another thread holds it. Never waits. */
    private boolean tryRoll(long now) {
        if (!lock.tryLock()) {
            return false;                                 // losers never wait: they park their event (see park)
        }
        try {
            rollTo(now);
        } finally {
            lock.unlock();
        }
        return true;
    }

    /**
     * Parks events read at {@code now}, past the boundary, while another thread holds the lock: under the
     * index of their own finest bucket, where the roll that reaches it harvests them. Lock-free.
     */
    private void park(long now, long good, long bad) {
        long at = Math.min(now, LAST_MILLIS);
        if (good > 0) {
            parkKind(at, GOOD_KIND, good);
        }
        if (bad > 0) {
            parkKind(at, BAD_KIND, bad);
        }
    }

    /** Under the finest bucket holding {@code at} that finds a cell; see the class notes for when none does. */
    private void parkKind(long at, int kind, long count) {
        for (int level = 0; level < tiers.length; level++) {
            if (late[level].add(Math.floorDiv(at, tiers[level].lengthMillis), kind, count)) {
                return;
            }
        }
        int coarsest = tiers.length - 1;
        long index = Math.floorDiv(at, tiers[coarsest].lengthMillis);
        if (!late[coarsest].addNearest(index, kind, count)) {
            // Every late cell is full (68 billion events each): the open bucket takes them, still counted.
            addToStripes(kind == GOOD_KIND ? count : 0, kind == BAD_KIND ? count : 0);
        }
    }

    /** Drains early when a stripe passed FLUSH_AT, if the lock is free. Never waits. */
    private void tryFlush() {
        if (lock.tryLock()) {
            try {
                drainToTiers();
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public boolean tryAcquire() {
        return lock.tryLock();
    }

    @Override
    public void release() {
        lock.unlock();
    }

    // ---------------------------------------------------------------- under the lock

    /** Seals every tier whose open bucket ended at or before {@code now}. Lock held. */
    private void rollTo(long reading) {
        long now = Math.min(reading, LAST_MILLIS);
        if (now < nextRollMillis) {
            harvestLate();                                // late events of buckets the tiers hold already
            return;                                       // another thread rolled first
        }
        drainToTiers();                                   // what was added so far belongs to the closing buckets
        TimeTier coarsest = tiers[tiers.length - 1];
        if (periodStart != null && tiers.length > 1 && now >= coarsest.openEndMillis) {
            captureHead(coarsest.openStartMillis(), coarsest.openEndMillis);
        }
        for (TimeTier tier : tiers) {
            if (now >= tier.openEndMillis) {
                tier.advanceTo(now);
            }
        }
        if (latency != null) {
            latency.roll(now);                            // drained above: seals the latency buckets that closed
        }
        harvestLate();
        nextRollMillis = tiers[0].openEndMillis;          // volatile write: writers see the new boundary
    }

    /**
     * Moves every parked late event whose bucket the finest tier has reached into that bucket of every
     * tier. Cells of a later bucket (a writer read the clock after this roll's reading) wait for the roll
     * that reaches them. Lock held.
     */
    private void harvestLate() {
        long openEnd = tiers[0].openEndMillis;
        for (int level = 0; level < tiers.length; level++) {
            harvestLate(late[level], tiers[level].lengthMillis, openEnd);
        }
    }

    /** Harvests the cells of one tier's buckets ({@code lengthMillis}) that start before {@code openEnd}. */
    private void harvestLate(TaggedCells cells, long lengthMillis, long openEnd) {
        long reference = Math.floorDiv(openEnd - 1, lengthMillis);
        for (int i = 0, n = cells.size(); i < n; i++) {
            for (;;) {
                long word = cells.word(i);
                long count = TaggedCells.count(word);
                if (count == 0) {
                    break;
                }
                long at = cells.index(word, reference) * lengthMillis;
                if (at >= openEnd) {
                    break;                                // a later bucket than the tiers hold: a later roll takes it
                }
                if (cells.clear(i, word)) {               // else a writer added meanwhile: read it again
                    long good = cells.kind(word) == GOOD_KIND ? count : 0;
                    for (TimeTier tier : tiers) {
                        tier.add(Math.floorDiv(at, tier.lengthMillis), good, count);
                    }
                    break;
                }
            }
        }
    }

    /**
     * Tracks the starts of calendar periods, {@code periodStart(t)} being the start of the period holding
     * {@code t}, so that sums since a start inside an hour stay exact (see the head fields).
     */
    public void trackPeriodStarts(LongUnaryOperator periodStart) {
        lock.lock();
        try {
            this.periodStart = periodStart;
        } finally {
            lock.unlock();
        }
    }

    /** The hour [hourStart, hourEnd) is closing: keep the events after a period start inside it. Lock held. */
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

    private void drainToTiers() {
        long[] finest = tiers[0].open;
        long goodBefore = finest[0];
        long totalBefore = finest[1];
        counter.drainInto(finest);
        if (latency != null) {
            latency.drain();
        }
        long good = finest[0] - goodBefore;
        long total = finest[1] - totalBefore;
        for (int i = 1; i < tiers.length; i++) {
            tiers[i].open[0] += good;
            tiers[i].open[1] += total;
        }
    }

    /** Rolls and drains so the tiers are current as of {@code now}; returns the effective now. Lock held. */
    private long catchUp(long reading) {
        long now = Math.min(reading, LAST_MILLIS);
        rollTo(now);
        drainToTiers();
        return Math.max(now, tiers[0].openStartMillis());  // a clock that went back reads as the newest bucket
    }

    // ---------------------------------------------------------------- readers

    @Override
    public Tally[] lookBacks(long now, long... lookBackMillis) {
        lock.lock();
        try {
            long effectiveNow = catchUp(now);
            Tally[] out = new Tally[lookBackMillis.length];
            for (int i = 0; i < lookBackMillis.length; i++) {
                TimeTier tier = tierSpanning(lookBackMillis[i]);
                // The bucket holding now is in every look-back, however short.
                long from = Math.min(Math.floorDiv(effectiveNow - lookBackMillis[i], tier.lengthMillis) + 1, tier.openIndex);
                out[i] = sumFrom(tier, from, 0, 0);
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Tally since(long now, long startMillis) {
        lock.lock();
        try {
            long effectiveNow = catchUp(now);
            TimeTier tier = tierSpanning(Math.max(1, effectiveNow - startMillis));
            long from = -Math.floorDiv(-startMillis, tier.lengthMillis);   // first bucket starting at or after start
            boolean head = startMillis == headStart && from * tier.lengthMillis != startMillis;
            // the part of the first hour after the start (see captureHead)
            return sumFrom(tier, from, head ? headGood : 0, head ? headTotal : 0);
        } finally {
            lock.unlock();
        }
    }

    private static Tally sumFrom(TimeTier tier, long fromIndex, long good, long total) {
        long[] sum = {good, total};
        tier.sumFrom(fromIndex, sum);
        return Tally.ofEvents(sum[0], sum[1]);
    }

    /**
     * The buckets of {@code resolutionMillis} covering {@code (now - lookBack, now]}, oldest first, the
     * open one last (the bucket holding now is always there).
     *
     * @param now              the clock reading, epoch milliseconds
     * @param resolutionMillis a multiple of a tier's bucket length
     * @param lookBackMillis   how far back, within that tier's span
     * @return the buckets with the start of the first
     * @throws IllegalArgumentException if no tier holds that resolution over that look-back
     */
    public Buckets buckets(long now, long resolutionMillis, long lookBackMillis) {
        lock.lock();
        try {
            long effectiveNow = catchUp(now);
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
                    spans.append(spans.length() == 0 ? "" : ", ").append(Duration.ofMillis(t.lengthMillis))
                            .append(" up to ").append(Duration.ofMillis(t.spanMillis()));
                }
                throw new IllegalArgumentException("no history at resolution " + Duration.ofMillis(resolutionMillis)
                        + " over " + Duration.ofMillis(lookBackMillis) + "; the resolution must be a multiple of a"
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
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether this recorder keeps a latency distribution.
     *
     * @return true for a recorder made by {@link #keepingLatency}
     */
    public boolean keepsLatency() {
        return latency != null;
    }

    /**
     * The latency slot counts ({@link LatencyBins#SLOTS} of them) over {@code (now - lookBack, now]}, in one
     * consistent view; see {@link LatencyRecorder#sum}.
     *
     * @param now            the clock reading, epoch milliseconds
     * @param lookBackMillis how far back
     * @return the count of each latency slot
     */
    public long[] latencyCounts(long now, long lookBackMillis) {
        lock.lock();
        try {
            long effectiveNow = catchUp(now);
            return latency.sum(effectiveNow, lookBackMillis);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long historyMillis() {
        return tiers[tiers.length - 1].spanMillis();
    }

    private TimeTier tierSpanning(long lookBackMillis) {
        for (TimeTier tier : tiers) {
            if (lookBackMillis <= tier.spanMillis()) {
                return tier;
            }
        }
        throw new IllegalArgumentException("lookBack must be at most " + Duration.ofMillis(historyMillis())
                + " (the history this SLO keeps), got " + Duration.ofMillis(lookBackMillis));
    }

    @Override
    public long footprintBytes() {
        long bytes = 64 + counter.footprintBytes();
        for (TaggedCells cells : late) {
            bytes += cells.footprintBytes();
        }
        for (TimeTier tier : tiers) {
            bytes += tier.footprintBytes();
        }
        if (latency != null) {
            bytes += latency.footprintBytes();
        }
        return bytes;
    }

    /**
     * For tests: how many stripes writers spread over now.
     *
     * @return the stripe count
     */
    public int stripeCount() {
        return counter.stripeCount();
    }
}
