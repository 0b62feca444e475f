/** The desktop's telemetry batch: model and parser. */
package io.callflow.headset.telemetry;
