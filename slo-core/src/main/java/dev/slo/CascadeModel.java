package dev.slo;

// The model of a cascade: its declared terms flattened into the factors of one product, and the availability algebra over them.

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * A {@link Cascade} flattened into the factors of one product, as of the moment it was flattened.
 *
 * <p><b>Flattening.</b> The critical dependencies reachable from the root through the cascade and the
 * cascades nested in it become one {@link Unit} each, with shares multiplied along the path; a dependency
 * reached by two paths counts once, with the larger of its shares. Each redundant group becomes one unit
 * of share 1 (the largest share wins when the same group is reached twice). A member of a group stands
 * for itself and its own nested cascade, evaluated by exact recursion ({@link #memberValue}).
 *
 * <p><b>Algebra.</b> Given each SLO's availability {@code a} (its target, its observed attainment, or
 * {@code 1 - errorRatio}), a unit fails an event that needs it with probability {@link #unitFailure}
 * ({@code 1 - a} for one SLO, {@code Π (1 - a_m)} for a group), and the root's availability is
 * {@link #product}{@code  = Π (1 - share * failure)}.
 *
 * <p><b>Thread-safety.</b> Package-private. Immutable once flattened; one query flattens once, so every
 * figure of its answer rests on the same units. Nested cascades of group members are looked up in the
 * registry (which is thread-safe) as {@link #memberValue} recurses.
 */
final class CascadeModel {

    /**
     * One factor of the flattened product: a critical dependency (one member) or a redundant group.
     *
     * @param members the SLOs of the factor, in declaration order
     * @param share   the share of the root's events that need it, in (0,1]
     */
    record Unit(List<Slo> members, double share) {}

    private final SloRegistry registry;
    private final List<Unit> units;

    private CascadeModel(SloRegistry registry, List<Unit> units) {
        this.registry = registry;
        this.units = List.copyOf(units);
    }

    /**
     * Flattens {@code cascade} and the cascades nested in it, as the registry holds them now.
     *
     * @param registry where nested cascades are looked up
     * @param cascade  the cascade to flatten
     * @return the critical dependencies reachable from the root, each once (largest share), then the groups
     */
    static CascadeModel of(SloRegistry registry, Cascade cascade) {
        Map<List<Slo>, Double> shares = new LinkedHashMap<>();
        collect(registry, cascade.root(), cascade, 1.0, shares);
        List<Unit> units = new ArrayList<>(shares.size());
        for (Map.Entry<List<Slo>, Double> entry : shares.entrySet()) {
            units.add(new Unit(entry.getKey(), entry.getValue()));
        }
        return new CascadeModel(registry, units);
    }

    private static void collect(SloRegistry registry, Slo root, Cascade cascade, double parentShare,
                                Map<List<Slo>, Double> shares) {
        for (CascadeTerm term : cascade.terms()) {
            if (term instanceof CascadeTerm.Critical critical) {
                if (critical.slo() == root) {
                    continue; // cannot happen: cycles are rejected when built
                }
                double share = parentShare * critical.share();
                shares.merge(List.of(critical.slo()), share, Math::max);
                Optional<Cascade> nested = registry.cascadeRootedAt(critical.slo());
                if (nested.isPresent()) {
                    collect(registry, root, nested.get(), share, shares);
                }
            } else {
                shares.merge(term.members(), parentShare, Math::max);
            }
        }
    }

    /**
     * Every SLO reachable from the root of {@code cascade} through it and the cascades nested in it, each
     * once: the direct dependencies first, then theirs (breadth first). These are all the SLOs whose
     * figures {@link #product} may ask for.
     *
     * @param registry where nested cascades are looked up
     * @param cascade  the cascade to walk
     * @return the reachable SLOs, the root excluded
     */
    static List<Slo> reachable(SloRegistry registry, Cascade cascade) {
        Set<Slo> seen = new LinkedHashSet<>();
        Deque<Slo> queue = new ArrayDeque<>(cascade.dependencies());
        while (!queue.isEmpty()) {
            Slo next = queue.removeFirst();
            if (next != cascade.root() && seen.add(next)) {
                registry.cascadeRootedAt(next).ifPresent(nested -> queue.addAll(nested.dependencies()));
            }
        }
        return List.copyOf(seen);
    }

    /** The factors, critical dependencies first (in the order reached), then redundant groups as reached. */
    List<Unit> units() {
        return units;
    }

    /**
     * The root's availability: {@code Π (1 - share * unitFailure)} over the units.
     *
     * @param availability each SLO's availability, in [0,1]
     * @return the product, in [0,1]
     */
    double product(ToDoubleFunction<Slo> availability) {
        double product = 1.0;
        for (Unit unit : units) {
            product *= 1.0 - unit.share() * unitFailure(unit, availability);
        }
        return product;
    }

    /**
     * The probability that {@code unit} fails an event that needs it.
     *
     * @param unit         one of {@link #units()}
     * @param availability each SLO's availability, in [0,1]
     * @return {@code 1 - a} for one SLO; {@code Π (1 - memberValue)} for a group
     */
    double unitFailure(Unit unit, ToDoubleFunction<Slo> availability) {
        if (unit.members().size() == 1) {
            return 1.0 - availability.applyAsDouble(unit.members().get(0));
        }
        double allFail = 1.0;
        for (Slo member : unit.members()) {
            allFail *= 1.0 - memberValue(member, availability);
        }
        return allFail;
    }

    /**
     * A group member's availability: its own times its nested cascade's (exact recursion, no flattening).
     *
     * @param member       a member of a redundant group
     * @param availability each SLO's availability, in [0,1]
     * @return the member's availability with everything it depends on
     */
    double memberValue(Slo member, ToDoubleFunction<Slo> availability) {
        double value = availability.applyAsDouble(member);
        Optional<Cascade> nested = registry.cascadeRootedAt(member);
        if (nested.isPresent()) {
            for (CascadeTerm term : nested.get().terms()) {
                if (term instanceof CascadeTerm.Critical critical) {
                    value *= 1.0 - critical.share() * (1.0 - memberValue(critical.slo(), availability));
                } else {
                    double allFail = 1.0;
                    for (Slo m : term.members()) {
                        allFail *= 1.0 - memberValue(m, availability);
                    }
                    value *= 1.0 - allFail;
                }
            }
        }
        return value;
    }
}
