/**
 * Service level objectives inside a Java service: declare SLOs in code, record each request's or job's
 * outcome, and ask how much error budget is left, how fast it burns, which burn-rate alerts fire and
 * what internal dependencies predict for a customer-facing promise.
 *
 * <pre>{@code
 * SloRegistry slos = SloRegistry.create();
 * Slo checkout = slos.define("checkout-completes")
 *         .customerFacing("Checkout completes")
 *         .ownedBy(Owner.product("shop-pm"), Owner.engineering("checkout-eng"))
 *         .sli(Sli.ratio())
 *         .target(0.999)
 *         .window(Window.rolling(Duration.ofDays(30)))
 *         .register();
 * checkout.record(true);                      // on every request: lock-free, allocation-free
 * ErrorBudget budget = checkout.errorBudget();
 * List<BurnRateAlert> firing = checkout.alerts();
 * }</pre>
 *
 * <h2>Who may use it</h2>
 * This package is the library's public face: {@link dev.slo.SloRegistry} and {@link dev.slo.Slo}, the
 * definitions ({@link dev.slo.SloSpec}, {@link dev.slo.Sli}, {@link dev.slo.Window},
 * {@link dev.slo.Budgeting}, {@link dev.slo.AlertPolicy}), the answers ({@link dev.slo.ErrorBudget},
 * {@link dev.slo.BurnRateAlert}, {@link dev.slo.Cascade}, {@link dev.slo.Finding}), the practice
 * around them (owners, revisions, exclusions) and its operation: alert transitions for a pager
 * ({@link dev.slo.SloRegistry#evaluate()}, {@link dev.slo.AlertListener}), error-budget policies and
 * release decisions ({@link dev.slo.ErrorBudgetPolicy}, {@link dev.slo.ReleaseDecision}), grouped SLOs
 * ({@link dev.slo.Slo#group}), timers ({@link dev.slo.Slo#startTimer()}, {@link dev.slo.Slo#call}) and
 * snapshots ({@link dev.slo.Snapshot}). Everything else in it is package-private; the recording engine is
 * in a package the module does not export.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Every method is thread-safe. Recording ({@code record}, {@code recordCounts}, {@code observe})
 *       is lock-free and allocates nothing; queries take a lock writers never wait on.</li>
 *   <li>Values are immutable records or final classes, with accessors without {@code get}.</li>
 *   <li>Bad input is refused at the call that receives it with {@code IllegalArgumentException} (or
 *       {@code NullPointerException} for null), naming the parameter and the value; nothing recorded
 *       changes.</li>
 *   <li>Time comes from the registry's {@link java.time.Clock} ({@link dev.slo.ManualClock} in tests); one
 *       query reads it once. Targets are fractions in (0,1), {@code 1 - target} is derived in decimal.</li>
 *   <li>No global state and no threads of the library's own: periodic work
 *       ({@link dev.slo.SloRegistry#evaluateEvery}, {@link dev.slo.SnapshotStore#saveEvery}) runs on the
 *       caller's executor.</li>
 * </ul>
 */
package dev.slo;
