package io.callflow.sip.b2bua.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.sip.b2bua.DropClassifier;
import io.callflow.sip.b2bua.DropSettings;
import io.callflow.sip.b2bua.LegEnding;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegEndReportTest {

  private final DropClassifier classifier = new DropClassifier(DropSettings.defaults());
  private final CallId call = new CallId("a@pbx");

  private SipEvent.LegEnded report(LegEnding ending) {
    return LegEndReport.of(call, Leg.CUSTOMER, classifier.classify(ending));
  }

  @Test
  void byeWithQ850CauseReportsThatCause() {
    assertThat(report(new LegEnding.Bye(List.of("Q.850;cause=16;text=\"Normal call clearing\""))).q850Cause())
        .isEqualTo(16);
    assertThat(report(new LegEnding.Bye(List.of("Q.850;cause=38"))).q850Cause()).isEqualTo(38);
  }

  @Test
  void byeWithoutReasonIsReportedWithoutCauseSoCoreSeesAHangup() {
    SipEvent.LegEnded ended = report(new LegEnding.Bye(List.of()));

    assertThat(ended.q850Cause()).isNull();
    assertThat(ended.leg()).isEqualTo(Leg.CUSTOMER);
    assertThat(ended.callId()).isEqualTo(call);
  }

  @Test
  void sessionTimerExpiryAnd408AreReportedAsRecoveryOnTimerExpiry() {
    assertThat(report(new LegEnding.SessionTimerExpired()).q850Cause()).isEqualTo(102);
    assertThat(report(new LegEnding.InDialogResponse(408)).q850Cause()).isEqualTo(102);
  }

  @Test
  void dialogGoneIsATemporaryFailureAndTransportLossANetworkFailure() {
    assertThat(report(new LegEnding.InDialogResponse(481)).q850Cause()).isEqualTo(41);
    assertThat(report(new LegEnding.TransportFailure("connection reset")).q850Cause()).isEqualTo(38);
  }

  @Test
  void completedTransferIsANormalClearing() {
    assertThat(report(new LegEnding.TransferCompleted()).q850Cause()).isEqualTo(16);
  }
}
