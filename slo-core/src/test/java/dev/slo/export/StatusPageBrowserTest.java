package dev.slo.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.Audience;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customer status page of {@link StatusScenario} rendered by a real browser: Debian's {@code chromium},
 * headless (installed by {@code .ci/run}; a missing chromium fails the test, it is never skipped), bounded to
 * 60 seconds and stopped with its child processes on timeout. The screenshot, read with {@code javax.imageio},
 * is not blank, holds the first chart's plot box (found by its fill colour, which nothing else uses) at the
 * size the SVG gives it, and the budget's line (found by its colour) inside that box where the data puts it:
 * at 100% early in the window, at 50% after the March 10 incident, down to 30% at now.
 */
final class StatusPageBrowserTest {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 1800;

    @TempDir
    Path directory;

    /** A rectangle of pixels, bounds inclusive. */
    private record Box(int left, int top, int right, int bottom) {
        int width() {
            return right - left + 1;
        }

        int height() {
            return bottom - top + 1;
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aHeadlessBrowserDrawsTheBurnDownWhereTheDataPutsIt() throws Exception {
        Path page = directory.resolve("status.html");
        Files.writeString(page, StatusPage.html(new StatusScenario().slos, Audience.CUSTOMER), StandardCharsets.UTF_8);
        BufferedImage shot = screenshot(page);
        assertEquals(WIDTH, shot.getWidth());
        assertEquals(HEIGHT, shot.getHeight());

        Set<Integer> colours = new HashSet<>();
        long inked = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int rgb = shot.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    inked++;
                }
            }
        }
        assertTrue(colours.size() > 20 && inked > WIDTH * HEIGHT / 100, "a blank screenshot: " + colours.size() + " colours, "
                + inked + " pixels not white");

        Box plot = firstBoxOf(shot, rgb(StatusCharts.PLOT_FILL));
        assertEquals(StatusCharts.PLOT_WIDTH, plot.width(), 2, "the plot box " + plot);
        assertEquals(StatusCharts.PLOT_HEIGHT, plot.height(), 2, "the plot box " + plot);

        int line = rgb(StatusCharts.LINE_COLOUR);
        int lineInside = 0;
        for (int y = plot.top() - 3; y <= plot.bottom() + 3; y++) {
            for (int x = plot.left() - 3; x <= plot.right() + 3; x++) {
                lineInside += near(shot.getRGB(x, y), line) ? 1 : 0;
            }
        }
        assertTrue(lineInside > StatusCharts.PLOT_WIDTH, "the line's colour inside the plot box: " + lineInside + " pixels");
        // 10% along the window (March 4): untouched; 80% (March 25): half spent; at now: 30% left
        assertEquals(plot.top(), lineAt(shot, plot, plot.left() + plot.width() / 10), 3.0, "at 10% of the window");
        assertEquals(plot.top() + 0.5 * plot.height(), lineAt(shot, plot, plot.left() + plot.width() * 8 / 10), 3.0, "at 80%");
        assertEquals(plot.top() + 0.7 * plot.height(), lowestLineNear(shot, plot, plot.right()), 3.0, "at now");
    }

    /** Runs chromium headless on {@code page} and reads its screenshot; fails if chromium is missing, fails or hangs. */
    private BufferedImage screenshot(Path page) throws IOException, InterruptedException {
        Path png = directory.resolve("status.png");
        Path log = directory.resolve("chromium.log");
        List<String> command = List.of(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + directory.resolve("profile"), "--window-size=" + WIDTH + "," + HEIGHT,
                "--screenshot=" + png, page.toUri().toString());
        Process chromium = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!chromium.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("chromium took more than 60 s: " + Files.readString(log));
            }
        } finally {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
        }
        assertEquals(0, chromium.exitValue(), () -> "chromium failed: " + readQuietly(log));
        File file = png.toFile();
        assertTrue(file.isFile(), () -> "chromium wrote no screenshot: " + readQuietly(log));
        BufferedImage image = ImageIO.read(file);
        assertTrue(image != null, "the screenshot is not a PNG ImageIO reads");
        return image;
    }

    /** {@return Debian's chromium on the PATH; fails the test when it is missing} */
    private static Path chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "chromium");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("chromium is not installed: .ci/run installs it (apt-get install -y --no-install-recommends chromium)");
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * The bounding box of the first run of rows, from the top, that hold pixels of exactly {@code rgb}; a grid line
     * across the box may hide it in a few rows.
     */
    private static Box firstBoxOf(BufferedImage shot, int rgb) {
        int top = -1;
        int bottom = -1;
        int left = Integer.MAX_VALUE;
        int right = -1;
        for (int y = 0; y < shot.getHeight(); y++) {
            boolean any = false;
            for (int x = 0; x < shot.getWidth(); x++) {
                if ((shot.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    any = true;
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
            if (any && top < 0) {
                top = y;
            }
            if (any) {
                bottom = y;
            } else if (top >= 0 && y - bottom > 3) {
                break;
            }
        }
        assertTrue(top >= 0, "no pixel of the plot's fill #" + Integer.toHexString(rgb) + " in the screenshot");
        return new Box(left, top, right, bottom);
    }

    /** The mean y of the line's pixels in column {@code x} of the plot box. */
    private static double lineAt(BufferedImage shot, Box plot, int x) {
        int line = rgb(StatusCharts.LINE_COLOUR);
        double sum = 0;
        int n = 0;
        for (int y = plot.top() - 3; y <= plot.bottom() + 3; y++) {
            if (near(shot.getRGB(x, y), line)) {
                sum += y;
                n++;
            }
        }
        assertTrue(n > 0, "no pixel of the line in column " + x);
        return sum / n;
    }

    /** The lowest y of the line's pixels within 3 columns of {@code x} (the line's end, after its last drop), less its half width. */
    private static double lowestLineNear(BufferedImage shot, Box plot, int x) {
        int line = rgb(StatusCharts.LINE_COLOUR);
        for (int y = plot.bottom() + 3; y >= plot.top() - 3; y--) {
            for (int column = x - 3; column <= x + 3; column++) {
                if (near(shot.getRGB(column, y), line)) {
                    return y - 1;
                }
            }
        }
        throw new AssertionError("no pixel of the line near column " + x);
    }

    private static int rgb(String hex) {
        return Integer.parseInt(hex.substring(1), 16);
    }

    /** Whether {@code argb} is within 48 of {@code rgb} in every channel: the line's core, not its anti-aliased rim. */
    private static boolean near(int argb, int rgb) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((argb >> shift & 0xFF) - (rgb >> shift & 0xFF)) > 48) {
                return false;
            }
        }
        return true;
    }
}
