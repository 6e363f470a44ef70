package dev.slo;

import java.util.List;
import java.util.Locale;

/**
 * When an SLO's error budget stops releases: the agreement that makes an SLO more than a number (SRE
 * Workbook, "Implementing SLOs", and its appendix "Example Error Budget Policy"). Set per SLO with
 * {@link SloBuilder#errorBudgetPolicy}; {@link Slo#releaseDecision()} applies it.
 *
 * <pre>{@code
 * ErrorBudgetPolicy.sreWorkbook()                    // the default: stop while the budget is spent
 * ErrorBudgetPolicy.freezeBelow(0.25)                 // keep a quarter of the budget in reserve
 * ErrorBudgetPolicy.sreWorkbook().andWhilePaging()    // also stop while a PAGE alert fires
 * }</pre>
 *
 * @param freezeBelow       releases stop while the budget remaining is below this share of the window's
 *     budget, in [0,1); 0 means "while the budget is spent" (exhausted, {@link ErrorBudget#exhausted()}),
 *     and releases resume once it is back above zero
 * @param freezeWhilePaging releases also stop while a {@link Severity#PAGE} alert of the SLO fires
 */
public record ErrorBudgetPolicy(double freezeBelow, boolean freezeWhilePaging) {
    private static final ErrorBudgetPolicy SRE_WORKBOOK = new ErrorBudgetPolicy(0, false);

    /**
     * Checks the share.
     *
     * @param freezeBelow       in [0,1)
     * @param freezeWhilePaging whether a firing page stops releases too
     * @throws IllegalArgumentException if {@code freezeBelow} is outside [0,1)
     */
    public ErrorBudgetPolicy {
        if (!(freezeBelow >= 0 && freezeBelow < 1)) {
            throw new IllegalArgumentException("freezeBelow must be in [0,1), got " + freezeBelow);
        }
    }

    /**
     * The SRE Workbook's example policy, and the default: releases (other than fixes) stop while the SLO
     * has spent its error budget over its window, and resume once the budget is back above zero.
     *
     * @return the policy
     */
    public static ErrorBudgetPolicy sreWorkbook() {
        return SRE_WORKBOOK;
    }

    /**
     * Releases stop while less than {@code share} of the window's budget remains: a reserve kept for the
     * incidents no release causes.
     *
     * @param share a fraction in (0,1), e.g. 0.25 to keep a quarter in reserve
     * @return the policy
     * @throws IllegalArgumentException if {@code share} is not in (0,1)
     */
    public static ErrorBudgetPolicy freezeBelow(double share) {
        Args.fractionOpen(share, "share");
        return new ErrorBudgetPolicy(share, false);
    }

    /** {@return this policy, and releases also stop while a {@link Severity#PAGE} alert of the SLO fires} */
    public ErrorBudgetPolicy andWhilePaging() {
        return new ErrorBudgetPolicy(freezeBelow, true);
    }

    /**
     * The decision for {@code slo} now, with a reason that names the SLO (a group as {@code api{endpoint="/pay"}}),
     * the budget left and the rule.
     */
    ReleaseDecision decide(Slo slo, ErrorBudget budget, List<BurnRateAlert> alerts) {
        String window = slo.spec().window().toString();
        String left = percent(budget.remaining()) + " of its " + window + " error budget left";
        boolean spent = freezeBelow == 0 ? budget.exhausted() : budget.remaining() < freezeBelow;
        BurnRateAlert page = null;
        if (freezeWhilePaging) {
            for (BurnRateAlert alert : alerts) {
                if (alert.severity() == Severity.PAGE) {
                    page = alert;
                    break;
                }
            }
        }
        // a group shares its whole's name: name it by its label too, so that decisions over several groups say which blocks
        String name = slo.whole().isPresent() ? slo.label() : Text.quoted(slo.name());
        if (!spent && page == null) {
            return ReleaseDecision.allow(name + " allows releases: " + left + "; " + rule());
        }
        StringBuilder why = new StringBuilder(name).append(" stops releases: ");
        if (spent) {
            why.append(left).append(freezeBelow == 0 ? ", the budget is spent" : ", below the " + percent(freezeBelow) + " kept in reserve");
        }
        if (page != null) {
            why.append(spent ? ", and " : "").append("a page fires (").append(page.rule()).append(")");
            if (!spent) {
                why.append("; ").append(left);
            }
        }
        why.append("; ").append(rule());
        return ReleaseDecision.block(slo, why.toString());
    }

    /** The rule in words, for reasons. */
    private String rule() {
        String budgetRule = freezeBelow == 0
                ? "the policy stops releases while the budget is spent, until it is back above zero"
                : "the policy stops releases while less than " + percent(freezeBelow) + " of the budget remains";
        return freezeWhilePaging ? budgetRule + ", and while a page fires" : budgetRule;
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    @Override
    public String toString() {
        return "ErrorBudgetPolicy[" + rule() + "]";
    }
}
