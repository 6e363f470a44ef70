package dev.slo;

/**
 * Who an SLO speaks to.
 *
 * <p>A {@link #CUSTOMER} SLO is a public, outcome-shaped promise ("Checkout completes"), owned jointly
 * by product and engineering; engineering may not relax it alone. An {@link #INTERNAL} SLO is
 * diagnostic, owned and tuned by the team that runs the service, and should be tighter than the
 * customer SLOs that rest on it.
 */
public enum Audience {
    /** A promise to the people or systems outside that use the product. */
    CUSTOMER,
    /** A diagnostic objective of one internal service, owned by the team that runs it. */
    INTERNAL
}
