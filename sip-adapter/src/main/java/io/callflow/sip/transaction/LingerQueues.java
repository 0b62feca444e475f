package io.callflow.sip.transaction;

import io.callflow.core.time.Scheduler;
import io.callflow.sip.timer.TimerName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactions of one layer that have their final response and only wait out their last
 * timer before Terminated (RFC 3261 §17.1.1.2 D, §17.2.1 I, §17.2.2 J, §17.1.2.2 K; RFC 6026
 * §8.7 L, §8.4 M): one first-in-first-out queue per delay, linked through the transactions
 * themselves, and one scheduled task per queue for its head.
 *
 * <p>Why not a timer per transaction: at a thousand calls a second some hundred thousand
 * transactions wait their 64*T1 (32 s), and a timer object with its scheduler entry and task
 * per transaction (about 130 bytes) was copied by every young collection into the old
 * generation with the transaction, then reclaimed there by mixed collections. All of a
 * queue's transactions wait the same delay, so they come due in the order they started:
 * adding is an append and the next due is the head.
 *
 * <p>Used on the layer's event loop only. A transaction that terminates early (a transport
 * error) stays linked until its deadline, is skipped then, and lets go of nothing else
 * before: that is rare.
 */
final class LingerQueues {

  private static final Logger LOG = LoggerFactory.getLogger(LingerQueues.class);

  private final Scheduler scheduler;
  /** A handful at most: one per distinct delay (64*T1, D, T4). */
  private final List<Queue> queues = new ArrayList<>(4);

  LingerQueues(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** Queues {@code transaction} to terminate after {@code delay} (not zero), as {@code timer}. */
  void add(Transaction transaction, TimerName timer, Duration delay) {
    long delayMillis = delay.toMillis();
    transaction.lingerTimer = timer;
    transaction.lingerDeadline = scheduler.elapsedMillis() + delayMillis;
    queueFor(delayMillis).append(transaction);
  }

  /** Milliseconds until {@code transaction}'s linger timer is due, never negative. */
  long remainingMillis(Transaction transaction) {
    return Math.max(0, transaction.lingerDeadline - scheduler.elapsedMillis());
  }

  private Queue queueFor(long delayMillis) {
    for (Queue queue : queues) {
      if (queue.delayMillis == delayMillis) {
        return queue;
      }
    }
    Queue queue = new Queue(delayMillis);
    queues.add(queue);
    return queue;
  }

  private final class Queue {
    private final long delayMillis;
    /**
     * The least wait between two runs: 1/64 of the delay (500 ms for 64*T1), at least 1 ms (the
     * loop's delays and this clock round differently). Under load a transaction joins the
     * queue every few milliseconds, and waking for each head to the millisecond meant thousands
     * of wake-ups and scheduled tasks a second per loop; a transaction now terminates at most
     * a tick after its deadline, absorbing retransmissions that much longer, which is harmless.
     */
    private final long tickMillis;
    private final Runnable runDue = this::runDue;
    /** Oldest first. */
    private Transaction head;
    private Transaction tail;
    private boolean armed;

    Queue(long delayMillis) {
      this.delayMillis = delayMillis;
      this.tickMillis = Math.max(1, delayMillis / 64);
    }

    void append(Transaction transaction) {
      if (tail == null) {
        head = transaction;
      } else {
        tail.lingerNext = transaction;
      }
      tail = transaction;
      if (!armed) {
        arm(delayMillis);
      }
    }

    private void arm(long delay) {
      armed = true;
      scheduler.schedule(Duration.ofMillis(delay), runDue);
    }

    /**
     * Terminates every transaction whose deadline passed, oldest first, then waits for the
     * next head; armed again even when an Error ends the run, or no later transaction of this
     * delay would ever terminate.
     */
    private void runDue() {
      armed = false;
      try {
        Transaction due;
        while ((due = head) != null && due.lingerDeadline - scheduler.elapsedMillis() <= 0) {
          head = due.lingerNext;
          if (head == null) {
            tail = null;
          }
          due.lingerNext = null;
          try {
            due.lingerExpired();
          } catch (RuntimeException e) {
            // One failing transaction must not keep the ones behind it alive.
            LOG.error("{} transaction did not terminate cleanly", due.method(), e);
          }
        }
      } finally {
        if (head != null && !armed) {
          arm(Math.max(tickMillis, remainingMillis(head)));
        }
      }
    }
  }
}
