package dev.slo;

import static dev.slo.Rejections.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.Rejections.Recorded;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Bad input to the {@link Budgeting} factories: slices too short, too long or not dividing a day, slice
 * targets outside (0,1].
 */
final class BudgetingBadInputTest implements Rejections.Table {
    private final Recorded recorded = new Recorded();

    @Test void timeslices_badSlice() {
        recorded.rejects(IllegalArgumentException.class, () -> Budgeting.timeslices(Duration.ofSeconds(7)), "slice", "7s");
    }
    @Test void timeslices_badSliceTarget() {
        recorded.rejects(IllegalArgumentException.class,
                () -> Budgeting.timeslices(Duration.ofMinutes(1), 1.5), "sliceTarget", "got 1.5");
    }

    @Test
    void aSliceShorterThanOneSecondIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Budgeting.timeslices(Duration.ofMillis(500)));
        assertTrue(e.getMessage().contains("500ms"), e.getMessage());
    }

    @Test
    void aSliceLongerThanOneHourIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Budgeting.ratioTimeslices(Duration.ofHours(2)));
        assertTrue(e.getMessage().contains("2h"), e.getMessage());
    }

    @Test
    void aSliceThatDoesNotDivideADayIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Budgeting.timeslices(Duration.ofSeconds(7)));   // 86400 / 7 is not whole
        assertTrue(e.getMessage().contains("7s"), e.getMessage());
    }

    @Test
    void aSliceTargetOutsideZeroToOneIsRejected() {
        IllegalArgumentException high = assertThrows(IllegalArgumentException.class,
                () -> Budgeting.timeslices(Duration.ofMinutes(1), 1.5));
        assertEquals("sliceTarget must be in (0,1], got 1.5", high.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Budgeting.timeslices(Duration.ofMinutes(1), 0));
        assertThrows(IllegalArgumentException.class, () -> Budgeting.timeslices(Duration.ofMinutes(1), Double.NaN));
        assertThrows(NullPointerException.class, () -> Budgeting.timeslices(null));
    }

    /** The rows this type adds to the table of rejected calls that {@link Rejections.Table} runs. */
    static Stream<Arguments> cases() {
        return Stream.of(
                row("slice that does not divide a day", w -> Budgeting.timeslices(Duration.ofSeconds(7)),
                        IllegalArgumentException.class, "got 7s"));
    }
}
