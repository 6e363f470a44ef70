package dev.slo;

import java.io.IOException;

/**
 * Thrown when bytes read as a snapshot are not one this library wrote: corrupt (a checksum fails),
 * truncated, foreign (no snapshot magic), or of a newer format version than this library reads. The
 * message says which, and where. Nothing is restored from such input.
 */
public final class SnapshotFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, and where in the input */
    public SnapshotFormatException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, and where in the input
     * @param cause   the failure that revealed it
     */
    public SnapshotFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
