/** Injected time: the scheduler port every timer in the service goes through. */
package io.callflow.core.time;
