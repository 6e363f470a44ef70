package dev.slo.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;
import java.util.function.LongUnaryOperator;

/*
 * The recorder behind one SLO: counts good and total events into time buckets for any number of
 * writer threads, without locks or allocation on the write path. This class is the writer path, the
 * roll and the readers' lock; the buckets and their sums are in Tiers, parked late events in LateEvents.
 *
 * Assumptions and guarantees
 *  - Writers (record, recordLatency, recordCounts) may be any number of threads. They are lock-free: a
 *    writer reads the clock once, reads one volatile boundary (nextRollMillis), and adds to its stripe
 *    (StripedCounter), or for an event with a latency, to its slot in the latency recorder's stripe:
 *    one add counts that event and bins its latency (LatencyRecorder), the drain derives its count. A writer that sees the boundary crossed tries the roll lock with tryLock; if
 *    another thread holds it, the writer parks its event by its own bucket's index (LateEvents) and
 *    goes on without waiting. Writers never allocate. (Batches that find their stripe nearly full while
 *    a query holds the lock go to the counter's 64-bit spill, so no writer waits even then.)
 *  - Readers (the query methods) may be any number of threads; they take the roll lock (they may wait
 *    for one another and for a roll in progress, never for a writer), catch up and read the tiers. The
 *    lock holder (the first writer past a boundary, an early flush, a query) drains the stripes into the
 *    open bucket of every tier, seals each tier whose boundary passed, harvests the late events whose
 *    buckets the tiers now hold, and only then publishes the next boundary (a volatile write). Tier
 *    state is touched only under the lock.
 *  - Exactness: every event is counted exactly once, in the bucket of its clock reading, except that an
 *    event racing a roll may land in the adjacent, later bucket (its writer read the clock just before
 *    the boundary but adds after the roll's drain). An event whose writer saw the boundary pass is never
 *    drained into an earlier bucket: it rolls first, or, when another thread holds the lock (however
 *    long, however far the clock moves meanwhile), it is parked under its own bucket's index and
 *    harvested into that bucket once the tiers reach it (LateEvents). Never in no bucket, never in two.
 *    Single-threaded, bucketing is exact.
 *  - Readings past LAST_MILLIS (where bucket ends would overflow a long) count at it: never lost. A
 *    reading earlier than the open bucket (the clock went back) counts in the open bucket; nothing is
 *    rewritten. A jump forward clears at most every slot once.
 *  - A query sees good <= total (added in one atomic step) and, while no bucket leaves its window,
 *    counts that never go backwards.
 *
 * Algorithm
 *  Writers add to cumulative striped cells; the lock holder drains them, as deltas, into the open
 *  buckets of tiers of 10 s, 1 min, 5 min and 1 h (Tiers); a latency SLI's slots (LatencyRecorder) are
 *  drained with them, by every roll and every query (their good and total counts into the same open
 *  buckets, their latencies into the latency tiers), and rolled with them.
 *
 * References: Hystrix's rolling number and Sentinel's LeapArray (rings of time buckets rolled by the
 *  first writer to cross a boundary), LongAdder (striping), HdrHistogram's Recorder (drain by swap).
 */
public final class EventRecorder implements Ledger, StripedCounter.GrowLock {
    /** At most this many stripes (about 8.5 KB), so a 30-day ratio SLO stays within 32 KB on any machine. */
    public static final int MAX_STRIPES = 32;
    /** The most events one add to a stripe carries: larger batches are split into adds of this many. */
    public static final long MAX_STRIPE_BATCH = StripedCounter.MAX_BATCH;
    /** The bytes each stripe that contention adds holds (see {@link #footprintBytes()}). */
    public static final long STRIPE_BYTES = StripedCounter.Stripe.BYTES + 4;
    /**
     * The latest clock reading counted as itself; later ones count here. Two days short of
     * Long.MAX_VALUE, so that the end of any bucket (at most a day long) holding a reading fits a long.
     */
    public static final long LAST_MILLIS = Long.MAX_VALUE - 2 * 86_400_000L;

    private final ReentrantLock lock = new ReentrantLock();
    private final StripedCounter counter;
    /** Events of writers that saw a boundary pass while another thread held the lock, by bucket index. */
    private final LateEvents late;
    /** The buckets, and the readers' sums over them. */
    private final Tiers tiers;
    /** The end of the finest tier's open bucket: the one volatile a writer reads. */
    private volatile long nextRollMillis;
    /** The latency distribution of a latency SLI, and the live count of its timed events; null for SLIs that keep none. */
    private final LatencyRecorder latency;
    /** Scratch of drainToTiers (lock held): the events drained from the latency slots, [0] good, [1] total. */
    private final long[] drained = new long[2];

    /** @param longestLookBack the longest window or alert look-back the SLO will ask about */
    public EventRecorder(Clock clock, Duration longestLookBack) {
        this(clock, longestLookBack, false, -1);
    }

