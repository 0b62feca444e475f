/**
 * User-agent functions the service performs on its own behalf: answering OPTIONS, registering
 * with digest authentication (RFC 3261 §10, §22; RFC 2617), and probing each configured peer
 * with OPTIONS to tell whether its line is up. Each works against a small interface of its
 * own ({@link io.callflow.sip.ua.RegisterTransport}, {@link io.callflow.sip.ua.OptionsProber})
 * that the stack implements, and takes every delay from the core scheduler.
 */
package io.callflow.sip.ua;
