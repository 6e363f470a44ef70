package dev.slo;

import java.util.Objects;

/**
 * A team or system downstream of an SLO: who is affected when it is missed, and how severely.
 * Declared with {@link SloBuilder#consumers(DownstreamConsumer...)}, shown in the internal report, and used by
 * {@link SloRegistry#lint()} (an internal SLO with neither consumers nor a cascade that depends on it
 * has an unclear purpose).
 *
 * <pre>{@code
 * slos.define("orders-queue-backlog")
 *         .internal("the order queue stays short")
 *         .consumers(new DownstreamConsumer("fulfilment-ui", DownstreamConsumer.Impact.DEGRADED, "shows stale order state"),
 *                    DownstreamConsumer.of("billing-batch", DownstreamConsumer.Impact.BLOCKING))
 *         ...
 * }</pre>
 *
 * @param name        the consuming team or system, not blank, without control characters
 * @param impact      how severely a miss affects it
 * @param description how it is affected, in a few words; may be empty, never null, without control characters
 */
public record DownstreamConsumer(String name, Impact impact, String description) {

    /** How severely a consumer is affected when the SLO is missed. */
    public enum Impact {
        /** The consumer cannot do its work at all. */
        BLOCKING,
        /** The consumer works, worse: slower, partial, stale. */
        DEGRADED,
        /** The consumer notices, its users hardly do. */
        COSMETIC
    }

    /**
     * Checks the consumer's name, impact and description.
     *
     * @param name        the consuming team or system, not blank, without control characters
     * @param impact      how severely a miss affects it, not null
     * @param description how it is affected, in a few words; may be empty, not null, without control characters
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code name} is blank, or {@code name} or {@code description}
     *     holds a control character
     */
    public DownstreamConsumer {
        Args.requireWords(name, "name");
        Objects.requireNonNull(impact, "impact must not be null");
        Args.requireNoControl(description, "description");
    }

    /**
     * A consumer without a description.
     *
     * @param name   the consuming team or system, not blank, without control characters
     * @param impact how severely a miss affects it, not null
     * @return the consumer, with an empty description
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code name} is blank or holds a control character
     */
    public static DownstreamConsumer of(String name, Impact impact) {
        return new DownstreamConsumer(name, impact, "");
    }
}
