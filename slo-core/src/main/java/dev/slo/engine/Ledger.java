package dev.slo.engine;

/**
 * The seam between an SLO and its recording engine: the counts of one SLO as its budget counts them,
 * over look-backs ending now or since an instant. {@link EventRecorder} counts events one by one;
 * {@link SliceRecorder} counts time slices judged good or bad. An SLO picks its ledger once, when it is
 * built, and every reader of its budget (its own queries, cascades, reports) goes through it.
 *
 * <p>Thread-safe: any number of threads may call these while writers record. Each call reads the
 * clock reading it is given, brings the ledger up to it (closing buckets or slices whose end has
 * passed) and answers from one consistent view.
 */
public interface Ledger {
    /**
     * The tallies of {@code (now - w, now]} for each look-back {@code w}, in one consistent view; the
     * far edge of each blurs by at most one bucket of the finest tier that spans it.
     *
     * @param now            the clock reading, epoch milliseconds
     * @param lookBackMillis the look-backs, each positive and at most {@link #historyMillis()}
     * @return one tally per look-back, in the order given
     */
    Tally[] lookBacks(long now, long... lookBackMillis);

    /**
     * The tally from {@code startMillis} (inclusive) up to {@code now}.
     *
     * @param now         the clock reading, epoch milliseconds
     * @param startMillis the start, at most {@link #historyMillis()} before {@code now}
     * @return the tally since the start
     */
    Tally since(long now, long startMillis);

    /**
     * How far back this ledger answers: its coarsest tier's span.
     *
     * @return the history kept, in milliseconds
     */
    long historyMillis();

    /**
     * Bytes held, approximately: bounded whatever the traffic.
     *
     * @return the footprint in bytes
     */
    long footprintBytes();
}
