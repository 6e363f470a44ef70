package dev.slo;

/**
 * Hears the alerts that start and stop firing: register it with {@link SloRegistry#onAlert}.
 *
 * <pre>{@code
 * slos.onAlert(transition -> {
 *     if (transition.severity() == Severity.PAGE) {
 *         pager.send(transition.slo().name(), transition.state(), transition.at());
 *     }
 * });
 * }</pre>
 *
 * <p>Called synchronously, on the thread that runs {@link SloRegistry#evaluate()}, once per transition, in
 * the order of the registration of listeners; while it runs, other evaluations of the registry wait (so
 * that every listener hears the transitions in the order they happened). Keep it short: hand slow work
 * (a network call) to an executor of your own. An exception it throws is reported to the registry's
 * error handler ({@link SloRegistry#onListenerError}) and stops neither the other listeners nor the
 * evaluation.
 */
@FunctionalInterface
public interface AlertListener {

    /**
     * Hears one transition.
     *
     * @param transition the alert that started or stopped firing
     */
    void onTransition(AlertTransition transition);
}
