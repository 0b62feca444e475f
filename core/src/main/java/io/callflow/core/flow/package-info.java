/** The per-call procedure state machine. */
package io.callflow.core.flow;
