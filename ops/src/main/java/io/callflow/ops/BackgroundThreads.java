package io.callflow.ops;

/**
 * Threads for work no SIP message waits for: the call flow engine's call executors and the
 * leg-snapshot encoder. They run at {@link Thread#MIN_PRIORITY}, which
 * {@code deploy/callflow.jvm} maps to nice 10 ({@code -XX:ThreadPriorityPolicy=1}), so when
 * both cores are busy the SIP event loops get the CPU first (docs/b2bua-call.md#benchmarks).
 * Lowering a thread's priority needs no privilege; without those JVM options it has no effect
 * on Linux. The record store's writer is not one of them: starved of CPU under load, its
 * queue filled and records were refused. Daemon threads: each owner stops its own thread and
 * drains its queue on close.
 */
public final class BackgroundThreads {

  private BackgroundThreads() {}

  /** A daemon thread named {@code name} running {@code task} at the lowest priority. */
  public static Thread newThread(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    return thread;
  }
}
