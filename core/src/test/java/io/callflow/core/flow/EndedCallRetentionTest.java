package io.callflow.core.flow;

import static io.callflow.core.flow.CallState.ENDED;
import static io.callflow.core.flow.CallState.GREETING;
import static io.callflow.core.flow.CallState.RESOLVING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.event.AgentEvent;
import io.callflow.core.event.CallEvent;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.model.PhoneNumber;
import io.callflow.core.store.RecoveredCall;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class EndedCallRetentionTest {

  private static final Duration RETENTION = CallFlowSettings.defaults().endedRetention();
  private static final Duration ONE_MS = Duration.ofMillis(1);

  private final EngineFixture fx = new EngineFixture();

  private CallId endedCall(String id) {
    CallId call = fx.callAt(id, GREETING);
    fx.send(new SipEvent.LegEnded(call, Leg.CUSTOMER, 16, null));
    return call;
  }

  @Test
  void anEndedCallsLastViewStaysReadableForTheRetentionTimeAndIsGoneAfter() {
    CallId call = endedCall("c-1");

    assertThat(fx.engine.view(call)).contains(new CallView(call, ENDED, GREETING,
        EngineFixture.AGENT, PhoneNumber.parse(EngineFixture.CUSTOMER).masked(), 0));
    assertThat(fx.engine.callCount()).isEqualTo(1);

    fx.advance(RETENTION.minus(ONE_MS));
    assertThat(fx.engine.view(call)).isPresent();

    fx.advance(ONE_MS);
    assertThat(fx.engine.view(call)).isEmpty();
    assertThat(fx.engine.callCount()).isZero();
  }

  @Test
  void theEngineLetsGoOfAnEndedCallsMachineAtOnceButStillCountsTheCall() {
    CallId live = fx.callAt("c-live", RESOLVING);
    endedCall("c-1");

    assertThat(fx.engine.liveCallCount()).isEqualTo(1);
    assertThat(fx.engine.callCount()).isEqualTo(2);
    assertThat(fx.state(live)).isEqualTo(RESOLVING);
  }

  @Test
  void aCallEndedByATimerIsRetainedAsItsViewToo() {
    CallId call = new CallId("c-restart");
    fx.engine.recover(savedAt(call, RESOLVING, Map.of(Leg.CUSTOMER, new byte[] {1},
        Leg.AGENT, new byte[] {2})));

    fx.advance(CallFlowSettings.defaults().probeTimeout());

    assertThat(fx.state(call)).isEqualTo(ENDED);
    assertThat(fx.engine.liveCallCount()).isZero();
    assertThat(fx.engine.callCount()).isEqualTo(1);
  }

  @Test
  void aLateLegEndedForARetainedEndedCallIsAcceptedAndDoesNothing() {
    CallId call = endedCall("c-1");
    int records = fx.records(call).size();

    assertThat(fx.send(new SipEvent.LegEnded(call, Leg.AGENT, 16, null))).isEmpty();

    assertThat(fx.records(call)).hasSize(records);
    assertThat(fx.state(call)).isEqualTo(ENDED);
  }

  @Test
  void aLateLegEndedWithoutALegIsRefusedAsInvalidAsBeforeTheCallEnded() {
    CallId call = endedCall("c-1");

    assertRefused(new SipEvent.LegEnded(call, null, 16, null),
        CallFlowException.Reason.INVALID_INPUT,
        "call c-1 (state ENDED): LegEnded refused: leg is required");
  }

  @Test
  void anAgentEventForARetainedEndedCallIsRefusedAsIllegalInTheEndedState() {
    CallId call = endedCall("c-1");
    int records = fx.records(call).size();

    assertRefused(new AgentEvent.StepCompleted(call, GREETING),
        CallFlowException.Reason.ILLEGAL_EVENT,
        "call c-1 (state ENDED): StepCompleted refused: the call has ended");
    assertThat(fx.records(call)).hasSize(records);
  }

  @Test
  void aSipEventOtherThanLegEndedForARetainedEndedCallIsRefusedAsIllegalInTheEndedState() {
    CallId call = endedCall("c-1");

    assertRefused(new SipEvent.Answered(call), CallFlowException.Reason.ILLEGAL_EVENT,
        "call c-1 (state ENDED): Answered refused: the call has ended");
    assertRefused(new SipEvent.LineDown(call, "trunk-1"), CallFlowException.Reason.ILLEGAL_EVENT,
        "call c-1 (state ENDED): LineDown refused: the call has ended");
  }

  @Test
  void anOfferWithTheIdOfARetainedEndedCallIsRefusedAsDuplicate() {
    CallId call = endedCall("c-1");
    int records = fx.records(call).size();

    assertRefusedAs(() -> fx.offer("c-1"), CallFlowException.Reason.DUPLICATE_CALL);

    assertThat(fx.state(call)).isEqualTo(ENDED);
    assertThat(fx.records(call)).hasSize(records);
    assertThat(fx.engine.liveCallCount()).isZero();
  }

  @Test
  void anOfferWithTheIdOfAnEndedCallIsAcceptedOnceTheRetentionIsOver() {
    endedCall("c-1");
    fx.advance(RETENTION);

    CallId again = fx.offer("c-1");

    assertThat(fx.state(again)).isEqualTo(CallState.RINGING);
    assertThat(fx.engine.liveCallCount()).isEqualTo(1);
  }

  @Test
  void aRecoveredCallWithTheIdOfARetainedEndedCallIsRefusedAsDuplicate() {
    CallId call = endedCall("c-1");

    assertRefusedAs(() -> fx.engine.recover(savedAt(call, RESOLVING, Map.of())),
        CallFlowException.Reason.DUPLICATE_CALL);

    assertThat(fx.state(call)).isEqualTo(ENDED);
    assertThat(fx.engine.liveCallCount()).isZero();
  }

  @Test
  void withNoRetentionAnEndedCallIsForgottenAtOnce() {
    EngineFixture unretained = new EngineFixture(
        CallFlowSettings.defaults().withEndedRetention(Duration.ZERO));
    CallId call = unretained.callAt("c-1", GREETING);
    unretained.send(new SipEvent.LegEnded(call, Leg.CUSTOMER, 16, null));

    assertThat(unretained.engine.view(call)).isEmpty();
    assertThat(unretained.engine.callCount()).isZero();
    assertThat(unretained.scheduler.pendingCount()).isZero();
    assertRefusedAs(() -> unretained.send(new SipEvent.LegEnded(call, Leg.AGENT, 16, null)),
        CallFlowException.Reason.UNKNOWN_CALL);
  }

  private static RecoveredCall savedAt(CallId call, CallState step, Map<Leg, byte[]> legs) {
    return new RecoveredCall(call, step, step, legs, Instant.parse("2026-01-05T08:59:00Z"));
  }

  private static void assertRefusedAs(ThrowingCallable action, CallFlowException.Reason reason) {
    assertThatThrownBy(action).isInstanceOfSatisfying(CallFlowException.class,
        e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private void assertRefused(CallEvent event, CallFlowException.Reason reason, String message) {
    assertThatThrownBy(() -> fx.send(event))
        .isInstanceOfSatisfying(CallFlowException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.state()).isEqualTo(ENDED);
          assertThat(e.getMessage()).isEqualTo(message);
        });
  }
}
