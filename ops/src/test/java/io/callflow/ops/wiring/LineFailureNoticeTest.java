package io.callflow.ops.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.policy.LineFailurePolicy;
import io.callflow.sip.ua.LineReason;
import io.callflow.sip.ua.LineState;
import io.callflow.sip.ua.LineStateChanged;
import io.callflow.sip.ua.Peer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineFailureNoticeTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<String> shown = new ArrayList<>();
  private final List<LineStateChanged> passedOn = new ArrayList<>();
  private final LineFailureNotice notice = new LineFailureNotice(
      new LineFailurePolicy(List.of("web chat", "email")),
      new LineFailureNotice.Agents() {
        @Override
        public void show(String text, List<String> otherChannels) {
          shown.add(text + " " + otherChannels);
        }

        @Override
        public void clear() {
          shown.add("cleared");
        }
      },
      registry, passedOn::add);

  private static LineStateChanged change(String line, LineState state) {
    Peer peer = new Peer(line, new InetSocketAddress("127.0.0.1", 5080), "sip:127.0.0.1:5080");
    return new LineStateChanged(peer, state, state == LineState.DOWN ? LineReason.TIMEOUT : LineReason.OPTIONS_ANSWERED, "");
  }

  private double lineAlerts() {
    var counter = registry.find("callflow_alerts").tag("kind", "LINE_FAILURE").tag("severity", "CRITICAL").counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aLineGoingDownAlertsTheSupervisorOnceAndShowsEveryAgentTheOtherChannels() {
    notice.onLineStateChanged(change("pbx", LineState.DOWN));
    notice.onLineStateChanged(change("pbx", LineState.DOWN));

    assertThat(lineAlerts()).isEqualTo(1.0);
    assertThat(shown).containsExactly(
        "Line pbx is down: calls on it may fail. Offer the customer another channel. [web chat, email]");
    assertThat(passedOn).hasSize(2);
  }

  @Test
  void theNoticeIsClearedOnlyWhenTheLastDownLineRecovers() {
    notice.onLineStateChanged(change("pbx", LineState.DOWN));
    notice.onLineStateChanged(change("trunk-b", LineState.DOWN));
    notice.onLineStateChanged(change("pbx", LineState.UP));
    notice.onLineStateChanged(change("trunk-b", LineState.UP));

    assertThat(shown).hasSize(4);
    assertThat(shown.get(1)).startsWith("Lines pbx, trunk-b are down");
    assertThat(shown.get(2)).startsWith("Line trunk-b is down");
    assertThat(shown.get(3)).isEqualTo("cleared");
    assertThat(lineAlerts()).isEqualTo(2.0);
  }

  @Test
  void aLineComingUpThatWasNeverDownChangesNothing() {
    notice.onLineStateChanged(change("pbx", LineState.UP));

    assertThat(shown).isEmpty();
    assertThat(lineAlerts()).isZero();
    assertThat(passedOn).hasSize(1);
  }
}
