/**
 * Recovery of a call's legs after the service restarts: each leg's dialog, SDP and o= line
 * saved as versioned bytes through core's store ({@link io.callflow.sip.b2bua.recovery.LegSnapshot}),
 * and, after the restart, each saved leg probed with an OPTIONS in its own dialog
 * ({@link io.callflow.sip.b2bua.recovery.LegProber}, RFC 3261 §11, §12.2.1.1; RFC 5057 §5.1
 * for what the answer means), answering core's {@code ProbeLeg} with {@code LegAlive} or
 * {@code LegGone} ({@link io.callflow.sip.b2bua.recovery.ProbeLegCommands}).
 */
package io.callflow.sip.b2bua.recovery;
