package io.callflow.headset.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.callflow.core.time.ManualScheduler;
import io.callflow.headset.Reports;
import io.callflow.headset.config.MonitorSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityReportInboxTest {

  private final ManualScheduler scheduler = new ManualScheduler();
  private final List<CallQuality> counted = new ArrayList<>();
  private final List<String> notCounted = new ArrayList<>();
  private final QualityReportInbox inbox = new QualityReportInbox(MonitorSettings.defaults(), scheduler,
      new QualitySink() {
        @Override
        public void counted(CallQuality quality) {
          counted.add(quality);
        }

        @Override
        public void duplicate() {
          notCounted.add("duplicate");
        }

        @Override
        public void rejected(String reason) {
          notCounted.add("rejected: " + reason);
        }
      });

  private static final String REPORT = Reports.SESSION_REPORT;

  private static final String NO_MOS_REPORT = Reports.NO_MOS_REPORT;

  private PublishResult.Accepted accepted(PublishResult result) {
    assertThat(result).isInstanceOf(PublishResult.Accepted.class);
    return (PublishResult.Accepted) result;
  }

  @Test
  void anInitialPublishGetsAnEntityTagAndTheDefaultExpiry() {
    PublishResult.Accepted ok = accepted(inbox.accept(REPORT));
    assertThat(ok.etag()).isNotBlank();
    assertThat(ok.expiresSeconds()).isEqualTo(3600);
    assertThat(ok.counted()).isTrue();
    assertThat(counted).hasSize(1);
  }

  @Test
  void theSameReportSentAgainIsAnsweredButCountedOnce() {
    PublishResult.Accepted first = accepted(inbox.accept(REPORT));
    PublishResult.Accepted again = accepted(inbox.accept(REPORT));
    assertThat(again.counted()).isFalse();
    assertThat(again.etag()).isNotEqualTo(first.etag());
    assertThat(counted).hasSize(1);
    assertThat(notCounted).containsExactly("duplicate");
  }

  @Test
  void intervalReportsOfDifferentPeriodsCountSeparately() {
    String interval = REPORT.replace("VQSessionReport: CallTerm", "VQIntervalReport");
    accepted(inbox.accept(interval));
    accepted(inbox.accept(interval.replace("STOP=2026-01-05T09:02:19Z", "STOP=2026-01-05T09:03:19Z")));
    accepted(inbox.accept(interval));
    assertThat(counted).hasSize(2);
  }

  @Test
  void aRefreshWithTheEntityTagIsAcceptedWithANewTagAndCountsNothing() {
    PublishResult.Accepted first = accepted(inbox.accept(REPORT));
    PublishResult.Accepted refresh = accepted(inbox.accept(new PublishRequest("", first.etag(), 600, null)));
    assertThat(refresh.etag()).isNotEqualTo(first.etag());
    assertThat(refresh.expiresSeconds()).isEqualTo(600);
    assertThat(refresh.counted()).isFalse();
    assertThat(inbox.accept(new PublishRequest("", first.etag(), 600, null)))
        .isEqualTo(new PublishResult.Rejected(412, "SIP-If-Match " + first.etag() + " is unknown or expired"));
  }

  @Test
  void anExpiredEntityTagIsAConditionalRequestFailure() {
    PublishResult.Accepted first = accepted(inbox.accept(new PublishRequest(REPORT, null, 60, null)));
    scheduler.advance(Duration.ofSeconds(61));
    PublishResult result = inbox.accept(new PublishRequest("", first.etag(), null, null));
    assertThat(((PublishResult.Rejected) result).sipStatus()).isEqualTo(412);
  }

  @Test
  void anExpiryAboveTheMaximumIsLowered() {
    assertThat(accepted(inbox.accept(new PublishRequest(REPORT, null, 86_400, null))).expiresSeconds()).isEqualTo(7200);
  }

  @Test
  void expiresZeroRemovesTheEntity() {
    PublishResult.Accepted first = accepted(inbox.accept(REPORT));
    assertThat(accepted(inbox.accept(new PublishRequest("", first.etag(), 0, null))).expiresSeconds()).isZero();
    assertThat(inbox.accept(new PublishRequest("", first.etag(), null, null)))
        .isInstanceOf(PublishResult.Rejected.class);
  }

  @Test
  void anInitialPublishWithoutABodyIsABadRequest() {
    assertThat(inbox.accept(new PublishRequest("", null, null, null))).isEqualTo(new PublishResult.Rejected(400,
        "body: an initial PUBLISH must carry an application/vq-rtcpxr report"));
  }

  @Test
  void garbageIsABadRequestNamingTheReasonAndCountsNothing() {
    PublishResult result = inbox.accept("lorem ipsum dolor sit amet");
    assertThat(result).isEqualTo(new PublishResult.Rejected(400,
        "report type: first line must be VQSessionReport, VQIntervalReport or VQAlertReport"));
    assertThat(counted).isEmpty();
    assertThat(accepted(inbox.accept(REPORT)).counted()).isTrue();
  }

  @Test
  void aReportedMosIsKeptAsReportedAndNotEstimated() {
    inbox.accept(REPORT);
    assertThat(counted.get(0).scores()).containsExactly(
        new Score(ScoreSource.REPORTED, 4.2, null),
        new Score(ScoreSource.ESTIMATED, null, counted.get(0).scores().get(1).rFactor()));
  }

  @Test
  void aReportWithoutMosGetsAnEModelEstimateLabelledAsSuch() {
    inbox.accept(PublishRequest.initial(NO_MOS_REPORT, "a-1"));
    CallQuality quality = counted.get(0);
    assertThat(quality.agentId()).isEqualTo("a-1");
    assertThat(quality.codec()).isEqualTo(Codec.G711_PLC);
    assertThat(quality.scores()).hasSize(1);
    Score estimate = quality.scores().get(0);
    assertThat(estimate.source()).isEqualTo(ScoreSource.ESTIMATED);
    // Ta = 100/2 + 50 = 100 ms -> Idd = 0; Ie,eff = 95 * 1 / (1 + 25.1) = 3.640; R = 93.2 - 3.640 = 89.56.
    assertThat(estimate.rFactor()).isCloseTo(89.56, within(0.005));
    assertThat(estimate.mos()).isCloseTo(EModel.mos(89.56), within(0.001));
  }

  @Test
  void packetsAreEstimatedFromRateDurationAndLoss() {
    inbox.accept(NO_MOS_REPORT);
    // 1000 / (20 ms x 1 frame) = 50 packets/s for 60 s = 3000 expected; 1 % lost = 30.
    assertThat(counted.get(0).packets()).isEqualTo(new PacketEstimate(3000, 30, 0));
    assertThat(counted.get(0).jitterSeconds()).isEqualTo(0.012);
  }
}
