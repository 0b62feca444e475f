package io.callflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundThreadsTest {

  @Test
  void aBackgroundThreadIsANamedDaemonAtTheLowestPriorityAndRunsItsTask() throws Exception {
    CompletableFuture<Integer> seenPriority = new CompletableFuture<>();
    Thread thread = BackgroundThreads.newThread(
        () -> seenPriority.complete(Thread.currentThread().getPriority()), "callflow-test-writer");

    assertThat(thread.getName()).isEqualTo("callflow-test-writer");
    assertThat(thread.isDaemon()).isTrue();
    thread.start();
    assertThat(seenPriority.get(10, TimeUnit.SECONDS)).isEqualTo(Thread.MIN_PRIORITY);
    thread.join(10_000);
  }
}
