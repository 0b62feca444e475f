/**
 * SIP dialogs (RFC 3261 §12): early and confirmed, kept compact — strings and numbers, never
 * parsed messages — so an established call costs a few hundred bytes here. A
 * {@link io.callflow.sip.dialog.Dialog} holds the state §12.1 lists (Call-ID, tags, CSeqs,
 * URIs, remote target, route set); {@link io.callflow.sip.dialog.RouteSet} decides the
 * Request-URI and Route headers of requests within it (§12.2.1.1, loose and strict routing).
 */
package io.callflow.sip.dialog;
