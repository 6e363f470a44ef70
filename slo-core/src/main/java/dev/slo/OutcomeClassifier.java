package dev.slo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which outcomes of the work {@link Slo#call(java.util.concurrent.Callable, OutcomeClassifier)} times count
 * good, bad or not at all, as Resilience4j's {@code recordResult}, {@code recordExceptions} and
 * {@code ignoreExceptions} do for a circuit breaker. Immutable: each method returns a new classifier.
 *
 * <pre>{@code
 * OutcomeClassifier<Response> http = OutcomeClassifier.<Response>standard()
 *         .badWhen(r -> r.status() >= 500)                 // a 5xx answer is bad, though no exception
 *         .notCounting(BadRequestException.class);         // the caller's mistake: not an event of this SLO
 * Response r = checkout.call(() -> client.send(request), http);
 * }</pre>
 *
 * <p>A thrown exception is judged by its class: {@link #notCounting} first, then {@link #goodOn}, else bad.
 * A result is bad when a {@link #badWhen} predicate holds, else good.
 *
 * @param <T> the type of result the work returns
 */
public final class OutcomeClassifier<T> {
    private static final OutcomeClassifier<Object> STANDARD = new OutcomeClassifier<>(r -> false, List.of(), List.of());

    /** What an outcome counts as. */
    enum Verdict { GOOD, BAD, NOT_COUNTED }

    private final Predicate<? super T> badResult;
    private final List<Class<? extends Throwable>> good;
    private final List<Class<? extends Throwable>> notCounted;

    private OutcomeClassifier(Predicate<? super T> badResult, List<Class<? extends Throwable>> good,
            List<Class<? extends Throwable>> notCounted) {
        this.badResult = badResult;
        this.good = good;
        this.notCounted = notCounted;
    }

    /**
     * The classifier {@link Slo#call(java.util.concurrent.Callable)} and {@link Slo#run(Runnable)} use:
     * every result good, every exception bad.
     *
     * @param <T> the type of result
     * @return the standard classifier
     */
    @SuppressWarnings("unchecked")
    public static <T> OutcomeClassifier<T> standard() {
        return (OutcomeClassifier<T>) STANDARD;
    }

    /**
     * Also counts bad a result for which {@code isBad} holds (an error status, an empty answer).
     *
     * @param isBad judges a result; must not throw (what it throws propagates, and the event counts bad)
     * @return a new classifier
     * @throws NullPointerException if {@code isBad} is null
     */
    public OutcomeClassifier<T> badWhen(Predicate<? super T> isBad) {
        Objects.requireNonNull(isBad, "isBad must not be null");
        Predicate<? super T> before = badResult;
        return new OutcomeClassifier<T>(r -> before.test(r) || isBad.test(r), good, notCounted);
    }

    /**
     * Counts good an exception of one of {@code types} (or a subclass): work that ended as it should
     * though by throwing, e.g. a "not found" the service answers correctly.
     *
     * @param types exception classes
     * @return a new classifier
     * @throws NullPointerException if {@code types} or one of them is null
     * @throws IllegalArgumentException if {@code types} is empty
     */
    @SafeVarargs
    public final OutcomeClassifier<T> goodOn(Class<? extends Throwable>... types) {
        return new OutcomeClassifier<>(badResult, plus(good, types, "types"), notCounted);
    }

    /**
     * Counts not at all an exception of one of {@code types} (or a subclass): neither good nor bad, as
     * for a caller's mistake (a bad request) that says nothing about the service. The exception is still
     * rethrown, and judged before {@link #goodOn}.
     *
     * @param types exception classes
     * @return a new classifier
     * @throws NullPointerException if {@code types} or one of them is null
     * @throws IllegalArgumentException if {@code types} is empty
     */
    @SafeVarargs
    public final OutcomeClassifier<T> notCounting(Class<? extends Throwable>... types) {
        return new OutcomeClassifier<>(badResult, good, plus(notCounted, types, "types"));
    }

    Verdict ofResult(T result) {
        return badResult.test(result) ? Verdict.BAD : Verdict.GOOD;
    }

    Verdict ofException(Throwable thrown) {
        if (matches(notCounted, thrown)) {
            return Verdict.NOT_COUNTED;
        }
        return matches(good, thrown) ? Verdict.GOOD : Verdict.BAD;
    }

    private static boolean matches(List<Class<? extends Throwable>> types, Throwable thrown) {
        for (Class<? extends Throwable> type : types) {
            if (type.isInstance(thrown)) {
                return true;
            }
        }
        return false;
    }

    private static List<Class<? extends Throwable>> plus(List<Class<? extends Throwable>> before, Class<? extends Throwable>[] types,
            String name) {
        Objects.requireNonNull(types, name + " must not be null");
        if (types.length == 0) {
            throw new IllegalArgumentException(name + " must name at least one exception class, got none");
        }
        for (int i = 0; i < types.length; i++) {
            Objects.requireNonNull(types[i], name + "[" + i + "] must not be null");
        }
        List<Class<? extends Throwable>> all = new ArrayList<>(before);
        all.addAll(Arrays.asList(types));
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return "OutcomeClassifier[good on " + good + ", not counting " + notCounted + "]";
    }
}
