package dev.slo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The tagged cells that hold late events and slice hand-offs: counts kept with their index, once. */
final class TaggedCellsTest {
    /** Harvests every cell into index*2+kind -> count, recovering indexes near {@code reference}. */
    private static Map<Long, Long> harvest(TaggedCells cells, long reference) {
        Map<Long, Long> out = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            for (;;) {
                long word = cells.word(i);
                if (TaggedCells.count(word) == 0) {
                    break;
                }
                if (cells.clear(i, word)) {
                    out.merge(cells.index(word, reference) * 2 + cells.kind(word), TaggedCells.count(word), Long::sum);
                    break;
                }
            }
        }
        return out;
    }

    @Test
    void addsOfOneIndexAndKind_mergeIntoOneCell_andKeepTheirIndex() {
        TaggedCells cells = new TaggedCells(8, 1);
        assertTrue(cells.add(1_000_003, 0, 5));
        assertTrue(cells.add(1_000_003, 0, 7));
        assertTrue(cells.add(1_000_003, 1, 2));
        assertTrue(cells.add(999_999, 1, 1));
        assertEquals(Map.of(2_000_006L, 12L, 2_000_007L, 2L, 1_999_999L, 1L), harvest(cells, 1_000_000));
        assertEquals(Map.of(), harvest(cells, 1_000_000));  // harvested once
    }

    @Test
    void indexesFarFromZero_areRecoveredNearTheReference_eitherSide() {
        TaggedCells cells = new TaggedCells(4, 1);
        long reference = 177_000_000_123L;                  // a 10-second bucket index around 2026
        cells.add(reference + 40, 0, 1);
        cells.add(reference - 40, 0, 1);
        Map<Long, Long> got = harvest(cells, reference);
        assertEquals(Map.of((reference + 40) * 2, 1L, (reference - 40) * 2, 1L), got);
    }

    @Test
    void whenEveryCellHoldsAnotherIndex_addRefuses_andAddNearestMergesIntoTheNearest() {
        TaggedCells cells = new TaggedCells(4, 1);
        for (int k = 0; k < 4; k++) {
            assertTrue(cells.add(100 + 10 * k, 0, 1));      // indexes 100, 110, 120, 130
        }
        assertFalse(cells.add(124, 0, 1));
        assertTrue(cells.addNearest(124, 0, 3));            // 120 is nearest
        assertEquals(Map.of(200L, 1L, 220L, 1L, 240L, 4L, 260L, 1L), harvest(cells, 115));
    }

    @Test
    void aCellNearItsMaximum_overflowsIntoAnotherCell() {
        TaggedCells cells = new TaggedCells(2, 0);
        assertTrue(cells.add(7, 0, TaggedCells.MAX_COUNT - 1));
        assertTrue(cells.add(7, 0, 5));                     // does not fit the first cell: takes the second
        assertEquals(Map.of(14L, TaggedCells.MAX_COUNT + 4), harvest(cells, 7));
        assertThrows(IllegalArgumentException.class, () -> new TaggedCells(3, 1));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void writersAndAHarvesterRacing_countEveryAddOnce_underItsIndex() throws Exception {
        long seed = new SplittableRandom().nextLong();
        TaggedCells cells = new TaggedCells(16, 1);
        int writers = 4;
        int perWriter = 200_000;
        AtomicBoolean done = new AtomicBoolean();
        Map<Long, Long> expected = new HashMap<>();
        long[][] indexes = new long[writers][perWriter];
        SplittableRandom random = new SplittableRandom(seed);
        for (int w = 0; w < writers; w++) {
            for (int i = 0; i < perWriter; i++) {
                indexes[w][i] = 5_000 + random.nextInt(6);  // six indexes x two kinds fit 16 cells
                expected.merge(indexes[w][i] * 2 + (i & 1), 1L, Long::sum);
            }
        }
        Thread[] threads = new Thread[writers];
        for (int w = 0; w < writers; w++) {
            long[] mine = indexes[w];
            threads[w] = new Thread(() -> {
                for (int i = 0; i < mine.length; i++) {
                    assertTrue(cells.add(mine[i], i & 1, 1));
                }
            });
            threads[w].start();
        }
        Map<Long, Long> got = new HashMap<>();
        Thread harvester = new Thread(() -> {
            while (!done.get()) {
                harvest(cells, 5_000).forEach((k, v) -> got.merge(k, v, Long::sum));
            }
        });
        harvester.start();
        for (Thread t : threads) {
            t.join();
        }
        done.set(true);
        harvester.join();
        harvest(cells, 5_000).forEach((k, v) -> got.merge(k, v, Long::sum));
        assertEquals(expected, got, "seed " + seed);
    }
}
