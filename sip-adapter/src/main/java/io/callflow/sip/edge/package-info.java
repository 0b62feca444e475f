/**
 * Edge security: which sources may open a dialog or send any other out-of-dialog request
 * (CIDR allow-lists for trunks and for phones), a per-source rate limit, counters of what was
 * refused and why, and masking of SIP URIs for logs. Runs before any transaction is created,
 * so a refused request costs one lookup and no state.
 */
package io.callflow.sip.edge;
