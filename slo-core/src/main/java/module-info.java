/**
 * slo-core: service level objectives in-process, with no runtime dependencies.
 *
 * <p>The public face is the package {@code dev.slo}. The recording engine behind it lives in
 * {@code dev.slo.engine}, which this module does not export: it may change between any two releases.
 */
module dev.slo {
    exports dev.slo;
}
