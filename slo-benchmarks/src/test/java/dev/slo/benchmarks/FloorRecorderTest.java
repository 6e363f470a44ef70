package dev.slo.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slo.ManualClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The floor must do the work it claims to, or the 1.2x aim compares against nothing. */
final class FloorRecorderTest {
    private static final long THRESHOLD = 250_000_000L;

    private final FloorRecorder floor =
            new FloorRecorder(ManualClock.at(Instant.parse("2026-01-01T00:00:00Z")), THRESHOLD, 8);

    @Test
    void countsGoodAndTotalLikeALatencySli() {
        floor.record(true, THRESHOLD);        // good: at the threshold
        floor.record(true, THRESHOLD + 1);    // bad: too slow
        floor.record(false, 1);               // bad: failed
        floor.record(true, 0);                // good
        assertEquals(2, floor.good());
        assertEquals(4, floor.total());
    }

    @Test
    void binsLatenciesByPowerOfTwo() {
        // bin b holds [2^(b-1), 2^b): 0 -> 0, 1 -> 1, 2 and 3 -> 2, 1000 -> 10 (512 <= 1000 < 1024)
        assertEquals(0, FloorRecorder.bin(0));
        assertEquals(1, FloorRecorder.bin(1));
        assertEquals(2, FloorRecorder.bin(2));
        assertEquals(2, FloorRecorder.bin(3));
        assertEquals(10, FloorRecorder.bin(1000));
        assertEquals(63, FloorRecorder.bin(Long.MAX_VALUE));
        floor.record(true, 2);
        floor.record(true, 3);
        floor.record(false, 1000);
        assertEquals(2, floor.binCount(2));
        assertEquals(1, floor.binCount(10));
    }

    @Test
    void stripesMustBeAPowerOfTwo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FloorRecorder(ManualClock.at(Instant.EPOCH), THRESHOLD, 6));
        assertEquals("stripes must be a power of two, got 6", e.getMessage());
    }
}
