package io.callflow.sip.transport;

import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;

/**
 * The end of the inbound path; the transaction layer implements it. Called on the event loop
 * of the channel the message arrived on, one message at a time per channel.
 *
 * <p>Messages arrive framed, parsed and validated: malformed ones were already answered (400,
 * 505) or dropped. Requests carry {@code received}/{@code rport} in their top Via (RFC 3261
 * §18.2.1, RFC 3581 §4). They may still lack or repeat single-value headers or use unknown
 * schemes (RFC 4475 §3.3): deciding on those is the layer above's job (see
 * {@link RequiredHeadersFilter}). An exception thrown here is logged and goes no further.
 */
public interface SipInboundHandler {

  /** A request arrived from {@code source}. */
  void onRequest(SipRequest request, Source source);

  /** A response arrived from {@code source}; §18.1.2 sent-by checks are the transaction layer's. */
  void onResponse(SipResponse response, Source source);
}
