package dev.slo;

import java.util.Objects;

/**
 * Someone who owns an SLO, in a role. Also the actor of a {@link Slo#revise revision}.
 *
 * <p>Two owners match when both name and role are equal; {@link #team(String)} is the engineering
 * role, so {@code Owner.team("identity").equals(Owner.engineering("identity"))}.
 *
 * @param name the person, team or group, never blank, without control characters
 * @param role what they own: the promise ({@link Role#PRODUCT}) or its delivery ({@link Role#ENGINEERING})
 */
public record Owner(String name, Role role) {

    /** The two roles that share an SLO. */
    public enum Role {
        /** Owns the promise: what is offered to customers and how strict it is. */
        PRODUCT,
        /** Owns the delivery: running the service so that it keeps the promise. */
        ENGINEERING
    }

    /**
     * Checks the owner's name and role.
     *
     * @param name the person, team or group, not blank, without control characters
     * @param role the role they own the SLO in, not null
     * @throws NullPointerException if {@code name} or {@code role} is null
     * @throws IllegalArgumentException if {@code name} is blank or holds a control character
     */
    public Owner {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(role, "role must not be null");
        Args.requireWords(name, "name");
    }

    /**
     * A product owner: may relax a customer SLO.
     *
     * @param name the person or group that owns the promise, not blank, without control characters
     * @return an owner in the {@link Role#PRODUCT} role
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is blank or holds a control character
     */
    public static Owner product(String name) {
        return new Owner(name, Role.PRODUCT);
    }

    /**
     * An engineering owner.
     *
     * @param name the person or team that delivers the promise, not blank, without control characters
     * @return an owner in the {@link Role#ENGINEERING} role
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is blank or holds a control character
     */
    public static Owner engineering(String name) {
        return new Owner(name, Role.ENGINEERING);
    }

    /**
     * The team that runs a service: the same as {@link #engineering(String)}.
     *
     * @param name the team, not blank, without control characters
     * @return an owner in the {@link Role#ENGINEERING} role, equal to {@code Owner.engineering(name)}
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code name} is blank or holds a control character
     */
    public static Owner team(String name) {
        return engineering(name);
    }

    @Override
    public String toString() {
        return role.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
    }
}
