/**
 * The agent console: the page agents keep open during calls, and the hub that pushes the
 * engine's prompts, call state, banners and masking to every open tab of an agent over a
 * WebSocket. Agent actions go from the page to the REST API, not over the socket; the
 * socket carries pushes and the page's heartbeats only.
 */
package io.callflow.ops.console;
