package io.callflow.sip.b2bua.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProbeResponsesTest {

  @ParameterizedTest
  @ValueSource(ints = {481, 408, 404, 410, 416, 480, 482, 483, 484, 485, 502, 604})
  void responsesSayingThePeerHasNoSuchDialogOrCannotBeReachedMeanGone(int status) {
    assertThat(ProbeResponses.meansGone(status)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 202, 405, 501, 400, 403, 415, 486, 488, 491, 500, 503, 603})
  void successAndTransactionOnlyErrorsMeanTheDialogIsAlive(int status) {
    assertThat(ProbeResponses.meansGone(status)).isFalse();
  }
}
