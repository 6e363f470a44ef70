// The row model of the customer report: what it shows of each customer SLO, read once, rendered twice.
package dev.slo.report;

import dev.slo.ErrorBudget;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the {@link dev.slo.Audience#CUSTOMER} report shows, and nothing more: the rows hold no
 * {@link dev.slo.Slo} handle and no owner's name, so no renderer can leak an internal SLO, a team or
 * an actor by mistake.
 *
 * @param asOf     the registry clock's reading the figures were taken at
 * @param promises the customer SLOs, in definition order
 */
record CustomerRows(Instant asOf, List<Promise> promises) {

    CustomerRows {
        Objects.requireNonNull(asOf, "asOf must not be null");
        promises = List.copyOf(promises);
    }

    /**
     * One customer SLO.
     *
     * @param name        the SLO's name
     * @param promise     its description, the promise in the customer's words
     * @param target      its target, a fraction in (0,1)
     * @param window      its window in words ({@link dev.slo.Window#describe()})
     * @param budget      its error budget over the window
     * @param revisions   the revisions of its target, oldest first
     */
    record Promise(String name, String promise, double target, String window, ErrorBudget budget,
            List<RoleRevision> revisions) {

        Promise {
            revisions = List.copyOf(revisions);
        }
    }

    /**
     * A revision of a promise's target, with the actor named by role only.
     *
     * @param when   when the target changed
     * @param byRole the actor's role in lower case: "product" or "engineering"
     * @param from   the target before
     * @param to     the target after
     * @param why    the reason, as its author wrote it
     */
    record RoleRevision(Instant when, String byRole, double from, double to, String why) {}
}
