/** JMH benchmarks, one subpackage per area: flow, sip, headset. */
package io.callflow.bench;
