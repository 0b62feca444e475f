package io.callflow.sip.codec;

import io.callflow.sip.message.SipMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes a {@link SipMessage} to a stream; its Content-Length always matches the body (§18.3). */
public final class SipStreamEncoder extends MessageToByteEncoder<SipMessage> {

  private final SipTrafficObserver observer;

  public SipStreamEncoder(SipTrafficObserver observer) {
    super(SipMessage.class);
    this.observer = observer;
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, SipMessage msg, ByteBuf out) {
    out.writeBytes(msg.encode());
    observer.outbound(msg);
  }
}
