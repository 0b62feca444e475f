package io.callflow.sip.message;

import java.util.Objects;

/**
* The CSeq header (RFC 3261 §20.16): a sequence number and the method it numbers.
* Transaction matching (§17.2.3) and in-dialog ordering (§12.2.2) both read it.
*
* @param number the sequence number, 0 to 2^31-1 (§8.1.1.5)
* @param method the method, case-sensitive as on the wire
*/
public record CSeq(long number, String method) {

  /** Largest CSeq number a request may carry, RFC 3261 §8.1.1.5 ("less than 2**31"). */
  public static final long MAX_NUMBER = (1L << 31) - 1;

  public CSeq {
    Objects.requireNonNull(method, "method");
  }

  @Override
  public String toString() {
    return number + " " + method;
  }
}
