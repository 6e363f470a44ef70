package dev.slo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/*
 * One SLO's revisions and the decision rights that guard them: who may raise or lower its target, and
 * the log of who did, when, from what, to what and why.
 *
 * Thread-safety: add() is called under the SLO's spec lock, one revision at a time; the log is
 * copy-on-write, published by a volatile write, so log() needs no lock and never blocks recording.
 */
final class Revisions {
    /** Oldest first; replaced whole by add(). */
    private volatile List<Revision> log = List.of();

    /** Every revision, oldest first: an immutable snapshot. */
    List<Revision> log() {
        return log;
    }

    /**
     * Checks that {@code actor} may move {@code current}'s target to {@code newTarget} and logs the
     * revision; the caller then applies it to the spec. Caller holds the SLO's spec lock.
     *
     * @throws IllegalArgumentException if {@code newTarget} equals the current target
     * @throws DecisionRightsException if {@code actor} may not make this change (nothing is logged)
     */
    Revision add(SloSpec current, double newTarget, Owner actor, String reason, Instant at) {
        if (newTarget == current.target()) {
            throw new IllegalArgumentException("newTarget must differ from the current target " + current.target()
                    + " of \"" + current.name() + "\", got " + newTarget);
        }
        checkDecisionRights(current, newTarget, actor);
        Revision revision = new Revision(actor, at, current.target(), newTarget, reason);
        List<Revision> next = new ArrayList<>(log);
        next.add(revision);
        log = List.copyOf(next);
        return revision;
    }

    /**
     * An actor matches an owner when name and role are both equal. On a customer SLO, lowering the
     * target needs a matching product owner, raising it any matching owner; on an internal SLO, any
     * matching owner.
     */
    static void checkDecisionRights(SloSpec spec, double newTarget, Owner actor) {
        List<Owner> owners = spec.owners();
        boolean lowering = newTarget < spec.target();
        String change = (lowering ? "lower" : "raise") + " the target of \"" + spec.name() + "\" from "
                + spec.target() + " to " + newTarget;
        if (!owners.contains(actor)) {
            throw new DecisionRightsException(spec.name(), actor, "actor must be an owner to " + change
                    + ", got " + actor + " (owners: " + owners + ")");
        }
        if (spec.audience() == Audience.CUSTOMER && lowering && actor.role() != Owner.Role.PRODUCT) {
            List<Owner> product = owners.stream().filter(o -> o.role() == Owner.Role.PRODUCT).toList();
            throw new DecisionRightsException(spec.name(), actor, "actor must be a product owner to " + change
                    + " (engineering cannot relax a customer promise alone), got " + actor
                    + (product.isEmpty() ? "; the SLO has no product owner" : "; ask " + product));
        }
    }
}
