package io.callflow.sip.transport;

import io.callflow.core.time.Scheduler;
import io.callflow.sip.codec.SipDatagramDecoder;
import io.callflow.sip.codec.SipDatagramEncoder;
import io.callflow.sip.codec.SipLimits;
import io.callflow.sip.codec.SipMessageReader;
import io.callflow.sip.codec.SipStreamDecoder;
import io.callflow.sip.codec.SipStreamEncoder;
import io.callflow.sip.codec.SipTrafficObserver;
import io.netty.channel.ChannelPipeline;
import java.time.Duration;

/**
 * The handlers of a SIP channel, in order. The same methods set up real sockets and the
 * {@code EmbeddedChannel}s of tests, so tests run the real inbound path.
 */
final class SipPipelines {

  private static final SipMessageReader READER = new SipMessageReader();

  private SipPipelines() {
  }

  /** datagram → frame → verdict → handler; responses and requests out as datagrams. */
  static void udp(ChannelPipeline pipeline, SipLimits limits, SipInboundHandler handler, SipTrafficObserver observer) {
    udp(pipeline, limits, handler, observer, null);
  }

  /** Like the above; with {@code affinity}, each datagram is parsed and delivered on its call's loop. */
  static void udp(ChannelPipeline pipeline, SipLimits limits, SipInboundHandler handler, SipTrafficObserver observer,
                  CallIdAffinity affinity) {
    pipeline.addLast("sip-datagram-decoder", new SipDatagramDecoder(limits, observer));
    pipeline.addLast("sip-datagram-encoder", new SipDatagramEncoder(observer));
    pipeline.addLast("sip-dispatcher", new SipInboundDispatcher(Transport.UDP, READER, handler, observer, affinity));
    pipeline.addLast("sip-exceptions", SipExceptionGuard.INSTANCE);
  }

  /** idle timeout, stream framing, encoder, dispatcher. */
  static void tcp(ChannelPipeline pipeline, SipLimits limits, Scheduler scheduler, Duration idleTimeout,
                  SipInboundHandler handler, SipTrafficObserver observer) {
    pipeline.addLast("sip-idle", new StreamIdleTimeout(scheduler, idleTimeout));
    pipeline.addLast("sip-stream-decoder", new SipStreamDecoder(limits, observer));
    pipeline.addLast("sip-stream-encoder", new SipStreamEncoder(observer));
    pipeline.addLast("sip-dispatcher", new SipInboundDispatcher(Transport.TCP, READER, handler, observer, null));
    pipeline.addLast("sip-exceptions", SipExceptionGuard.INSTANCE);
  }
}
