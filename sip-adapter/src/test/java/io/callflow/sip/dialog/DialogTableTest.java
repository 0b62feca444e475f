package io.callflow.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.transaction.TestMessages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class DialogTableTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final DialogTable table = new DialogTable(new DialogMetrics(registry));

  private static final SipRequest INVITE = TestMessages.request("INVITE sip:agent@10.0.0.5 SIP/2.0\n"
      + "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKabc\n"
      + "Max-Forwards: 70\n"
      + "From: \"Caller\" <sip:caller@pbx.example>;tag=from-1\n"
      + "To: <sip:agent@10.0.0.5>\n"
      + "Call-ID: dlg-1@pbx\n"
      + "CSeq: 10 INVITE\n"
      + "Contact: <sip:caller@10.0.0.1:5060>\n"
      + "Record-Route: <sip:p1.example;lr>, <sip:p2.example;lr>\n"
      + "Content-Length: 0\n\n");

  private static SipResponse answer(int status, String contact, String recordRoute) {
    return TestMessages.response("SIP/2.0 " + status + " OK\n"
        + "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKabc\n"
        + "From: \"Caller\" <sip:caller@pbx.example>;tag=from-1\n"
        + "To: <sip:agent@10.0.0.5>;tag=to-1\n"
        + "Call-ID: dlg-1@pbx\n"
        + "CSeq: 10 INVITE\n"
        + "Contact: <" + contact + ">\n"
        + (recordRoute.isEmpty() ? "" : "Record-Route: " + recordRoute + "\n")
        + "Content-Length: 0\n\n");
  }

  @Test
  void theUasDialogTakesTheToTagAsLocalAndKeepsTheRecordRouteOrder() {
    Dialog dialog = table.createUas(INVITE, answer(200, "sip:agent@10.0.0.5", ""));

    assertThat(dialog.id()).isEqualTo(new DialogId("dlg-1@pbx", "to-1", "from-1"));
    assertThat(dialog.state()).isEqualTo(DialogState.CONFIRMED);
    assertThat(dialog.remoteTarget()).isEqualTo("sip:caller@10.0.0.1:5060");
    assertThat(dialog.routeSet().routes()).containsExactly("<sip:p1.example;lr>", "<sip:p2.example;lr>");
    assertThat(dialog.remoteSeq()).isEqualTo(10);
    assertThat(dialog.remoteUri()).isEqualTo("\"Caller\" <sip:caller@pbx.example>");
    assertThat(table.forReceivedRequest(TestMessages.request("BYE sip:agent@10.0.0.5 SIP/2.0\n"
        + "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bKbye\n"
        + "Max-Forwards: 70\n"
        + "From: <sip:caller@pbx.example>;tag=from-1\n"
        + "To: <sip:agent@10.0.0.5>;tag=to-1\n"
        + "Call-ID: dlg-1@pbx\n"
        + "CSeq: 11 BYE\n"
        + "Content-Length: 0\n\n"))).contains(dialog);
    assertThat(registry.get("callflow.sip.active.dialogs").gauge().value()).isEqualTo(1);
  }

  @Test
  void theUacDialogReversesTheRecordRouteAndTargetsTheContactOfThe2xx() {
    Dialog dialog = table.createUac(INVITE,
        answer(200, "sip:agent@10.0.0.5:5080", "<sip:p2.example;lr>, <sip:p1.example;lr>"));

    assertThat(dialog.id()).isEqualTo(new DialogId("dlg-1@pbx", "from-1", "to-1"));
    assertThat(dialog.routeSet().routes()).containsExactly("<sip:p1.example;lr>", "<sip:p2.example;lr>");
    assertThat(dialog.localSeq()).isEqualTo(10);
    assertThat(dialog.remoteSeq()).isEqualTo(-1);
    assertThat(table.forReceivedResponse(answer(200, "sip:agent@10.0.0.5:5080", ""))).contains(dialog);
  }

  @Test
  void aProvisionalWithToTagMakesAnEarlyDialogThatThe2xxConfirms() {
    Dialog early = table.createUac(INVITE, answer(180, "sip:agent@10.0.0.5", ""));
    assertThat(early.state()).isEqualTo(DialogState.EARLY);

    Dialog same = table.createUac(INVITE, answer(200, "sip:agent@10.0.0.5:5099", ""));
    same.confirm("<sip:agent@10.0.0.5:5099>", java.util.List.of());

    assertThat(same).isSameAs(early);
    assertThat(same.state()).isEqualTo(DialogState.CONFIRMED);
    assertThat(same.remoteTarget()).isEqualTo("sip:agent@10.0.0.5:5099");
    assertThat(table.size()).isEqualTo(1);
  }

  @Test
  void removingADialogTerminatesItAndLowersTheGauge() {
    Dialog dialog = table.createUas(INVITE, answer(200, "sip:agent@10.0.0.5", ""));

    table.remove(dialog);

    assertThat(dialog.state()).isEqualTo(DialogState.TERMINATED);
    assertThat(table.size()).isZero();
    assertThat(registry.get("callflow.sip.active.dialogs").gauge().value()).isZero();
  }
}
