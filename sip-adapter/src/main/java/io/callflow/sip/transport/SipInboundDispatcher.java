package io.callflow.sip.transport;

import io.callflow.sip.codec.CallIdScanner;
import io.callflow.sip.codec.DatagramFrame;
import io.callflow.sip.codec.OutboundDatagram;
import io.callflow.sip.codec.SipFrame;
import io.callflow.sip.codec.SipMessageReader;
import io.callflow.sip.codec.SipTrafficObserver;
import io.callflow.sip.codec.Verdict;
import io.callflow.sip.message.SipMessage;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last inbound stage: parses and validates each frame, answers what must be answered with a
 * 400/505 built from the request (RFC 3261 §8.2.6, sent per §18.2.2), counts what is dropped,
 * and hands valid messages to the {@link SipInboundHandler}. One instance per channel.
 */
final class SipInboundDispatcher extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(SipInboundDispatcher.class);
  private static final InetSocketAddress UNKNOWN = new InetSocketAddress(0);

  private final Transport transport;
  private final SipMessageReader reader;
  private final SipInboundHandler handler;
  private final SipTrafficObserver observer;
  /** For datagrams: the loop each call is parsed on; null parses on the reading loop. */
  private final CallIdAffinity affinity;
  private Source streamSource;

  SipInboundDispatcher(Transport transport, SipMessageReader reader, SipInboundHandler handler,
                       SipTrafficObserver observer, CallIdAffinity affinity) {
    this.transport = transport;
    this.reader = reader;
    this.handler = handler;
    this.observer = observer;
    this.affinity = affinity == null || affinity.size() < 2 ? null : affinity;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof DatagramFrame datagram) {
      Source source = Source.udp(datagram.sender(),
          datagram.recipient() == null ? local(ctx) : datagram.recipient());
      EventExecutor owner = affinity == null ? null : affinity.loopFor(CallIdScanner.callId(datagram.frame().bytes()));
      if (owner == null || owner.inEventLoop()) {
        dispatch(ctx, datagram.frame(), source);
      } else {
        // Parse on the call's loop: spreads parsing over every loop even when one socket
        // reads everything, and keeps a call's datagrams in the order this socket read them.
        owner.execute(() -> {
          try {
            dispatch(ctx, datagram.frame(), source);
          } catch (RuntimeException e) {
            LOG.error("SIP datagram from {} dropped: handling failed", source.remote(), e);
          }
        });
      }
    } else if (msg instanceof SipFrame frame) {
      dispatch(ctx, frame, streamSource(ctx));
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  private void dispatch(ChannelHandlerContext ctx, SipFrame frame, Source source) {
    Verdict verdict = reader.read(frame);
    if (verdict instanceof Verdict.Accepted accepted) {
      observer.inbound(accepted.message());
      deliver(accepted.message(), source);
    } else if (verdict instanceof Verdict.Rejected rejected) {
      observer.inbound(rejected.request());
      observer.failure(rejected.reason());
      SipResponse response = stamp(rejected.request(), source)
          .createResponse(rejected.status(), rejected.detail(), ToTags.next());
      LOG.debug("Answering {} from {} with {}: {}", rejected.request().method(), source.remote(),
          rejected.status(), rejected.reason().label());
      if (transport.isStream()) {
        ctx.writeAndFlush(response);
      } else {
        ctx.writeAndFlush(new OutboundDatagram(response, ResponseRouting.destination(response, source)));
      }
    } else if (verdict instanceof Verdict.Dropped dropped) {
      observer.failure(dropped.reason());
      LOG.debug("Dropped SIP message from {}: {} ({})", source.remote(), dropped.reason().label(), dropped.detail());
    }
  }

  private void deliver(SipMessage message, Source source) {
    try {
      if (message instanceof SipRequest request) {
        handler.onRequest(stamp(request, source), source);
      } else {
        handler.onResponse((SipResponse) message, source);
      }
    } catch (RuntimeException e) {
      LOG.error("SIP inbound handler failed on a message from {}", source.remote(), e);
    }
  }

  /** RFC 3261 §18.2.1 / RFC 3581 §4: record the real source in the top Via. */
  private static SipRequest stamp(SipRequest request, Source source) {
    InetSocketAddress remote = source.remote();
    if (remote.getAddress() == null || remote.getPort() == 0) {
      return request;
    }
    String ip = remote.getAddress().getHostAddress();
    int scope = ip.indexOf('%');
    try {
      return request.withViaReceived(scope < 0 ? ip : ip.substring(0, scope), remote.getPort());
    } catch (IllegalArgumentException e) {
      LOG.debug("Top Via of a request from {} left as received: {}", remote, e.getMessage());
      return request;
    }
  }

  private Source streamSource(ChannelHandlerContext ctx) {
    if (streamSource == null) {
      streamSource = new Source(transport, inet(ctx.channel().remoteAddress()), local(ctx),
          Optional.of(new SipConnection(ctx.channel())));
    }
    return streamSource;
  }

  private static InetSocketAddress local(ChannelHandlerContext ctx) {
    return inet(ctx.channel().localAddress());
  }

  private static InetSocketAddress inet(SocketAddress address) {
    return address instanceof InetSocketAddress inet ? inet : UNKNOWN;
  }
}
