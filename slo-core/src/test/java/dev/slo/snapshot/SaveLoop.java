package dev.slo.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A child process for the crash test: saves snapshot-framed files of varying size over one path, forever,
 * until it is killed. Each file's first section holds how many sections follow and a generation stamp,
 * counting up from the base given; the others carry a pattern derived from the stamp.
 */
public final class SaveLoop {
    private SaveLoop() {}

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[1]));
        for (long generation = Long.parseLong(args[2]); ; generation++) {   // runs start from higher bases: newer files, larger stamps
            int sections = 1 + random.nextInt(40);
            int size = random.nextInt(20_000);
            long stamp = generation;
            AtomicFile.write(target, out -> {
                SnapshotOutput snapshot = SnapshotOutput.start(out, 1);
                snapshot.section(1, new SectionWriter().varint(sections).varint(stamp));
                for (int s = 0; s < sections; s++) {
                    SectionWriter payload = new SectionWriter();
                    for (int i = 0; i < size; i++) {
                        payload.varint((stamp + s + i) & 0xFFFF);
                    }
                    snapshot.section(2, payload);
                }
                snapshot.end();
            });
        }
    }
}
