package dev.slo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/*
 * The groups of one grouped SLO: one Slo per label value, created on first use, at most the grouping's cap,
 * and one overflow group for every value beyond. Package-private; Slo.group(value) is its face.
 *
 * Assumptions and guarantees
 *  - get(value) of a value seen before is one ConcurrentHashMap read: lock-free, allocation-free.
 *  - Once the cap is reached, get() of a new value checks it and returns the overflow group without a lock
 *    (the volatile `full` flag), so a flood of new values never contends nor grows memory.
 *  - Groups are created under the whole's specLock (then this lock): a revision or exclusion of the whole,
 *    applied to the groups under the same specLock, reaches every group, created before or after.
 */
final class SloGroups {
    private final Slo whole;
    private final Grouping grouping;
    private final ConcurrentHashMap<String, Slo> byValue = new ConcurrentHashMap<>();
    /** Guarded by this; the named groups in creation order, then the overflow group once created. */
    private final List<Slo> ordered = new ArrayList<>();
    /** Written under this, once; read without it once the cap is reached. */
    private volatile Slo overflow;
    /** Set under this when a value beyond the cap met a complete overflow group. */
    private volatile boolean full;

    SloGroups(Slo whole, Grouping grouping) {
        this.whole = whole;
        this.grouping = grouping;
    }

    Grouping grouping() {
        return grouping;
    }

    Slo get(String value) {
        Slo group = byValue.get(value);            // value checked non-null by the caller
        if (group != null) {
            return group;
        }
        Grouping.checkValue(value);
        if (full) {
            return overflow;                         // volatile read: written before full was set
        }
        return whole.createGroup(this, value);
    }

    /** Creates (or finds) the group of {@code value}; called by the whole under its specLock. */
    Slo create(String value, Function<String, Slo> make) {
        synchronized (this) {
            Slo group = byValue.get(value);
            if (group != null) {
                return group;
            }
            if (value.equals(Grouping.OVERFLOW) || ordered.size() >= grouping.maxGroups()) {
                if (overflow == null) {
                    overflow = make.apply(Grouping.OVERFLOW);
                    byValue.put(Grouping.OVERFLOW, overflow);
                }
                if (!value.equals(Grouping.OVERFLOW)) {
                    full = true;
                }
                return overflow;
            }
            group = make.apply(value);
            byValue.put(value, group);
            ordered.add(group);
            return group;
        }
    }

    /** {@return the groups created so far: the named ones in creation order, then the overflow group if any} */
    synchronized List<Slo> all() {
        List<Slo> all = new ArrayList<>(ordered);
        if (overflow != null) {
            all.add(overflow);
        }
        return List.copyOf(all);
    }
}
