/**
 * slo-core: service level objectives in-process, with no runtime dependencies.
 *
 * <p>The public face is the package {@code dev.slo}, with {@code dev.slo.export} for Prometheus,
 * OpenSLO, the status page and the HTTP handler that serves them. The recording engine behind it lives in
 * {@code dev.slo.engine}, which this module does not export: it may change between any two releases.
 * Nor does it export {@code dev.slo.report}, which builds the reports that
 * {@link dev.slo.SloRegistry#report(dev.slo.Audience)} returns as {@link dev.slo.Report}, nor
 * {@code dev.slo.snapshot}, the framing of the snapshot format.
 */
module dev.slo {
    requires jdk.httpserver;                      // the JDK's own HTTP server, for SloHttp: no dependency

    exports dev.slo;
    exports dev.slo.export;
}
