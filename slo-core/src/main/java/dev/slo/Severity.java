package dev.slo;

/** How urgently a firing burn-rate alert needs a human. */
public enum Severity {
    /** Wake someone up: the budget burns fast enough to be gone within days. */
    PAGE,
    /** A ticket for working hours: a slow burn that will still spend the budget. */
    TICKET
}
