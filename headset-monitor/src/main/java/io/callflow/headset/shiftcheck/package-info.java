/** The headset part of the start-of-shift equipment check (procedure 2.2 c). */
package io.callflow.headset.shiftcheck;
