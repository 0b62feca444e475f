/**
 * Millisecond timers for the SIP layers: the RFC 3261 timer names and their durations
 * ({@link io.callflow.sip.timer.TimerName}, {@link io.callflow.sip.timer.TimerSettings}), a
 * per-transaction set of named pending timers ({@link io.callflow.sip.timer.NamedTimers}) and
 * the production {@link io.callflow.core.time.Scheduler} on a Netty event loop
 * ({@link io.callflow.sip.timer.EventLoopScheduler}).
 */
package io.callflow.sip.timer;
