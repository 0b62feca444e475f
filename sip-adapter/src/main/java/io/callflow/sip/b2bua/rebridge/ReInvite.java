package io.callflow.sip.b2bua.rebridge;

import io.callflow.core.time.ScheduledTask;
import io.callflow.core.time.Scheduler;
import io.callflow.sip.b2bua.GlareBackoff;
import io.callflow.sip.dialog.Dialog;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One offer sent on a leg by re-INVITE. A 491 Request Pending (the peer's own re-INVITE
 * crossed ours) is retried with the same body after the RFC 3261 §14.1 back-off, at most
 * {@code maxRetries} times and never past {@code deadline}; any other final response, the
 * last 491, a timeout (408) or a transport error (503) goes to {@code done}, once.
 */
final class ReInvite {

  /** RFC 3261 §14.1: the response that means "retry later". */
  static final int REQUEST_PENDING = 491;

  private final LegSignalling signalling;
  private final Scheduler scheduler;
  private final GlareBackoff glare;
  private final Dialog dialog;
  private final String sdp;
  private final int maxRetries;
  private final Instant deadline;
  private final Consumer<FinalResponse> done;
  private int retries;
  private ScheduledTask pendingRetry;
  private boolean finished;

  /** @param deadline no retry is scheduled to start after it; null for none */
  ReInvite(LegSignalling signalling, Scheduler scheduler, GlareBackoff glare, Dialog dialog, String sdp,
      int maxRetries, Instant deadline, Consumer<FinalResponse> done) {
    this.signalling = signalling;
    this.scheduler = scheduler;
    this.glare = glare;
    this.dialog = dialog;
    this.sdp = sdp;
    this.maxRetries = maxRetries;
    this.deadline = deadline;
    this.done = done;
  }

  void start() {
    signalling.reInvite(dialog, sdp, this::answered);
  }

  /** No more retries and no report: the caller gave up on this offer. */
  synchronized void stop() {
    finished = true;
    if (pendingRetry != null) {
      pendingRetry.cancel();
    }
  }

  /** Decides under the lock, reports outside it (the listener may take its own lock). */
  private void answered(FinalResponse response) {
    synchronized (this) {
      if (finished) {
        return;
      }
      if (response.status() == REQUEST_PENDING && retries < maxRetries) {
        // §14.1: the side that generated the Call-ID waits longer.
        Duration wait = glare.delay(dialog.role() == Dialog.Role.UAC);
        if (deadline == null || !scheduler.clock().instant().plus(wait).isAfter(deadline)) {
          retries++;
          pendingRetry = scheduler.schedule(wait, this::retry);
          return;
        }
      }
      finished = true;
    }
    done.accept(response);
  }

  private void retry() {
    synchronized (this) {
      if (finished) {
        return;
      }
    }
    signalling.reInvite(dialog, sdp, this::answered);
  }
}
