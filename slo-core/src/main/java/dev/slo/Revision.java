package dev.slo;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of an SLO's target, as {@link Slo#revise} recorded it: who changed it, when, from what,
 * to what and why. {@link Slo#revisions()} lists them oldest first.
 *
 * <pre>{@code
 * checkout.revise(0.995, Owner.product("payments-pm"), "agreed in the Q3 review");
 * Revision last = checkout.revisions().get(checkout.revisions().size() - 1);
 * last.from();   // 0.999
 * last.to();     // 0.995
 * }</pre>
 *
 * @param who  the owner who made the change
 * @param when the registry clock's reading when the change was made
 * @param from the target before, a fraction in (0,1)
 * @param to   the target after, a fraction in (0,1), different from {@code from}
 * @param why  the reason given, not blank, without control characters
 */
public record Revision(Owner who, Instant when, double from, double to, String why) {

    /**
     * Checks the revision's fields.
     *
     * @param who  the owner who made the change, not null
     * @param when the registry clock's reading when the change was made, not null
     * @param from the target before, a fraction in (0,1)
     * @param to   the target after, a fraction in (0,1), different from {@code from}
     * @param why  the reason given, not blank, without control characters
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a target is not in (0,1), {@code from == to}, or {@code why} is blank
     *     or holds a control character
     */
    public Revision {
        Objects.requireNonNull(who, "who must not be null");
        Objects.requireNonNull(when, "when must not be null");
        Targets.checkTarget(from, "from");
        Targets.checkTarget(to, "to");
        if (from == to) {
            throw new IllegalArgumentException("to must differ from from, got " + to + " for both");
        }
        Args.requireWords(why, "why");
    }

    /**
     * True when the change made the SLO less strict: {@code to < from}.
     *
     * @return whether the target was lowered
     */
    public boolean relaxes() {
        return to < from;
    }
}
