package io.callflow.sip.stack;

import static io.callflow.sip.transaction.TestMessages.UDP_PEER;
import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.time.ManualScheduler;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.dialog.DialogMetrics;
import io.callflow.sip.edge.AllowList;
import io.callflow.sip.edge.EdgePolicy;
import io.callflow.sip.edge.EdgeSettings;
import io.callflow.sip.edge.RateLimitSettings;
import io.callflow.sip.edge.RefusalMode;
import io.callflow.sip.edge.RefusalReason;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.timer.TimerSettings;
import io.callflow.sip.transaction.Peer;
import io.callflow.sip.transaction.RecordingSender;
import io.callflow.sip.transaction.TestMessages;
import io.callflow.sip.transaction.TransactionMetrics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edge check a shard runs on every inbound request before its transaction layer. */
class EdgeGateTest {

  /** A documentation address (RFC 5737) on no list; nothing is ever sent to it, the sender only records. */
  private static final Peer STRANGER = Peer.udp(new InetSocketAddress("192.0.2.66", 5060));

  private final ManualScheduler scheduler = new ManualScheduler();
  private final RecordingSender sender = new RecordingSender();
  private final List<String> events = new ArrayList<>();
  private final List<InetAddress> allowedSources = new ArrayList<>();

  private final SipApplication application = new SipApplication() {
    @Override
    public void onRequest(IncomingRequest request) {
      events.add("request " + request.method());
      request.respond(200);
    }

    @Override
    public void onDialogRequest(Dialog dialog, IncomingRequest request) {
      events.add("dialog request " + request.method());
      request.respond(200);
    }
  };

  private EdgePolicy policy;

  private Shard shard(List<String> trunks, List<String> phones, RefusalMode refusal, RateLimitSettings limit) {
    policy = new EdgePolicy(new EdgeSettings(AllowList.parse("sip.edge.trunks", trunks),
        AllowList.parse("sip.edge.phones", phones), EdgeSettings.DEFAULT_PHONE_METHODS, refusal, limit),
        scheduler.clock());
    TransactionMetrics metrics = TransactionMetrics.unregistered();
    return new Shard(Runnable::run, () -> true, scheduler, TimerSettings.DEFAULTS, sender, application,
        Map.of("UDP", new LocalEndpoint("UDP", "127.0.0.1", 5060)), metrics,
        new DialogMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
        new SipEdge(policy, allowedSources::add));
  }

  private Shard trunkOnly(RefusalMode refusal) {
    return shard(List.of("127.0.0.1/32"), List.of(), refusal, RateLimitSettings.defaults());
  }

  @Test
  void aRequestFromASourceOnNoListGets403WithoutATransactionWhenRefusing() {
    Shard shard = trunkOnly(RefusalMode.REFUSE_403);

    shard.receive(TestMessages.request("OPTIONS", "z9hG4bKstranger", 1), STRANGER);

    assertThat(sender.all()).hasSize(1);
    assertThat(((SipResponse) sender.last()).statusCode()).isEqualTo(403);
    assertThat(((SipResponse) sender.last()).to().orElseThrow().tag()).isPresent();
    assertThat(sender.all().get(0).peer()).isEqualTo(STRANGER);
    assertThat(shard.layer().size()).as("transactions").isZero();
    assertThat(events).isEmpty();
    assertThat(policy.refusals().count(RefusalReason.SOURCE_NOT_ALLOWED)).isEqualTo(1);
    assertThat(allowedSources).isEmpty();
  }

  @Test
  void aRequestFromASourceOnNoListIsDiscardedWhenDroppingSilently() {
    Shard shard = trunkOnly(RefusalMode.DROP_SILENTLY);

    shard.receive(TestMessages.request("INVITE", "z9hG4bKstranger", 1), STRANGER);

    assertThat(sender.all()).isEmpty();
    assertThat(shard.layer().size()).as("transactions").isZero();
    assertThat(events).isEmpty();
    assertThat(policy.refusals().count(RefusalReason.SOURCE_NOT_ALLOWED)).isEqualTo(1);
  }

