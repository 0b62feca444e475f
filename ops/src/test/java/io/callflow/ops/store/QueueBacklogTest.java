package io.callflow.ops.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueueBacklogTest {

  @Test
  void backloggedFromMoreThanHalfWaitingUntilLessThanAQuarter() {
    QueueBacklog backlog = new QueueBacklog(10);
    assertThat(backlog.backlogged()).isFalse();

    backlog.update(5);
    assertThat(backlog.backlogged()).as("half is not more than half").isFalse();
    backlog.update(6);
    assertThat(backlog.backlogged()).isTrue();
    backlog.update(3);
    assertThat(backlog.backlogged()).as("between a quarter and a half it stays").isTrue();
    backlog.update(2);
    assertThat(backlog.backlogged()).as("a fifth is less than a quarter").isFalse();
    backlog.update(4);
    assertThat(backlog.backlogged()).as("and climbing back to below half it stays accepted").isFalse();
  }

  /** A quarter of a queue of 1-3 rounds down to 0: it must still clear once empty. */
  @ParameterizedTest
  @CsvSource({"1, 1", "3, 2", "3, 1"})
  void aSmallQueueIsBackloggedOverHalfFullAndClearsWhenEmpty(int capacity, int stillWaiting) {
    QueueBacklog backlog = new QueueBacklog(capacity);
    backlog.update(capacity);
    backlog.update(stillWaiting);
    assertThat(backlog.backlogged()).isTrue();
    backlog.update(0);
    assertThat(backlog.backlogged()).isFalse();
  }

  @Test
  void aCapacityBelowOneIsRefused() {
    assertThatThrownBy(() -> new QueueBacklog(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
