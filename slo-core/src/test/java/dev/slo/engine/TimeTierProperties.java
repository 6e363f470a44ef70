package dev.slo.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A tier's window sums equal the sum of its buckets, from any first bucket, whatever mix of open-bucket
 * counts, late adds, advances (by one bucket or jumps past the whole ring) and loads came before: the
 * ring's running sum, from which a long look-back subtracts the buckets it leaves out, never drifts.
 */
final class TimeTierProperties {

    /**
     * Steps: {@code op % 4} picks one: 0 adds to the open bucket, 1 adds to a sealed bucket {@code arg % 12}
     * back, 2 advances by {@code 1 + arg % 3} buckets, 3 jumps {@code slots + arg % 5} buckets ahead.
     */
    @Property(tries = 500)
    void windowSumsEqualTheirBuckets(@ForAll @Size(max = 200) List<@IntRange(min = 0, max = 1000) Integer> ops,
            @ForAll @IntRange(min = 1, max = 12) int slots) {
        TimeTier tier = new TimeTier(10, slots, 0);
        for (int i = 0; i < ops.size(); i++) {
            int op = ops.get(i);
            int arg = op / 4;
            switch (op % 4) {
                case 0 -> {
                    tier.open[0] += arg % 3;
                    tier.open[1] += arg % 3 + arg % 2;
                }
                case 1 -> tier.add(tier.openIndex - 1 - arg % 12, arg % 2, 1 + arg % 2);
                case 2 -> tier.advanceTo((tier.openIndex + 1 + arg % 3) * 10);
                default -> tier.advanceTo((tier.openIndex + slots + arg % 5) * 10);
            }
            if (i % 17 == 16) {
                tier.load(tier.copy());                   // a restore: the running sum is recounted
            }
            for (long from = tier.openIndex - slots - 2; from <= tier.openIndex + 1; from++) {
                long[] expected = new long[2];
                long[] one = new long[2];
                for (long k = Math.max(from, tier.openIndex - slots); k <= tier.openIndex; k++) {
                    tier.bucket(k, one);
                    expected[0] += one[0];
                    expected[1] += one[1];
                }
                long[] got = new long[2];
                tier.sumFrom(from, got);
                assertArrayEquals(expected, got, "from bucket " + from + " with the open one at " + tier.openIndex);
            }
        }
    }
}
