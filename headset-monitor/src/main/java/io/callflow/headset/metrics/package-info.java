/** Micrometer binders for the monitor's Prometheus series. */
package io.callflow.headset.metrics;
