package io.callflow.sip.message;

/**
 * What a request built from trusted values is read for before it is sent and while its client
 * transaction runs (method, Request-URI, Call-ID, CSeq, top Via; RFC 3261 §17.1.3 matches
 * responses on the branch and the CSeq method), plus From and To for its dialog (§12.1.2), taken
 * from the builder's own values so that reading them needs no parse. The Request-URI is the
 * text as given (a parse would lower-case the scheme, e.g. of a hand-written {@code SIP:} URI).
 *
 * @param from null when the builder was given a From with its own angle brackets (a dialog's
 *     local address is such text), which is then read from the parse
 * @param to null likewise
 */
record RequestHead(String method, String requestUri, String callId, CSeq cseq, Via topVia,
    NameAddress from, NameAddress to) {}
