package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of time-slice budgeting, for any readings. */
final class SliceProperties {
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final long BOUND = 100;

    /** A reading: in which second of the hour (0..3599) and its value (0..200, bound 100). */
    private static Slo gauge(ManualClock clock, Budgeting budgeting) {
        return SloRegistry.create(clock).define("g").internal("gauge").ownedBy(Owner.team("t"))
                .sli(Sli.gaugeAtMost(BOUND)).budgeting(budgeting).target(0.99)
                .window(Window.rolling(Duration.ofHours(2))).register();
    }

    private static void replay(ManualClock clock, Slo slo, List<int[]> readings) {
        for (int[] r : readings) {
            clock.set(START.plusSeconds(r[0]));
            slo.observe(r[1]);
        }
        clock.set(START.plus(Duration.ofHours(1)));          // every slice of the hour has ended
    }

    private static List<int[]> readings(List<Integer> seconds, List<Integer> values) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < Math.min(seconds.size(), values.size()); i++) {
            out.add(new int[] {seconds.get(i), values.get(i)});
        }
        out.sort((a, b) -> Integer.compare(a[0], b[0]));     // time runs forward
        return out;
    }

    @Property(tries = 200)
    void goodPlusBadSlicesEqualSlicesWithData(
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 3599) Integer> seconds,
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 200) Integer> values) {
        List<int[]> readings = readings(seconds, values);
        ManualClock clock = ManualClock.at(START);
        Slo slo = gauge(clock, Budgeting.timeslices(Duration.ofMinutes(1)));
        replay(clock, slo, readings);

        Map<Integer, Boolean> sliceGood = new HashMap<>();  // minute -> every reading in bound
        for (int[] r : readings) {
            sliceGood.merge(r[0] / 60, r[1] <= BOUND, Boolean::logicalAnd);
        }
        ErrorBudget b = slo.errorBudget();
        assertEquals(sliceGood.size(), b.total());
        assertEquals(sliceGood.values().stream().filter(g -> !g).count(), b.bad());
        assertEquals(b.total(), b.good() + b.bad());
    }

    @Property(tries = 200)
    void anyOrderOfReadingsWithinASliceGivesTheSameVerdict(
            @ForAll @Size(min = 1, max = 50) List<@IntRange(min = 0, max = 200) Integer> values,
            @ForAll long seed) {
        List<Integer> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, new Random(seed));
        long[] bad = new long[2];
        int i = 0;
        for (List<Integer> order : List.of(values, shuffled)) {
            ManualClock clock = ManualClock.at(START);
            Slo slo = gauge(clock, Budgeting.timeslices(Duration.ofMinutes(1)));
            for (int v : order) {
                slo.observe(v);
                clock.advance(Duration.ofMillis(100));       // all within the first minute
            }
            clock.set(START.plus(Duration.ofMinutes(1)));
            assertEquals(1, slo.errorBudget().total());
            bad[i++] = slo.errorBudget().bad();
        }
        assertEquals(bad[0], bad[1]);
        assertEquals(values.stream().anyMatch(v -> v > BOUND) ? 1 : 0, bad[0]);
    }

    @Property(tries = 200)
    void ratioTimeslicesAttainmentIsTheMeanOfSliceRatios(
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 3599) Integer> seconds,
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 200) Integer> values) {
        List<int[]> readings = readings(seconds, values);
        ManualClock clock = ManualClock.at(START);
        Slo slo = gauge(clock, Budgeting.ratioTimeslices(Duration.ofMinutes(1)));
        replay(clock, slo, readings);

        TreeMap<Integer, long[]> slices = new TreeMap<>();  // minute -> {in bound, readings}
        for (int[] r : readings) {
            long[] c = slices.computeIfAbsent(r[0] / 60, k -> new long[2]);
            c[0] += r[1] <= BOUND ? 1 : 0;
            c[1]++;
        }
        double sum = 0;
        for (long[] c : slices.values()) {
            sum += (double) c[0] / c[1];
        }
        ErrorBudget b = slo.errorBudget();
        assertEquals(slices.size(), b.total());
        assertEquals(slices.isEmpty() ? 1.0 : sum / slices.size(), b.attainment(), 1e-9);
    }

    @Property(tries = 100)
    void burnRateOverTheWindowMatchesTheBudget(
            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 3599) Integer> seconds,
            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 200) Integer> values) {
        ManualClock clock = ManualClock.at(START);
        Slo slo = gauge(clock, Budgeting.timeslices(Duration.ofMinutes(1)));
        replay(clock, slo, readings(seconds, values));
        ErrorBudget b = slo.errorBudget();
        double expected = b.total() == 0 ? 0.0 : (double) b.bad() / b.total() / 0.01;
        assertEquals(expected, slo.burnRate(Duration.ofHours(2)), 1e-9);
    }
}
