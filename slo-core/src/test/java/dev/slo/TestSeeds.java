package dev.slo;

/**
 * Seeds for the randomised concurrency tests: fresh each run, or fixed with {@code -Dslo.test.seed=N} to
 * replay a failure. A replay repeats every thread's workload exactly; the interleaving is the scheduler's.
 */
public final class TestSeeds {
    private TestSeeds() {}

    /** The seed given by {@code -Dslo.test.seed}, else a fresh one. */
    public static long seed() {
        String given = System.getProperty("slo.test.seed");
        return given != null ? Long.parseLong(given.trim()) : System.nanoTime() ^ Thread.currentThread().getId() * 0x9E37_79B9_7F4A_7C15L;
    }

    /** To append to a failure message: the seed and how to replay it. */
    public static String replay(String testClass, long seed) {
        return " [seed " + seed + "; replay with mvn -pl slo-core test -Dtest=" + testClass + " -Dslo.test.seed=" + seed + "]";
    }
}
