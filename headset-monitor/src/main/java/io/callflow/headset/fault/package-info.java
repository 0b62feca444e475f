/** Fault records, their statuses and the listener port ops implements. */
package io.callflow.headset.fault;
