package dev.slo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Declares what a root SLO depends on; start with {@link SloRegistry#cascade(Slo)}, end with {@link #build()}.
 *
 * <pre>{@code
 * Cascade journey = slos.cascade(checkout)
 *         .dependsOn(auth)                  // critical on every checkout
 *         .dependsOn(payments)
 *         .dependsOn(search, 0.25)          // critical on 25% of checkouts
 *         .dependsOnAny(cacheA, cacheB)     // redundant: fails only when both fail
 *         .build();
 * }</pre>
 *
 * <p>Each call checks its argument at once: the SLO must belong to the root's registry, must not be the
 * root, and must not already be a dependency of this builder. {@link #build()} rejects a cascade that
 * would close a dependency cycle through the cascades already built, and a second cascade for the same
 * root. Not thread-safe: one builder belongs to one thread.
 */
public final class CascadeBuilder {
    private final SloRegistry registry;
    private final Slo root;
    private final List<CascadeTerm> terms = new ArrayList<>();
    private final Set<Slo> declared = new HashSet<>();

    CascadeBuilder(SloRegistry registry, Slo root) {
        this.registry = registry;
        this.root = root;
    }

    /**
     * Adds a dependency that is critical on every event of the root: when it fails, the root's event fails.
     * Same as {@code dependsOn(dependency, 1.0)}.
     *
     * @param dependency an SLO of the root's registry, not the root and not yet a dependency of this builder
     * @return this builder
     * @throws NullPointerException if {@code dependency} is null
     * @throws IllegalArgumentException if {@code dependency} is from another registry, is the root, or is already a dependency
     */
    public CascadeBuilder dependsOn(Slo dependency) {
        return dependsOn(dependency, 1.0);
    }

    /**
     * Adds a dependency that is critical on {@code share} of the root's events (e.g. 0.25 when one
     * checkout in four calls search).
     *
     * @param dependency an SLO of the root's registry, not the root and not yet a dependency of this builder
     * @param share the fraction of the root's events that need this dependency, in (0,1]
     * @return this builder
     * @throws NullPointerException if {@code dependency} is null
     * @throws IllegalArgumentException if {@code share} is outside (0,1], or {@code dependency} is from
     *     another registry, is the root, or is already a dependency
     */
    public CascadeBuilder dependsOn(Slo dependency, double share) {
        checkDependency(dependency, "dependency");
        Args.fractionUpToOne(share, "share");
        declared.add(dependency);
        terms.add(new CascadeTerm.Critical(dependency, share));
        return this;
    }

    /**
     * Adds a redundant group, critical on every event of the root: it fails only when all its members
     * fail, so it contributes {@code 1 - Π (1 - a_i)}.
     *
     * @param members at least two SLOs, none of them the root or already a dependency
     * @return this builder
     * @throws NullPointerException if {@code members} or one of them is null
     * @throws IllegalArgumentException if fewer than two members are given, one is repeated, is from
     *     another registry, is the root, or is already a dependency
     */
    public CascadeBuilder dependsOnAny(Slo... members) {
        Objects.requireNonNull(members, "members must not be null");
        if (members.length < 2) {
            throw new IllegalArgumentException("members must hold at least 2 SLOs (a single one is dependsOn), got "
                    + members.length);
        }
        Set<Slo> group = new HashSet<>();
        for (int i = 0; i < members.length; i++) {
            checkDependency(members[i], "members[" + i + "]");
            if (!group.add(members[i])) {
                throw new IllegalArgumentException("members must be distinct, got \"" + members[i].name() + "\" twice");
            }
        }
        declared.addAll(group);
        terms.add(new CascadeTerm.Redundant(List.of(members)));
        return this;
    }

    /**
     * Adds the cascade to the registry and returns it. The builder is not changed.
     *
     * @return the cascade, now part of the registry (so {@link SloRegistry#lint()} considers it)
     * @throws IllegalStateException if no dependency was declared
     * @throws IllegalArgumentException if the root already has a cascade, or a dependency reaches the
     *     root through cascades already built (a cycle)
     */
    public Cascade build() {
        if (terms.isEmpty()) {
            throw new IllegalStateException("dependencies: a cascade for \"" + root.name()
                    + "\" needs at least one dependsOn or dependsOnAny, got none");
        }
        return registry.addCascade(new Cascade(registry, root, terms));
    }

    private void checkDependency(Slo dependency, String parameter) {
        registry.checkOwn(dependency, parameter);
        if (dependency == root) {
            throw new IllegalArgumentException(parameter + " must not be the cascade's root, got \"" + root.name() + "\"");
        }
        if (declared.contains(dependency)) {
            throw new IllegalArgumentException(parameter + " is already a dependency of \"" + root.name()
                    + "\", got \"" + dependency.name() + "\" again");
        }
    }
}
