package dev.slo.examples;

import dev.slo.BurnRateAlert;
import dev.slo.ErrorBudget;
import dev.slo.Owner;
import dev.slo.Sli;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.Window;
import java.time.Duration;
import java.util.List;

/**
 * The README's quick start, compiled: the lines between the {@code quick-start} markers appear in
 * README.md exactly (QuickStartTest checks it).
 */
public final class QuickStart {
    private QuickStart() {}

    /** Defines one SLO, records one event and prints its budget. */
    public static void main(String[] args) {
        // quick-start:begin
        SloRegistry slos = SloRegistry.create();
        Slo checkout = slos.define("checkout-completes")
                .customerFacing("Checkout completes")
                .ownedBy(Owner.product("shop-pm"), Owner.engineering("checkout-eng"))
                .sli(Sli.ratio())
                .target(0.999)                                   // 99.9%
                .window(Window.rolling(Duration.ofDays(30)))
                .register();

        checkout.record(true);                                   // in the request handler: good or bad
        ErrorBudget budget = checkout.errorBudget();             // attainment(), remaining(), exhausted()
        List<BurnRateAlert> firing = checkout.alerts();          // SRE Workbook burn-rate rules
        // quick-start:end
        System.out.println(checkout.name() + ": " + budget.total() + " event, attainment " + budget.attainment()
                + ", budget remaining " + budget.remaining() + ", alerts firing " + firing.size());
    }
}
