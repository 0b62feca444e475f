/**
 * The REST API for agents and supervisors: actions on a call
 * ({@link io.callflow.ops.api.CallRoutes}) and the fault list
 * ({@link io.callflow.ops.api.FaultRoutes}). Writes are answered only once durable;
 * bodies are parsed strictly ({@link io.callflow.ops.api.ApiJson}). See docs/api.md.
 */
package io.callflow.ops.api;