  @Test
  void aRequestFromATrunkReachesTheApplicationAndTellsTheListener() {
    Shard shard = trunkOnly(RefusalMode.REFUSE_403);

    shard.receive(TestMessages.request("OPTIONS", "z9hG4bKtrunk", 1), UDP_PEER);

    assertThat(events).containsExactly("request OPTIONS");
    assertThat(sender.responses(200)).isEqualTo(1);
    assertThat(allowedSources).containsExactly(UDP_PEER.address().getAddress());
  }

  @Test
  void requestsInADialogAndTheAckOfItsInvitePassFromASourceOnNoList() {
    Shard shard = trunkOnly(RefusalMode.REFUSE_403);
    shard.receive(TestMessages.request("INVITE", "z9hG4bKinv", 1), UDP_PEER);
    String tag = ((SipResponse) sender.last()).to().orElseThrow().tag().orElseThrow();

    shard.receive(TestMessages.request("ACK", "z9hG4bKack", 1, tag), STRANGER);
    shard.receive(TestMessages.request("BYE", "z9hG4bKbye", 2, tag), STRANGER);
    shard.receive(TestMessages.request("OPTIONS", "z9hG4bKout", 3), STRANGER);

    assertThat(events).containsExactly("request INVITE", "dialog request BYE");
    assertThat(sender.responses(403)).as("the out-of-dialog OPTIONS only").isEqualTo(1);
    assertThat(policy.refusals().count(RefusalReason.SOURCE_NOT_ALLOWED)).isEqualTo(1);
  }

  @Test
  void aCancelMatchingAnInviteTransactionPassesFromASourceOnNoList() {
    SipApplication ringing = new SipApplication() {
      @Override
      public void onRequest(IncomingRequest request) {
        request.respond(180);
      }

      @Override
      public void onDialogRequest(Dialog dialog, IncomingRequest request) {
      }

      @Override
      public void onCancel(IncomingRequest invite) {
        events.add("cancel");
      }
    };
    policy = new EdgePolicy(new EdgeSettings(AllowList.parse("sip.edge.trunks", List.of("127.0.0.1")),
        new AllowList(List.of()), EdgeSettings.DEFAULT_PHONE_METHODS, RefusalMode.REFUSE_403,
        RateLimitSettings.defaults()), scheduler.clock());
    Shard shard = new Shard(Runnable::run, () -> true, scheduler, TimerSettings.DEFAULTS, sender, ringing,
        Map.of("UDP", new LocalEndpoint("UDP", "127.0.0.1", 5060)), TransactionMetrics.unregistered(),
        new DialogMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), new SipEdge(policy));
    shard.receive(TestMessages.request("INVITE", "z9hG4bKring", 1), UDP_PEER);

    shard.receive(TestMessages.request("CANCEL", "z9hG4bKring", 1), STRANGER);

    assertThat(events).containsExactly("cancel");
    assertThat(sender.responses(487)).isEqualTo(1);
    assertThat(sender.responses(403)).isZero();
  }

  @Test
  void aPhoneOverItsRateIsDroppedSilentlyAndCounted() {
    Shard shard = shard(List.of(), List.of("127.0.0.1/32"), RefusalMode.REFUSE_403,
        new RateLimitSettings(RateLimitSettings.MIN_RATE, 1, RateLimitSettings.MIN_TRACKED, true));

    shard.receive(TestMessages.request("OPTIONS", "z9hG4bKfirst", 1), UDP_PEER);
    shard.receive(TestMessages.request("OPTIONS", "z9hG4bKsecond", 2), UDP_PEER);

    assertThat(events).containsExactly("request OPTIONS");
    assertThat(sender.all()).hasSize(1);
    assertThat(policy.refusals().count(RefusalReason.RATE_LIMITED)).isEqualTo(1);
  }
}
