package dev.slo.engine;

/*
 * The layout of SliceRecorder's state word, the open slice in one long, and the recovery of the
 * slice's full index from the tag the word carries. Static, pure functions of their arguments, safe
 * from any thread; constants and calls small enough to cost nothing once compiled. Package-private.
 *
 * Layout, high bits first: tag, the low 16 bits of the slice index (bits 48..63) | unused (47) |
 * spilled flag (46) | good (23 bits, 23..45) | total (23 bits, 0..22). An increment adds to good and
 * total in the same word, so one CAS adds both and a reader of the word never sees good > total.
 *
 * Full index: with openSlice read before the word, and openSlice <= the word's slice <= openSlice +
 * MAX_JUMP (SliceRecorder's invariant), the word's slice is openSlice + ((tag - openSlice) mod 2^16),
 * exactly, because MAX_JUMP is half the tag's range.
 */
final class SliceWord {
    private static final int TAG_SHIFT = 48;
    private static final long TAG_MASK = 0xFFFFL;
    private static final int GOOD_SHIFT = 23;
    /** The most a count field holds: 2^23 - 1 readings. */
    private static final long COUNT_MASK = (1L << 23) - 1;
    /** Set in the word of a slice that spilled counts: its close hands off counts, not a verdict. */
    private static final long SPILLED = 1L << 46;
    private static final long COUNTS_MASK = (1L << 46) - 1;
    /** How far one close may move the word past the openSlice its closer read: half the tag's range. */
    static final long MAX_JUMP = 1L << 15;

    private SliceWord() {
    }

    /** A fresh word of {@code slice} holding {@code increment} (0: no readings yet). */
    static long of(long slice, long increment) {
        return ((slice & TAG_MASK) << TAG_SHIFT) | increment;
    }

    /** What adding {@code good} of {@code total} readings adds to a word. */
    static long increment(long good, long total) {
        return (good << GOOD_SHIFT) | total;
    }

    /** The full index of the slice {@code word} holds, given openSlice read before it. */
    static long slice(long open, long word) {
        return open + (((word >>> TAG_SHIFT) - open) & TAG_MASK);
    }

    /** Whether {@code total} more readings still fit in the word's count fields. */
    static boolean fits(long word, long total) {
        return (word & COUNT_MASK) + total <= COUNT_MASK;
    }

    /** The counts of a word (good and total fields), without tag or flag. */
    static long counts(long word) {
        return word & COUNTS_MASK;
    }

    /** The word with its counts moved out and its spilled flag set. */
    static long spilled(long word) {
        return (word & ~COUNTS_MASK) | SPILLED;
    }

    /** Whether the word's slice spilled counts before. */
    static boolean hasSpilled(long word) {
        return (word & SPILLED) != 0;
    }

    static long good(long word) {
        return (word >>> GOOD_SHIFT) & COUNT_MASK;
    }

    static long total(long word) {
        return word & COUNT_MASK;
    }
}
