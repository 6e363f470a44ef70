/**
 * slo-core: service level objectives in-process, with no runtime dependencies.
 *
 * <p>The public face is the package {@code dev.slo}; the recording engine behind it is package-private.
 */
module dev.slo {
    exports dev.slo;
}
