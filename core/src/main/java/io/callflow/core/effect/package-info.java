/**
 * What the engine asks the outside world to do, as typed values: prompts for the agent,
 * commands for the SIP side, alerts for the supervisor and technical support, and data
 * masking on the console. Records are not effects: the engine writes them to the
 * {@link io.callflow.core.store.CallRecordStore} itself, so that no adapter can forget one.
 */
package io.callflow.core.effect;
