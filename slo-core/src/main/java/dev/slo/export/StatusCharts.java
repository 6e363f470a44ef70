// Draws a burn-down as inline SVG: fixed geometry, linear axes, the data beside the drawing.
package dev.slo.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The SVG of a {@link BurnDown}: a plot box of fixed size, time along x from the window's start to its end,
 * the share of the budget left along y from {@code yMin} at the bottom to 1 (100%) at the top, where
 * {@code yMin} is 0, or below 0 when the budget was overspent (the lowest share, rounded down to a quarter).
 *
 * <p>The mapping is linear and stated on the {@code <svg>} element itself, so a reader can check the drawing
 * against the data: {@code data-plot="left top width height"} (the plot box, in SVG units), {@code data-x-start}
 * and {@code data-x-end} (ISO-8601 instants), {@code data-y-min} and {@code data-y-max}. A point at instant
 * {@code t} with share {@code r} is drawn at
 * {@code x = left + width * (t - xStart) / (xEnd - xStart)}, {@code y = top + height * (yMax - r) / (yMax - yMin)},
 * rounded to two decimals. The line, {@code <polyline class="budget">}, carries its data unrounded:
 * {@code data-at} (the points' instants) and {@code data-remaining} (their shares, as Java prints a double).
 */
final class StatusCharts {
    /** The line's colour: a deep pink that nothing else on the page uses. */
    static final String LINE_COLOUR = "#c2185b";
    /** The plot box's fill: a pale blue-grey that nothing else on the page uses. */
    static final String PLOT_FILL = "#eef2f7";

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final int LEFT = 56;
    static final int TOP = 12;
    static final int PLOT_WIDTH = 568;
    static final int PLOT_HEIGHT = 172;

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private StatusCharts() {}

    /** {@return the bottom of the y axis for a chart whose lowest share is {@code lowest}: 0, or lower in quarters} */
    static double yMin(double lowest) {
        return lowest >= 0 ? 0.0 : Math.floor(lowest * 4) / 4;
    }

    /** Writes the chart of {@code chart}, titled {@code title}, into {@code out}. */
    static void burnDown(Html out, BurnDown chart, String title) {
        double yMin = yMin(chart.lowest());
        long x0 = chart.start().toEpochMilli();
        long span = Math.max(1, chart.end().toEpochMilli() - x0);
        out.open("svg", "xmlns", SVG, "class", "burndown", "width", String.valueOf(WIDTH), "height", String.valueOf(HEIGHT),
                "viewBox", "0 0 " + WIDTH + " " + HEIGHT, "role", "img",
                "data-plot", LEFT + " " + TOP + " " + PLOT_WIDTH + " " + PLOT_HEIGHT,
                "data-x-start", chart.start().toString(), "data-x-end", chart.end().toString(),
                "data-y-min", Double.toString(yMin), "data-y-max", "1.0");
        out.element("title", title);
        out.empty("rect", "class", "plot", "x", String.valueOf(LEFT), "y", String.valueOf(TOP), "width", String.valueOf(PLOT_WIDTH),
                "height", String.valueOf(PLOT_HEIGHT), "fill", PLOT_FILL, "shape-rendering", "crispEdges");
        double[] ticks = yMin < 0 ? new double[] {1.0, 0.5, 0.0, yMin} : new double[] {1.0, 0.5, 0.0};
        for (double tick : ticks) {
            String y = coordinate(y(tick, yMin));
            out.empty("line", "class", tick == 0.0 ? "zero" : "grid", "x1", String.valueOf(LEFT), "x2", String.valueOf(LEFT + PLOT_WIDTH),
                    "y1", y, "y2", y);
            out.element("text", Math.round(tick * 100) + "%", "class", "tick", "x", String.valueOf(LEFT - 6), "y", y,
                    "text-anchor", "end", "dominant-baseline", "middle");
        }
        String base = String.valueOf(TOP + PLOT_HEIGHT + 18);
        out.element("text", DAY.format(chart.start()), "class", "tick", "x", String.valueOf(LEFT), "y", base, "text-anchor", "start");
        out.element("text", DAY.format(chart.end()), "class", "tick", "x", String.valueOf(LEFT + PLOT_WIDTH), "y", base,
                "text-anchor", "end");
        StringBuilder points = new StringBuilder(chart.points().size() * 16);
        StringBuilder at = new StringBuilder(chart.points().size() * 21);
        StringBuilder remaining = new StringBuilder(chart.points().size() * 8);
        for (BurnDown.Point p : chart.points()) {
            String separator = points.length() == 0 ? "" : " ";
            double x = LEFT + PLOT_WIDTH * (double) (p.at().toEpochMilli() - x0) / span;
            points.append(separator).append(coordinate(x)).append(',').append(coordinate(y(p.remaining(), yMin)));
            at.append(separator).append(p.at());
            remaining.append(separator).append(p.remaining());
        }
        out.empty("polyline", "class", "budget", "fill", "none", "stroke", LINE_COLOUR, "stroke-width", "2.5",
                "stroke-linejoin", "round", "stroke-linecap", "round", "points", points.toString(),
                "data-at", at.toString(), "data-remaining", remaining.toString());
        out.close();
    }

    private static double y(double remaining, double yMin) {
        return TOP + PLOT_HEIGHT * (1.0 - remaining) / (1.0 - yMin);
    }

    /** {@return an SVG coordinate with two decimals, in the root locale} */
    static String coordinate(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** {@return the instant a chart's x axis label shows, for the caption} */
    static String label(Instant at) {
        return DAY.format(at);
    }
}
