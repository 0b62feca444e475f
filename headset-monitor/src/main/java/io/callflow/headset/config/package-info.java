/** Validated settings of the monitor; every key named headset.*. */
package io.callflow.headset.config;
