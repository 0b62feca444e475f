/**
 * The configurable rules the engine follows: how to reconnect a dropped call, what to tell
 * the customer when a line fails, which departments can be consulted, which Q.850 causes
 * are drops. Each is a record validated on construction, so ops maps its YAML onto them
 * and a bad value fails at start-up with the setting's name and its valid range.
 */
package io.callflow.core.policy;
