/**
 * What a fleet's tools and people read: the SLOs of a registry as Prometheus metrics and rules ({@code Prometheus}),
 * as OpenSLO v1 documents ({@code OpenSlo}), as a self-contained HTML status page ({@code StatusPage}), and all of
 * them over HTTP ({@code SloHttp}). Built on the public face of {@code dev.slo} only, so that what is exported is
 * what a user could compute from the same registry.
 */
package dev.slo.export;
