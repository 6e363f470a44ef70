package dev.slo.snapshot;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that a crash at any moment leaves either the old file or the new one, whole: the
 * new contents go to a temporary file in the same directory, which is forced to the device, renamed over
 * the target atomically, and the directory is forced so that the rename itself survives a power loss.
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** Writes a file's contents. */
    @FunctionalInterface
    public interface Body {
        /** @param out where to write; closed by the caller @throws IOException if writing fails */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Replaces {@code target} with what {@code body} writes. If anything fails, the target is as it was
     * and the temporary file is removed.
     *
     * @param target the file to replace (its directory must exist)
     * @param body   writes the new contents
     * @throws IOException if writing, forcing or renaming fails (also when the file system cannot rename
     *     atomically: then nothing is replaced)
     */
    public static void write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temp = Files.createTempFile(directory, tempPrefix(absolute), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            if (e instanceof AtomicMoveNotSupportedException) {
                throw new IOException(directory + " cannot rename atomically, so " + absolute.getFileName()
                        + " is not replaced", e);
            }
            throw e;
        }
        forceDirectory(directory);
    }

    /**
     * Removes the temporary files that writes of {@code target} left when their process died mid-write.
     * Call it before the first write, never while another process writes the same target.
     *
     * @param target the file whose leftovers to remove
     * @return how many were removed
     * @throws IOException if the directory cannot be read or a leftover removed
     */
    public static int removeLeftovers(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        int removed = 0;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(absolute.getParent(), tempPrefix(absolute) + "*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
                removed++;
            }
        }
        return removed;
    }

    private static String tempPrefix(Path absolute) {
        return "." + absolute.getFileName() + ".";
    }

    /** Forces the directory's entries (the rename) to the device, where the platform lets a directory be opened. */
    private static void forceDirectory(Path directory) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(directory, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            return;                                       // Windows cannot open a directory; its renames are journaled
        }
        try (channel) {
            channel.force(true);
        }
    }
}
