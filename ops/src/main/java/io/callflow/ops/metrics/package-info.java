/** The process's one Prometheus meter registry and the JVM/process meters bound to it. */
package io.callflow.ops.metrics;
