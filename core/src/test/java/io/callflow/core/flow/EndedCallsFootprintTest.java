package io.callflow.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.model.CallId;
import io.callflow.core.time.ExecutorScheduler;
import io.callflow.core.time.ManualScheduler;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What retaining one ended call costs on the thread that ends it, by the JVM's per-thread
 * allocation counter: the figure in docs/core-engine.md. Everything allocated here stays
 * reachable for the retention time, so it is also what a young collection has to copy. One
 * scheduled task per call cost 221 bytes; the ring costs 92 while it still grows (the map's
 * node and the ring's and map's doublings), 32 once at size.
 */
class EndedCallsFootprintTest {

  private static final int CALLS = 10_000;
  private static final Duration RETENTION = Duration.ofMinutes(5);

  @Test
  void retainingAnEndedCallTakesNoScheduledTaskOfItsOwn() {
    try (ExecutorScheduler scheduler = ExecutorScheduler.singleThread("retention-test")) {
      retainAll(new EndedCalls(scheduler, RETENTION), views("warm-"));
      CallView[] views = views("c-");
      EndedCalls ended = new EndedCalls(scheduler, RETENTION);

      long bytes = retainAll(ended, views);

      assertThat(ended.size()).isEqualTo(CALLS);
      assertThat(bytes / CALLS).isLessThan(120);
    }
  }

  @Test
  void onceTheRingIsAtSizeRetainingAnEndedCallAllocatesOnlyItsMapEntry() {
    ManualScheduler scheduler = new ManualScheduler();
    EndedCalls ended = new EndedCalls(scheduler, RETENTION);
    retainAll(ended, views("warm-"));
    scheduler.advance(RETENTION);
    CallView[] views = views("c-");

    long bytes = retainAll(ended, views);

    assertThat(ended.size()).isEqualTo(CALLS);
    assertThat(bytes / CALLS).isLessThan(40);
  }

  private static long retainAll(EndedCalls ended, CallView[] views) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    for (CallView view : views) {
      ended.retain(view);
    }
    return threads.getCurrentThreadAllocatedBytes() - before;
  }

  private static CallView[] views(String prefix) {
    CallView[] views = new CallView[CALLS];
    for (int i = 0; i < CALLS; i++) {
      views[i] = new CallView(new CallId(prefix + i), CallState.ENDED, CallState.GREETING,
          "agent-1", "******1234", 0);
    }
    return views;
  }
}
