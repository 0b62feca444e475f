package io.callflow.ops.store;

/**
 * Whether the write queue is backlogged: from when more than half of its capacity waits until
 * less than a quarter does. The gap keeps a queue hovering at half from flipping the answer,
 * and new calls between refused and accepted, with every record. Updated by the threads that
 * change the queue (the writer after each batch, a submitter after its offer) and read by
 * every SIP event loop without touching the queue's lock.
 */
final class QueueBacklog {

  private final int capacity;
  private volatile boolean backlogged;

  QueueBacklog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  /**
   * Takes {@code waiting}, the records in the queue now. Racing updates are harmless: the next
   * one decides again from the queue as it is.
   */
  void update(int waiting) {
    if (waiting * 2L > capacity) {
      backlogged = true;
    } else if (waiting * 4L < capacity) {
      backlogged = false;
    }
  }

  boolean backlogged() {
    return backlogged;
  }
}
