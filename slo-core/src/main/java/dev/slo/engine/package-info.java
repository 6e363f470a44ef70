/**
 * The recording engine behind every SLO: lock-free striped counters that writers add to, time tiers
 * of sealed buckets, time-slice verdicts and latency bins, read through one seam, {@link
 * dev.slo.engine.Ledger}, that returns {@link dev.slo.engine.Tally} values. Not exported by the
 * module: the public face in {@code dev.slo} is its only user, and this package imports nothing of it,
 * so data flows one way (recording, buckets, tallies; then budgets, alerts and reports above).
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li><b>Units in names.</b> Times are epoch milliseconds in {@code long}s named {@code ...Millis} (or
 *       {@code now}, a clock reading), latencies nanoseconds named {@code ...Nanos}; bucket and slice
 *       indexes are {@code floorDiv(millis, length)}: bucket {@code k} covers {@code [k*length, (k+1)*length)}.</li>
 *   <li><b>Good before total.</b> Counts travel as (good, total), in that order, in arrays and
 *       parameters alike, and every stored pair keeps {@code good <= total}; where two cells are added one
 *       after the other, they are good and bad (never good and total), so a reader between the two adds
 *       still sees a consistent pair.</li>
 *   <li><b>Writers and readers.</b> Writers ({@code record...}) are lock-free and allocate nothing: they
 *       never wait on a lock (they may {@code tryLock} and go on). Readers take the owner's lock, bring
 *       the tiers up to their clock reading, and read one consistent view. Each class opens with its
 *       "Assumptions and guarantees" and states each method's progress guarantee.</li>
 *   <li><b>Benign races.</b> A read or write marked <i>benign race</i> in a comment is a plain (not
 *       volatile, not atomic) access that may see a stale value, chosen because a stale value costs at
 *       most a retry or a spread of threads over stripes, never a lost, doubled or misplaced count. Every
 *       other shared access is volatile, atomic or under the owner's lock, and each ordering-sensitive
 *       step carries a comment saying why its order matters.</li>
 *   <li><b>Durations in messages.</b> Every message and {@code toString()} that shows a duration,
 *       here and in the public face, writes it with {@link dev.slo.engine.Durations#format} ({@code 30d},
 *       {@code 1h 30m}), never in ISO-8601; conversions that could overflow saturate through it.</li>
 *   <li><b>Saturation.</b> Clock readings past {@link dev.slo.engine.EventRecorder#LAST_MILLIS} count
 *       at it, so no bucket end overflows a {@code long}.</li>
 * </ul>
 */
package dev.slo.engine;
