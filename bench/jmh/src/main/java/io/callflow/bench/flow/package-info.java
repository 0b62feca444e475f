/** Benchmarks of the call-flow engine in core. */
package io.callflow.bench.flow;
