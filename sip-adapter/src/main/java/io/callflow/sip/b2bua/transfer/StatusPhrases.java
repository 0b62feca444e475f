package io.callflow.sip.b2bua.transfer;

import java.util.Map;

/**
 * RFC 3261 §21 reason phrases for the statuses a transfer reports in a sipfrag. The
 * Reason-Phrase may be empty (§25.1), which is what an unlisted status gets.
 */
final class StatusPhrases {

  private static final Map<Integer, String> PHRASES = Map.ofEntries(
      Map.entry(100, "Trying"),
      Map.entry(180, "Ringing"),
      Map.entry(200, "OK"),
      Map.entry(403, "Forbidden"),
      Map.entry(404, "Not Found"),
      Map.entry(408, "Request Timeout"),
      Map.entry(410, "Gone"),
      Map.entry(420, "Bad Extension"),
      Map.entry(480, "Temporarily Unavailable"),
      Map.entry(481, "Call/Transaction Does Not Exist"),
      Map.entry(486, "Busy Here"),
      Map.entry(487, "Request Terminated"),
      Map.entry(488, "Not Acceptable Here"),
      Map.entry(491, "Request Pending"),
      Map.entry(500, "Server Internal Error"),
      Map.entry(503, "Service Unavailable"),
      Map.entry(600, "Busy Everywhere"),
      Map.entry(603, "Decline"));

  private StatusPhrases() {
  }

  static String of(int status) {
    return PHRASES.getOrDefault(status, "");
  }
}
