package dev.slo.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.TestSeeds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Replacing a file atomically: the old contents or the new, whole, whatever fails and whenever the process dies. */
final class AtomicFileTest {
    @TempDir
    Path directory;

    @Test
    void writesAndReplacesLeavingNoTemporaryFile() throws IOException {
        Path target = directory.resolve("slos.snapshot");
        AtomicFile.write(target, out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
        AtomicFile.write(target, out -> out.write("second".getBytes(StandardCharsets.UTF_8)));
        assertEquals("second", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = directory.resolve("slos.snapshot");
        AtomicFile.write(target, out -> out.write("kept".getBytes(StandardCharsets.UTF_8)));
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("kept", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void leftoversOfDeadWritesAreRemovedAndNothingElse() throws IOException {
        Path target = directory.resolve("slos.snapshot");
        Files.writeString(target, "current");
        Files.writeString(directory.resolve(".slos.snapshot.123.tmp"), "half");
        Files.writeString(directory.resolve(".other.snapshot.456.tmp"), "someone else's");
        assertEquals(1, AtomicFile.removeLeftovers(target));
        assertEquals(List.of(directory.resolve(".other.snapshot.456.tmp"), target), files());
    }

    /**
     * A child JVM saves in a loop and is killed at a random moment, 15 times: the file on disk is always
     * a complete snapshot, every section's checksum good and every pattern whole, never older than after
     * the previous kill, and newer by the end.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aProcessKilledWhileSavingLeavesACompleteFile() throws Exception {
        long seed = TestSeeds.seed();
        String replay = TestSeeds.replay("AtomicFileTest", seed);
        SplittableRandom random = new SplittableRandom(seed);
        Path target = directory.resolve("slos.snapshot");
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        String classPath = Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
                + Path.of("target", "test-classes").toAbsolutePath();
        long lastStamp = -1;
        long firstStamp = -1;
        for (int run = 0; run < 15; run++) {
            Process child = new ProcessBuilder(javaCommand, "-cp", classPath, SaveLoop.class.getName(), target.toString(),
                    Long.toString(seed + run), Long.toString(run * 1_000_000_000L)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!Files.exists(target) && System.nanoTime() < deadline && child.isAlive()) {
                    Thread.sleep(5);                      // the first run: wait for a first save
                }
                Thread.sleep(50 + random.nextInt(250));
                assertTrue(child.isAlive(), "the saving process died by itself" + replay);
            } finally {
                child.destroyForcibly();
                child.waitFor(20, TimeUnit.SECONDS);
            }
            long stamp = checkComplete(target, replay);
            assertTrue(stamp >= lastStamp, "the file went back from generation " + lastStamp + " to " + stamp + replay);
            firstStamp = firstStamp < 0 ? stamp : firstStamp;
            lastStamp = stamp;
        }
        assertTrue(lastStamp > firstStamp, "no run after the first saved a whole file" + replay);
        AtomicFile.removeLeftovers(target);
        assertEquals(List.of(target), files(), "leftovers removed");
    }

    /** Reads the file to its end: returns its generation stamp, or fails the test if it is not whole. */
    private static long checkComplete(Path target, String replay) throws IOException {
        try (InputStream in = Files.newInputStream(target)) {
            SnapshotInput input = SnapshotInput.open(in, 1);
            SectionReader head = input.next();
            int sections = (int) head.varint(1000, "sections");
            long stamp = head.varint(Long.MAX_VALUE, "stamp");
            head.expectEnd();
            for (int s = 0; s < sections; s++) {
                SectionReader section = input.next();
                assertEquals(2, section.tag(), replay);
                for (int i = 0; section.remaining() > 0; i++) {
                    assertEquals((stamp + s + i) & 0xFFFF, section.varint(0xFFFF, "value"), replay);
                }
            }
            assertNull(input.next(), replay);
            return stamp;
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    @Test
    void bytesWrittenAreTheBytesRead() throws IOException {
        Path target = directory.resolve("bytes");
        byte[] bytes = new byte[300_000];
        new SplittableRandom(3).nextBytes(bytes);
        AtomicFile.write(target, out -> out.write(bytes));
        assertArrayEquals(bytes, Files.readAllBytes(target));
    }
}
