package dev.slo;

// Blame: which dependencies a cascade root's shortfall comes from, as shares of -ln(availability).

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Splits a cascade root's shortfall among its dependencies, for {@link Cascade#blame()}.
 *
 * <p>With {@code e_i = 1 - share_i * failure_i} for each unit of the {@link CascadeModel}, unit {@code i}
 * carries {@code ln(e_i) / Σ ln(e_j)} (as Cascade#blame documents), so the shares split {@code -ln(A)} of the predicted
 * availability {@code A = Π e_i}. A unit that fails every event that needs it ({@code e_i = 0}) carries
 * all of it (several such share it equally). A redundant group's share is split among its members in
 * proportion to their failure ratios ({@code 1 - memberValue}), equally when none failed. When nothing
 * failed at all, each SLO carries {@code 1/n}.
 *
 * <p>Package-private; stateless, so thread-safe. The figures it is given are read by the caller, at one
 * clock reading.
 */
final class Blame {

    private Blame() {}

    /**
     * The contributions, largest share first; the shares sum to 1 (each clamped to [0,1]).
     *
     * @param model      the flattened cascade
     * @param attainment each SLO's observed attainment over the root's window, in [0,1]
     * @return one contribution per member of every unit, largest share first (ties in the order reached)
     */
    static List<Contribution> of(CascadeModel model, ToDoubleFunction<Slo> attainment) {
        List<CascadeModel.Unit> units = model.units();
        double[] logs = new double[units.size()];
        double sum = 0;
        boolean zero = false;
        for (int i = 0; i < units.size(); i++) {
            CascadeModel.Unit unit = units.get(i);
            double failure = unit.share() * model.unitFailure(unit, attainment);
            logs[i] = failure >= 1 ? Double.NEGATIVE_INFINITY : Math.log1p(-failure);
            zero |= failure >= 1;
            sum += logs[i];
        }
        Map<Slo, Double> shares = new LinkedHashMap<>();
        for (CascadeModel.Unit unit : units) {
            for (Slo member : unit.members()) {
                shares.put(member, 0.0);
            }
        }
        for (int i = 0; i < units.size(); i++) {
            CascadeModel.Unit unit = units.get(i);
            double unitShare;
            if (zero) {
                unitShare = logs[i] == Double.NEGATIVE_INFINITY ? 1.0 : 0.0;
            } else if (sum < 0) {
                unitShare = logs[i] / sum;
            } else {
                unitShare = 0.0;
            }
            if (unitShare == 0.0) {
                continue;
            }
            double weights = 0;
            for (Slo member : unit.members()) {
                weights += 1.0 - model.memberValue(member, attainment);
            }
            for (Slo member : unit.members()) {
                double part = weights > 0
                        ? (1.0 - model.memberValue(member, attainment)) / weights
                        : 1.0 / unit.members().size();
                shares.merge(member, unitShare * part, Double::sum);
            }
        }
        double total = 0;
        for (double share : shares.values()) {
            total += share;
        }
        List<Contribution> blame = new ArrayList<>();
        for (Map.Entry<Slo, Double> entry : shares.entrySet()) {
            double share = total > 0 ? entry.getValue() / total : 1.0 / shares.size();
            blame.add(new Contribution(entry.getKey(), Math.min(1.0, Math.max(0.0, share))));
        }
        blame.sort(Comparator.comparingDouble(Contribution::share).reversed());
        return List.copyOf(blame);
    }
}
