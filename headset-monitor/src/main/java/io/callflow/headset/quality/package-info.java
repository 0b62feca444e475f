/** Call-quality reports (RFC 6035), the PUBLISH inbox (RFC 3903) and the G.107 E-model. */
package io.callflow.headset.quality;
