/**
* SIP messages as immutable values: {@link io.callflow.sip.message.SipRequest},
* {@link io.callflow.sip.message.SipResponse}, their builders (RFC 3261 §8.1.1, §8.2.6,
* §9.1, §17.1.1.3) and {@link io.callflow.sip.message.SipMessageParser}.
*
* <p>This is the only package that imports {@code javax.sip} or {@code gov.nist}: jain-sip-ri
* parses and encodes, and its types never appear in a public signature, so the layers above
* do not depend on it.
*/
package io.callflow.sip.message;
