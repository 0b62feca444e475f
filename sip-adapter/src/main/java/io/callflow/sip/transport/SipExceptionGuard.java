package io.callflow.sip.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last handler of every SIP pipeline: an exception that reached it is logged once and goes no
 * further; a stream connection is closed, since its framing state can no longer be trusted.
 */
@ChannelHandler.Sharable
final class SipExceptionGuard extends ChannelInboundHandlerAdapter {

  static final SipExceptionGuard INSTANCE = new SipExceptionGuard();
  private static final Logger LOG = LoggerFactory.getLogger(SipExceptionGuard.class);

  private SipExceptionGuard() {
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    boolean stream = !(ctx.channel() instanceof io.netty.channel.socket.DatagramChannel);
    LOG.warn("SIP channel {} from {} failed{}: {}", ctx.channel().id().asShortText(),
        ctx.channel().remoteAddress(), stream ? ", closing it" : "", cause.toString());
    if (stream) {
      ctx.close();
    }
  }
}
