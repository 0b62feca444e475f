package io.callflow.sip.b2bua.recovery;

import java.util.Set;

/**
 * What the final response to the in-dialog OPTIONS probe says about the dialog.
 *
 * <p>Gone:
 * <ul>
 *   <li>481: the peer does not know the dialog (RFC 3261 §12.2.2); RFC 5057 §5.1 "destroys
 *       dialog".</li>
 *   <li>408, and Timer F firing (treated as 408, §8.1.3.1): §12.2.1.2 says to end the dialog,
 *       as RFC 4028 §10 does for an unanswered session refresh.</li>
 *   <li>404, 410, 416, 480, 482, 483, 484, 485, 502, 604: the remote target or the route set
 *       no longer leads to the party (RFC 5057 §5.1 counts them as ending the usage); the
 *       probe never reached a UA holding the dialog.</li>
 * </ul>
 * Alive: every 2xx (the peer matched the dialog), and every other final response. RFC 5057
 * §5.1 counts those as affecting the transaction only: the request reached the peer through
 * the dialog's route and the peer did not deny the dialog. That includes 405 and 501: OPTIONS
 * is not part of the INVITE usage, so a peer refusing the method still says nothing against
 * the dialog (and RFC 3261 §11 makes OPTIONS support mandatory, so these are rare).
 */
final class ProbeResponses {

  /** RFC 3261 §12.2.2 / RFC 5057 §5.1: the peer has no such dialog. */
  static final int DIALOG_DOES_NOT_EXIST = 481;
  /** RFC 3261 §12.2.1.2: no answer in time. */
  static final int REQUEST_TIMEOUT = 408;
  /** RFC 3261 §8.1.3.1: what a transport failure counts as. */
  static final int TRANSPORT_FAILURE = 503;
  /** RFC 5057 §5.1: responses that say the target or route no longer reaches the party. */
  private static final Set<Integer> TARGET_UNREACHABLE =
      Set.of(404, 410, 416, 480, 482, 483, 484, 485, 502, 604);

  private ProbeResponses() {}

  /** True when a final response {@code status} to the probe means the dialog is gone. */
  static boolean meansGone(int status) {
    return status == DIALOG_DOES_NOT_EXIST || status == REQUEST_TIMEOUT || TARGET_UNREACHABLE.contains(status);
  }
}