    /**
     * A recorder of the hourly tier alone (about 12 KB for 30 days instead of 24): for counts kept beside
     * the SLO's own that need no sharp edges, such as the events of exclusions. Not for timelines.
     */
    public static EventRecorder hourly(Clock clock, Duration longestLookBack) {
        return new EventRecorder(clock, longestLookBack, true, -1);
    }

    /**
     * A recorder that also keeps a latency SLI's distribution ({@link LatencyRecorder}), for {@link #recordLatency}.
     *
     * @param thresholdNanos the latency a successful event must not pass to be good, {@code >= 0}
     */
    public static EventRecorder keepingLatency(Clock clock, Duration longestLookBack, long thresholdNanos) {
        return new EventRecorder(clock, longestLookBack, false, thresholdNanos);
    }

    /** @param thresholdNanos -1 for no latency; a latency recorder needs all the tiers (they roll on the finest's boundaries) */
    private EventRecorder(Clock clock, Duration longestLookBack, boolean hourlyOnly, long thresholdNanos) {
        this.counter = new StripedCounter(maxStripes());
        long now = Math.min(clock.millis(), LAST_MILLIS);
        this.tiers = new Tiers(now, longestLookBack, hourlyOnly);
        this.late = new LateEvents(tiers, hourlyOnly);
        this.nextRollMillis = tiers.finest().openEndMillis;
        this.latency = thresholdNanos >= 0 ? new LatencyRecorder(Tiers.history(longestLookBack), now, thresholdNanos) : null;
    }

    /** The most stripes writers may spread over: 2 x cpus rounded up to a power of two, at most {@link #MAX_STRIPES}. */
    public static int maxStripes() {
        int wanted = 2 * Runtime.getRuntime().availableProcessors();
        int pow2 = Integer.highestOneBit(Math.max(1, wanted - 1)) << 1;
        return Math.min(MAX_STRIPES, Math.max(2, pow2));
    }

