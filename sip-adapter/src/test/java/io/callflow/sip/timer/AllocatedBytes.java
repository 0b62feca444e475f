package io.callflow.sip.timer;

import java.lang.management.ManagementFactory;

/** The JVM's count of bytes the current thread allocates, for footprint tests. */
final class AllocatedBytes {

  private AllocatedBytes() {
  }

  /** The bytes {@code action} allocated on this thread. */
  static long by(Runnable action) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    action.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }
}
