/**
 * The service's SIP side: {@link io.callflow.ops.sip.SipService} starts the SIP stack from
 * the {@code sip} config section on the shared event loops, answers what the service handles
 * today (OPTIONS, vq-rtcpxr PUBLISH to the headset monitor, an honest refusal of INVITE),
 * keeps peers' lines probed and registrations up, and maps the config records to the SIP
 * stack's settings.
 */
package io.callflow.ops.sip;
