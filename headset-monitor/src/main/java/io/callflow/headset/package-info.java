/**
 * The headset and audio-quality monitor: {@link io.callflow.headset.HeadsetMonitor} takes
 * desktop telemetry, start-of-shift checks and the phones' vq-rtcpxr reports, keeps each
 * headset's health state, records faults and exports metrics.
 */
package io.callflow.headset;
