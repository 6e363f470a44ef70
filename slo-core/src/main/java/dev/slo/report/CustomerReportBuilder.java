// Reads the customer report's rows from a registry through the public face, customer SLOs only.
package dev.slo.report;

import dev.slo.Audience;
import dev.slo.Revision;
import dev.slo.Slo;
import dev.slo.SloRegistry;
import dev.slo.SloSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds {@link CustomerRows}. It reads nothing of an internal SLO (not even how many there are), and
 * keeps a revision's actor by role only, since an engineering owner's name is often a team's that also
 * owns internal SLOs.
 */
final class CustomerReportBuilder {
    private CustomerReportBuilder() {}

    /**
     * @param registry the registry to report on
     * @return the rows of its customer SLOs, as of the registry clock's reading now
     */
    static CustomerRows rows(SloRegistry registry) {
        Instant asOf = registry.clock().instant();
        List<CustomerRows.Promise> promises = new ArrayList<>();
        for (Slo slo : registry.all()) {
            SloSpec spec = slo.spec();
            if (spec.audience() != Audience.CUSTOMER) {
                continue;
            }
            List<Revision> log = slo.revisions();
            promises.add(new CustomerRows.Promise(spec.name(), spec.description(), spec.target(),
                    spec.window().describe(), slo.errorBudget(), log.stream().map(CustomerReportBuilder::byRole).toList()));
        }
        return new CustomerRows(asOf, promises);
    }

    private static CustomerRows.RoleRevision byRole(Revision r) {
        return new CustomerRows.RoleRevision(r.when(), r.who().role().name().toLowerCase(Locale.ROOT), r.from(), r.to(), r.why());
    }
}
