package io.callflow.core.flow;

/**
 * Ended-call views with their expiry times, oldest first, in two parallel circular arrays that
 * grow by doubling: no node or entry object per view, and adding writes only at the tail.
 * Expiry times never go down, even when the clock steps back, so the head is always the first
 * to expire. Not thread-safe: {@link EndedCalls} guards it.
 */
final class ExpiryRing {

  private CallView[] views = new CallView[16];
  private long[] expiries = new long[16];
  private int head;
  private int size;

  void add(CallView view, long expiryMillis) {
    if (size == views.length) {
      grow();
    }
    int tail = (head + size) & (views.length - 1);
    long latest = size == 0 ? Long.MIN_VALUE : expiries[(tail - 1) & (views.length - 1)];
    views[tail] = view;
    expiries[tail] = Math.max(expiryMillis, latest);
    size++;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The oldest view's expiry; only when not empty. */
  long headExpiry() {
    return expiries[head];
  }

  /** Takes out the oldest view; only when not empty. */
  CallView removeHead() {
    CallView view = views[head];
    views[head] = null;
    head = (head + 1) & (views.length - 1);
    size--;
    return view;
  }

  private void grow() {
    int length = views.length;
    CallView[] moreViews = new CallView[length * 2];
    long[] moreExpiries = new long[length * 2];
    int first = length - head;
    System.arraycopy(views, head, moreViews, 0, first);
    System.arraycopy(views, 0, moreViews, first, head);
    System.arraycopy(expiries, head, moreExpiries, 0, first);
    System.arraycopy(expiries, 0, moreExpiries, first, head);
    views = moreViews;
    expiries = moreExpiries;
    head = 0;
  }
}
