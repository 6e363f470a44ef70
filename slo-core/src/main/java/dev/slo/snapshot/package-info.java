/**
 * The snapshot format's framing: a magic number and a format version, then sections, each a tag, a
 * length and a CRC-32, holding unsigned varints (LEB128), zigzag varints and length-prefixed bytes.
 *
 * <h2>Who may use it</h2>
 * The library itself: the module does not export this package. It knows nothing of SLOs; what a section
 * holds is decided by the snapshot code in {@code dev.slo}.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li><b>Nothing untrusted is believed before it is checked.</b> A declared length is checked against
 *       a fixed bound and read in chunks, so a huge length on a short stream fails at its end having
 *       allocated only what the stream held. Every failure is a {@link dev.slo.SnapshotFormatException}
 *       naming what was wrong and the byte offset, never another exception.</li>
 *   <li><b>A section is checked whole before any of it is read</b>: its CRC-32 covers its tag, its
 *       length and its payload.</li>
 *   <li>Readers and writers are single-threaded and short-lived: one per snapshot written or read.</li>
 * </ul>
 */
package dev.slo.snapshot;
