package dev.slo;

/** What a {@link Finding} is about: a pitfall of an SLO programme that {@link SloRegistry#lint()} or a cascade's check spots. */
public enum FindingKind {
    /** A customer SLO that no cascade backs with internal SLOs: nothing warns before it breaks. */
    CUSTOMER_WITHOUT_INTERNAL_SUPPORT,
    /** An internal SLO that no customer SLO reaches through cascades: its purpose is unclear. */
    INTERNAL_NOT_ROLLED_UP,
    /** The registry holds customer SLOs only, or internal SLOs only. */
    ONE_SLO_TYPE_ONLY,
    /** A dependency's own target is not stricter than the customer SLO it supports. */
    INTERNAL_NOT_TIGHTER,
    /** The dependencies' targets compound to less than the customer target: the promise cannot be kept. */
    CASCADE_TARGET_UNREACHABLE,
    /** A customer SLO without both a product and an engineering owner. */
    MISSING_JOINT_OWNERSHIP,
    /** Every SLI is availability: none covers latency, correctness or freshness. */
    UPTIME_ONLY_FOCUS,
    /** A target stricter than the traffic can measure in the window, or than its dependencies allow. */
    UNREALISTIC_TARGET,
    /** An internal SLO that nothing depends on and that declares no consumers. */
    IGNORED_DOWNSTREAM_IMPACT,
    /** An SLO with no events in its window: it says nothing, healthy or not. */
    NEGLECTED_OBSERVABILITY,
    /** A customer SLO attains clearly less than its dependencies predict: a failure mode no internal SLO covers. */
    UNEXPLAINED_GAP,
    /**
     * Time slices longer than an alert rule's short window: that window never holds a whole slice, so the
     * rule can never fire.
     */
    SLICE_LONGER_THAN_ALERT_WINDOW,
    /**
     * A grouped SLO meets more label values than its cap: events of the values beyond count together in the
     * overflow group, which no per-group alert tells apart.
     */
    GROUPS_OVERFLOWING
}
