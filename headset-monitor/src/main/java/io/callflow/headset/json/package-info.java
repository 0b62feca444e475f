/** Strict JSON reading that names the offending field of a bad body. */
package io.callflow.headset.json;
