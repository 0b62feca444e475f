package io.callflow.ops.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.sip.ua.LineReason;
import io.callflow.sip.ua.LineState;
import io.callflow.sip.ua.LineStateChanged;
import io.callflow.sip.ua.Peer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineFailureOnCallsTest {

  private static final CallId CALL = new CallId("c-1@pbx");

  private final List<SipEvent> core = new ArrayList<>();
  private final Map<String, LineState> states = new HashMap<>(Map.of("pbx", LineState.UP, "agents", LineState.UP));
  private final LineFailureOnCalls calls = new LineFailureOnCalls(core::add,
      Map.of(Leg.CUSTOMER, "pbx", Leg.AGENT, "agents"));

  {
    calls.readStatesFrom(states::get);
  }

  private static LineStateChanged up(String line) {
    return new LineStateChanged(new Peer(line, new InetSocketAddress("127.0.0.1", 5080), "sip:127.0.0.1:5080"),
        LineState.UP, LineReason.OPTIONS_ANSWERED, "");
  }

  @Test
  void aLegLostForNoTransportOnALineThatIsDownPutsTheCallIntoLineFailureBeforeTheDrop() {
    states.put("pbx", LineState.DOWN);
    SipEvent.LegEnded lost = new SipEvent.LegEnded(CALL, Leg.CUSTOMER, 38, "transport");

    calls.accept(lost);

    assertThat(core).containsExactly(new SipEvent.LineDown(CALL, "pbx"), lost);
  }

  @Test
  void aLegLostWhileItsLineIsUpIsOnlyTheDrop() {
    SipEvent.LegEnded lost = new SipEvent.LegEnded(CALL, Leg.AGENT, 102, "408");

    calls.accept(lost);

    assertThat(core).containsExactly(lost);
  }

  @Test
  void aNormalHangupOnALineThatIsDownIsNotALineFailure() {
    states.put("agents", LineState.DOWN);
    SipEvent.LegEnded hangup = new SipEvent.LegEnded(CALL, Leg.AGENT, 16, "BYE");

    calls.accept(hangup);

    assertThat(core).containsExactly(hangup);
  }

  @Test
  void aLegEndWithoutACauseGoesOnUnchanged() {
    states.put("pbx", LineState.DOWN);
    SipEvent.LegEnded byeWithoutReason = new SipEvent.LegEnded(CALL, Leg.CUSTOMER, null, "BYE");

    calls.accept(byeWithoutReason);

    assertThat(core).containsExactly(byeWithoutReason);
  }

  @Test
  void theLineComingBackTellsEachCallInLineFailureOnItOnce() {
    states.put("pbx", LineState.DOWN);
    calls.accept(new SipEvent.LegEnded(CALL, Leg.CUSTOMER, 38, "transport"));
    core.clear();

    calls.onLineStateChanged(up("agents"));
    calls.onLineStateChanged(up("pbx"));
    calls.onLineStateChanged(up("pbx"));

    assertThat(core).containsExactly(new SipEvent.LineUp(CALL, "pbx"));
  }
}
