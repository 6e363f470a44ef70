package dev.slo;

/**
 * Thrown by {@link Slo#revise} when the actor may not make that change: on a
 * {@link Audience#CUSTOMER} SLO only a matching {@link Owner.Role#PRODUCT} owner may lower the target,
 * and any matching owner may raise it; on an {@link Audience#INTERNAL} SLO any matching owner may change
 * it. An actor matches an owner when name and role are both equal. Nothing changes when it is thrown.
 */
public final class DecisionRightsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Owner actor;
    /** The name of the SLO the actor tried to revise. */
    private final String slo;

    /**
     * An exception naming the SLO, the actor and the change refused.
     *
     * @param slo     the name of the SLO the actor tried to revise
     * @param actor   who tried
     * @param message what is not allowed, and who may do it
     */
    public DecisionRightsException(String slo, Owner actor, String message) {
        super(message);
        this.slo = slo;
        this.actor = actor;
    }

    /** {@return the name of the SLO the actor tried to revise} */
    public String slo() {
        return slo;
    }

    /** {@return who tried: the owner given to {@link Slo#revise}; null once the exception has been deserialized} */
    public Owner actor() {
        return actor;
    }
}
