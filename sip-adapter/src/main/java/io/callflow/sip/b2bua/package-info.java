/**
 * Building blocks of the back-to-back user agent's call control: agent selection, drop
 * classification (RFC 3326 Reason, Q.850 cause table), the callback number (RFC 3323/3325
 * privacy), SDP origin keeping and hold offers for third-party call control (RFC 3725,
 * RFC 3264), session timers (RFC 4028), Max-Forwards across legs (RFC 3261 §16.3, RFC 7332)
 * and the re-INVITE glare back-off (RFC 3261 §14.1).
 *
 * <p>Every class here takes strings, numbers and values, never SIP stack types, so the call
 * logic can be tested on its own and the stack behind it can change.
 */
package io.callflow.sip.b2bua;
