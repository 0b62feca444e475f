/** Headset health states, the fault rules and their hysteresis. */
package io.callflow.headset.health;
