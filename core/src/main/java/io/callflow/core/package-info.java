/** The call-flow engine: procedure state machine, events, effects, policies and ports. */
package io.callflow.core;
