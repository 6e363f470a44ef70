package dev.slo.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One benchmark thread's stream of events: a xorshift64 generator, so that the success flag and the
 * latency vary from call to call without allocation or shared state. About 1 ns per event, measured
 * on its own by {@link RecordBenchmark#xorshift}.
 *
 * <p>From one 64-bit draw {@code r}: the event succeeds unless its low 10 bits are all zero (99.9%
 * succeed), and its latency is the top 28 bits as nanoseconds, uniform over [0, 268 ms), so that a
 * 250 ms threshold makes about 7% of events slow.
 */
@State(Scope.Thread)
public class Traffic {
    private static final long SEED = 0x2545_F491_4F6C_DD1DL;

    private long state;

    /** Gives each thread its own non-zero seed. */
    @Setup
    public void seed() {
        state = SEED ^ (Thread.currentThread().getId() * 0x9E37_79B9_7F4A_7C15L);
        if (state == 0) {
            state = SEED;
        }
    }

    /** The next draw (Marsaglia's xorshift64, shifts 13, 7, 17). */
    public long next() {
        long x = state;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        state = x;
        return x;
    }

    /** Whether the event of draw {@code r} succeeded: 1023 in 1024 do. */
    public static boolean success(long r) {
        return (r & 1023) != 0;
    }

    /** The latency of the event of draw {@code r}, in nanoseconds: [0, 2^28). */
    public static long latencyNanos(long r) {
        return r >>> 36;
    }
}
