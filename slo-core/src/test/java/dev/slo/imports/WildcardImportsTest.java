package dev.slo.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slo.*;
import java.util.ArrayList;
import java.util.List;
import java.util.function.*;
import org.junit.jupiter.api.Test;

/**
 * A user's file that imports {@code dev.slo.*} and {@code java.util.function.*} together compiles: no
 * public name of the library shadows a functional interface of the JDK. Outside the package {@code dev.slo},
 * as a user's code is.
 */
final class WildcardImportsTest {

    @Test
    void wildcardImportsOfTheLibraryAndJavaUtilFunction_compileTogether() {
        List<String> seen = new ArrayList<>();
        Consumer<String> collect = seen::add;                       // java.util.function.Consumer
        Supplier<DownstreamConsumer> billing = () -> DownstreamConsumer.of("billing", DownstreamConsumer.Impact.BLOCKING);
        collect.accept(billing.get().name());
        assertEquals(List.of("billing"), seen);
    }
}
