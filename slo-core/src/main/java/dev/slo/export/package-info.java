/**
 * What a fleet's tools read: the SLOs of a registry as Prometheus metrics and rules ({@code Prometheus})
 * and as OpenSLO v1 documents ({@code OpenSlo}). Built on the public face of {@code dev.slo} only, so that
 * what is exported is what a user could compute from the same registry.
 */
package dev.slo.export;
