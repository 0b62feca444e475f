package io.callflow.sip.message;

/**
 * One String object per standard method name. jain-sip makes a new String for the method of
 * every request line it reads (its CSeq parser already returns constants), and a transaction
 * keeps its request's method in itself and its key for up to 64*T1 after the call: per call that
 * is several small objects the collector copies once more.
 */
final class Methods {

  private Methods() {
  }

  /**
   * The constant equal to {@code method} for the methods of RFC 3261 §27.4 and the extensions
   * this service takes part in; any other name as given (methods are case-sensitive, §7.1).
   */
  static String canonical(String method) {
    if (method == null) {
      return null;
    }
    return switch (method) {
      case "INVITE" -> "INVITE";
      case "ACK" -> "ACK";
      case "BYE" -> "BYE";
      case "CANCEL" -> "CANCEL";
      case "OPTIONS" -> "OPTIONS";
      case "REGISTER" -> "REGISTER";
      case "UPDATE" -> "UPDATE"; // RFC 3311
      case "PRACK" -> "PRACK"; // RFC 3262
      case "REFER" -> "REFER"; // RFC 3515
      case "NOTIFY" -> "NOTIFY"; // RFC 6665
      case "SUBSCRIBE" -> "SUBSCRIBE"; // RFC 6665
      case "INFO" -> "INFO"; // RFC 6086
      case "MESSAGE" -> "MESSAGE"; // RFC 3428
      case "PUBLISH" -> "PUBLISH"; // RFC 3903
      default -> method;
    };
  }
}
