package dev.slo.engine;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bins of the latency histogram: where values land, the bounds of bins, the precision promised. */
final class LatencyHistogramTest {

    @Test
    void valuesBelow64nsHaveExactBins() {
        for (long v = 0; v < 64; v++) {
            int bin = LatencyBins.bin(v);
            assertEquals(v, bin);
            assertEquals(v, LatencyBins.lowerBound(bin));
            assertEquals(v, LatencyBins.upperBound(bin));
            assertEquals(v, LatencyBins.representative(bin));
        }
    }

    @Test
    void handWorkedBinsAbove64ns() {
        // 64..127 ns: octave 6, 32 bins of width 2^(6-5) = 2: 64-65 is bin 64, 126-127 is bin 95.
        assertEquals(64, LatencyBins.bin(64));
        assertEquals(64, LatencyBins.bin(65));
        assertEquals(65, LatencyBins.bin(66));
        assertEquals(95, LatencyBins.bin(127));
        assertEquals(126, LatencyBins.lowerBound(95));
        assertEquals(127, LatencyBins.upperBound(95));
        // 128..255 ns: width 4; bin 96 holds 128..131.
        assertEquals(96, LatencyBins.bin(128));
        assertEquals(96, LatencyBins.bin(131));
        assertEquals(97, LatencyBins.bin(132));
        // 300 ms = 300,000,000 ns: leading one at bit 28 (2^28 = 268,435,456), so the width is 2^(28-5) = 8,388,608;
        // 300,000,000 >>> 23 = 35 (35 * 8,388,608 = 293,601,280), bin = (23 << 5) + 35 = 771.
        assertEquals(771, LatencyBins.bin(300_000_000L));
        assertEquals(293_601_280L, LatencyBins.lowerBound(771));
        assertEquals(301_989_887L, LatencyBins.upperBound(771));         // 36 * 8,388,608 - 1
        // middle: 293,601,280 + (8,388,607 / 2) = 297,795,583; 300 ms is 0.73% away from it.
        assertEquals(297_795_583L, LatencyBins.representative(771));
    }

    @Test
    void binsTileTheRangeWithoutGaps() {
        for (int bin = 0; bin < LatencyBins.OVERFLOW; bin++) {
            assertEquals(LatencyBins.upperBound(bin) + 1, LatencyBins.lowerBound(bin + 1), "after bin " + bin);
            assertEquals(bin, LatencyBins.bin(LatencyBins.lowerBound(bin)));
            assertEquals(bin, LatencyBins.bin(LatencyBins.upperBound(bin)));
        }
    }

    @Test
    void relativeErrorAtMostOneSixtyFourthFrom1nsTo1h() {
        // 1 ns .. 1 h = 3.6e12 ns; step by 0.1% plus random values so every octave and bin edge region is hit.
        double worst = 0;
        for (double v = 1; v <= 3.6e12; v *= 1.001) {
            worst = Math.max(worst, relativeError((long) v));
        }
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            worst = Math.max(worst, relativeError(1 + (long) (random.nextDouble() * 3.6e12)));
        }
        assertTrue(worst <= 1.0 / 64, "worst relative error " + worst);
        assertTrue(worst <= 0.02);
    }

    @Test
    void everyBinIsAtMostOneThirtySecondOfItsLowerBoundWide() {
        for (int bin = 1; bin < LatencyBins.OVERFLOW; bin++) {
            long width = LatencyBins.upperBound(bin) - LatencyBins.lowerBound(bin) + 1;
            assertTrue(width * 32 <= Math.max(32, LatencyBins.lowerBound(bin)), "bin " + bin + " width " + width);
        }
    }

    @Test
    void latenciesFrom2ToThe42ndNsUpShareTheOverflowBin() {
        long edge = 1L << 42;                                              // 4,398,046,511,104 ns = 73.3 min
        assertEquals(LatencyBins.OVERFLOW - 1, LatencyBins.bin(edge - 1));
        assertEquals(LatencyBins.OVERFLOW, LatencyBins.bin(edge));
        assertEquals(LatencyBins.OVERFLOW, LatencyBins.bin(Long.MAX_VALUE));
        assertEquals(edge, LatencyBins.lowerBound(LatencyBins.OVERFLOW));
        assertEquals(1216, LatencyBins.OVERFLOW);                          // 64 exact + 36 octaves * 32
    }

    @Test
    void sealedBucketsRoundTripExactly() {
        long[] counts = new long[LatencyBins.SLOTS];
        counts[0] = 1;
        counts[5] = 127;                                  // one varint byte
        counts[700] = 128;                                // two bytes
        counts[LatencyBins.FAILED] = Long.MAX_VALUE;      // nine bytes
        byte[] sealed = LatencyRecorder.encode(counts);
        // gaps 1, 5, 695 (2 bytes), 518 (2 bytes); counts 1 + 1 + 2 + 9 bytes: 1+1+1+1+2+2+2+9 = 19
        assertEquals(19, sealed.length);
        long[] back = new long[LatencyBins.SLOTS];
        LatencyRecorder.decodeInto(sealed, back);
        assertArrayEquals(counts, back);
        assertEquals(0, LatencyRecorder.encode(new long[LatencyBins.SLOTS]).length);
    }

    private static double relativeError(long v) {
        long reported = LatencyBins.representative(LatencyBins.bin(v));
        return Math.abs(reported - v) / (double) v;
    }
}
