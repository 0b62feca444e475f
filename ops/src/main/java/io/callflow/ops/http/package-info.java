/**
 * The HTTP/1.1 and WebSocket server on the shared Netty event-loop group. Endpoints are
 * plain functions from {@link io.callflow.ops.http.HttpRequestView} to
 * {@link io.callflow.ops.http.HttpReply} registered in a
 * {@link io.callflow.ops.http.RouteTable}; the server turns every failure into a JSON
 * answer so nothing escapes the pipeline.
 */
package io.callflow.ops.http;