    // ---------------------------------------------------------------- writers (lock-free)

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
     * Counts one event at the clock reading {@code now} the caller took, with its latency, on a recorder that
     * keeps a latency distribution ({@link #keepsLatency}): good when it succeeded within the threshold, and a
     * failed one in the distribution's failure count. One atomic add counts it and bins its latency (see
     * LatencyRecorder). Lock-free, allocation-free.
     */
    public void recordLatency(boolean success, long latencyNanos, long now) {
        int slot = latency.slotOf(success, latencyNanos);
        if (now >= nextRollMillis && !tryRoll(now)) {
            parkLatency(now, slot);
        } else if (latency.add(slot)) {
            tryFlush();
        }
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

    // ---------------------------------------------------------------- after the fact (under the lock, not hot)

    /**
     * Counts events found out later at an earlier clock reading {@code atMillis} (a scheduled run whose
     * deadline passed unreported, a backfill from logs) in its buckets still kept; {@code live} when it is
     * found out now (it counts in {@link #liveCounts} too), not for a backfill.
     */
    public void recordAt(long now, long atMillis, long good, long bad, boolean live) {
        read(now, effectiveNow -> {
            long at = Math.min(Math.min(atMillis, LAST_MILLIS), effectiveNow);
            if (live) {
                tiers.addLive(at, good, good + bad);
            } else {
                tiers.add(at, good, good + bad);
            }
            return null;
        });
    }

    /**
     * {@return the events counted live, ever, as of {@code now}: [0] good, [1] total} Live: recorded by
     * writers, or found out now (a run whose deadline passed); never restored copies or backfills. Monotonic.
     */
    public long[] liveCounts(long now) {
        return read(now, effectiveNow -> tiers.live());
    }

    /**
     * {@return a consistent copy of the counts as of {@code now}, writers not blocked} Allocates in
     * proportion to the buckets kept, not to the traffic.
     */
    public RecorderCounts counts(long now) {
        return read(now, effectiveNow -> tiers.counts(latency == null ? null : latency.copy()));   // drained by the catch-up
    }

    /**
     * Adds {@code counts} (a copy of a recorder of the same tiers) bucket by bucket, as of {@code now};
     * buckets older than those kept are dropped. All or nothing.
     *
     * @throws IllegalArgumentException if the tiers do not line up, or {@code counts} holds a bucket later
     *     than the one open at {@code now} (nothing changes)
     */
    public void add(RecorderCounts counts, long now) {
        read(now, effectiveNow -> {
            RecorderCounts sum = Tiers.sumNotLater(tiers.counts(latency == null ? null : latency.copy()), counts);
            tiers.load(sum);
            if (latency != null) {
                latency.load(sum.latency());
            }
            return null;
        });
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

    /** Parks events read past the boundary while another thread holds the lock (LateEvents). Lock-free. */
    private void park(long now, long good, long bad) {
        long at = Math.min(now, LAST_MILLIS);
        if (good > 0 && !late.park(at, LateEvents.GOOD_KIND, good)) {
            addToStripes(good, 0);                        // every late cell is full: the open bucket takes them
        }
        if (bad > 0 && !late.park(at, LateEvents.BAD_KIND, bad)) {
            addToStripes(0, bad);
        }
    }

    /** Parks a latency event as {@link #park} parks counts: its count by time, its latency uncounted (LatencyRecorder). */
    private void parkLatency(long now, int slot) {
        if (!latency.park(slot)) {
            if (latency.add(slot)) {                      // no late latency cell free: the open bucket takes the event
                tryFlush();
            }
            return;
        }
        boolean good = latency.isGood(slot);
        park(now, good ? 1 : 0, good ? 0 : 1);
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
            late.harvest();                               // late events of buckets the tiers hold already
            return;                                       // another thread rolled first
        }
        drainToTiers();                                   // what was added so far belongs to the closing buckets
        tiers.advanceTo(now);                             // seals the closed buckets (a period head first)
        if (latency != null) {
            latency.roll(now);                            // drained above: seals the latency buckets that closed
        }
        late.harvest();                                   // before the boundary moves: their buckets are held now
        nextRollMillis = tiers.finest().openEndMillis;    // volatile write, last: writers see the new boundary
    }

    /** Tracks calendar period starts ({@code periodStart(t)}: of the period holding t), so sums since one stay exact. */
    public void trackPeriodStarts(LongUnaryOperator periodStart) {
        lock.lock();
        try {
            tiers.trackPeriodStarts(periodStart);
        } finally {
            lock.unlock();
        }
    }

    /** Drains the stripes and the live latency slots, and the events counted there, into the open buckets. Lock held. */
    private void drainToTiers() {
        tiers.drainFrom(counter);
        if (latency != null) {
            long[] counted = drained;
            counted[0] = 0;
            counted[1] = 0;
            latency.drain(counted);
            tiers.addOpen(counted[0], counted[1]);
        }
    }

    /** Every query and every change after the fact: under the lock, catches up to {@code now}, then reads or changes the tiers. */
    private <T> T read(long now, LongFunction<T> query) {
        lock.lock();                                      // waits for other readers or a roll, never for a writer
        try {
            return query.apply(catchUp(now));
        } finally {
            lock.unlock();
        }
    }

    /** Rolls and drains so the tiers are current as of {@code now}; returns the effective now. Lock held. */
    private long catchUp(long reading) {
        long now = Math.min(reading, LAST_MILLIS);
        rollTo(now);
        drainToTiers();                                   // a latency recorder's dirty marks keep this to the slots written
        return Math.max(now, tiers.finest().openStartMillis());  // a clock that went back reads as the newest bucket
    }

    // ---------------------------------------------------------------- readers

    @Override
    public Tally[] lookBacks(long now, long... lookBackMillis) {
        return read(now, effectiveNow -> tiers.lookBacks(effectiveNow, lookBackMillis));
    }

    @Override
    public Tally since(long now, long startMillis) {
        return read(now, effectiveNow -> tiers.since(effectiveNow, startMillis));
    }

    /**
     * {@return the buckets of {@code resolutionMillis} (a multiple of a tier's bucket length) covering
     * {@code (now - lookBack, now]}, oldest first, the open one last} Throws IllegalArgumentException if
     * no tier holds that resolution over that look-back.
     */
    public Buckets buckets(long now, long resolutionMillis, long lookBackMillis) {
        return read(now, effectiveNow -> tiers.buckets(effectiveNow, resolutionMillis, lookBackMillis));
    }

    /**
     * {@return the start (epoch ms) of the oldest bucket a look-back of {@link #historyMillis()} at clock
     * reading {@code now} covers: counts of an earlier instant are no longer seen} Needs no lock.
     */
    public long oldestCoveredMillis(long now) {
        return tiers.oldestCoveredMillis(Math.min(now, LAST_MILLIS));
    }

    /** @return whether this recorder keeps a latency distribution: true for one made by {@link #keepingLatency} */
    public boolean keepsLatency() {
        return latency != null;
    }

    /** {@return the latency slot counts over {@code (now - lookBack, now]}, in one view (see LatencyRecorder#sum)} */
    public long[] latencyCounts(long now, long lookBackMillis) {
        return read(now, effectiveNow -> latency.sum(effectiveNow, lookBackMillis));
    }

    @Override
    public long historyMillis() {
        return tiers.historyMillis();
    }

    @Override
    public long footprintBytes() {
        long bytes = 40 + 32 + counter.footprintBytes() + late.footprintBytes() + tiers.footprintBytes();  // this object, its drain scratch
        if (latency != null) {
            bytes += latency.footprintBytes();
        }
        return bytes;
    }

    /** @return for tests: how many stripes writers spread over now */
    public int stripeCount() {
        return counter.stripeCount();
    }
}
