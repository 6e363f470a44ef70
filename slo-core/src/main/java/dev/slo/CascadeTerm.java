package dev.slo;

import java.util.List;

/** One direct dependency of a {@link Cascade}, as declared: critical on a share of events, or a redundant group. */
sealed interface CascadeTerm permits CascadeTerm.Critical, CascadeTerm.Redundant {

    /** The SLOs of this term, in declaration order. */
    List<Slo> members();

    /** Critical on {@code share} of the root's events: such an event fails when this dependency fails. */
    record Critical(Slo slo, double share) implements CascadeTerm {
        @Override
        public List<Slo> members() {
            return List.of(slo);
        }
    }

    /** A redundant group, critical on every event: it fails only when all its members fail. */
    record Redundant(List<Slo> members) implements CascadeTerm {
        public Redundant {
            members = List.copyOf(members);
        }
    }
}
