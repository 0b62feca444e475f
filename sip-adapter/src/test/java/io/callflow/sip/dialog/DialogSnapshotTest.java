package io.callflow.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.sip.message.CSeq;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialogSnapshotTest {

  private static Dialog uacWithRoutes() {
    return Dialog.asUac("c1@host", "mine", "theirs", "<sip:callflow@10.0.0.2>", "\"Agent\" <sip:agent@10.0.0.5>",
        "sip:agent@10.0.0.5:5062", List.of("<sip:p2.example;lr>", "<sip:p1.example;lr>"), 7, false, false);
  }

  @Test
  void aRestoredDialogSendsLikeTheOriginalWouldHave() {
    Dialog original = uacWithRoutes();
    original.acceptRemoteSeq(3);

    Dialog restored = Dialog.restore(original.snapshot());

    assertThat(restored.snapshot()).isEqualTo(original.snapshot());
    assertThat(restored.state()).isEqualTo(DialogState.CONFIRMED);
    assertThat(restored.newRequest("BYE")).isEqualTo(original.newRequest("BYE"));
  }

  @Test
  void aUacDialogThatNeverReceivedARequestKeepsItsRemoteCseqEmpty() {
    DialogSnapshot saved = uacWithRoutes().snapshot();

    assertThat(saved.remoteSeq()).isEqualTo(-1);
    assertThat(Dialog.restore(saved).acceptRemoteSeq(1)).isTrue();
  }

  @Test
  void theRaisedLocalCseqIsWhereTheNextRequestContinues() {
    Dialog restored = Dialog.restore(uacWithRoutes().snapshot().withLocalSeqRaisedBy(1000));

    assertThat(restored.newRequest("OPTIONS").cseq()).isEqualTo(1008);
  }

  @Test
  void aJumpPastTheCseqSpaceIsRefused() {
    DialogSnapshot saved = uacWithRoutes().snapshot();

    assertThatThrownBy(() -> saved.withLocalSeqRaisedBy(CSeq.MAX_NUMBER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2^31");
  }

  @Test
  void aRestoredDialogIsMatchedByTheTableOnceAdopted() {
    DialogTable table = new DialogTable(new DialogMetrics(new SimpleMeterRegistry()));
    Dialog restored = Dialog.restore(uacWithRoutes().snapshot());

    assertThat(table.adopt(restored)).isTrue();
    assertThat(table.get(restored.id())).contains(restored);
    assertThat(table.size()).isEqualTo(1);
  }

  @Test
  void adoptingASecondDialogWithTheSameIdChangesNothing() {
    DialogTable table = new DialogTable(new DialogMetrics(new SimpleMeterRegistry()));
    Dialog first = Dialog.restore(uacWithRoutes().snapshot());
    table.adopt(first);

    assertThat(table.adopt(Dialog.restore(uacWithRoutes().snapshot()))).isFalse();
    assertThat(table.get(first.id())).containsSame(first);
    assertThat(table.size()).isEqualTo(1);
  }
}
