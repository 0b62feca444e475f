package io.callflow.sip.codec;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each inbound datagram into at most one {@link DatagramFrame} with {@link DatagramFramer}.
 * Over-limit datagrams are counted and dropped; CRLF-only datagrams are dropped silently.
 */
public final class SipDatagramDecoder extends MessageToMessageDecoder<DatagramPacket> {

  private static final Logger LOG = LoggerFactory.getLogger(SipDatagramDecoder.class);

  private final DatagramFramer framer;
  private final SipTrafficObserver observer;

  public SipDatagramDecoder(SipLimits limits, SipTrafficObserver observer) {
    super(DatagramPacket.class);
    this.framer = new DatagramFramer(limits);
    this.observer = observer;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, DatagramPacket packet, List<Object> out) {
    byte[] bytes = ByteBufUtil.getBytes(packet.content());
    DatagramOutcome outcome = framer.frame(bytes);
    if (outcome instanceof DatagramOutcome.Framed framed) {
      out.add(new DatagramFrame(framed.frame(), packet.sender(), packet.recipient()));
    } else if (outcome instanceof DatagramOutcome.Dropped dropped) {
      observer.failure(dropped.reason());
      LOG.debug("Dropped SIP datagram of {} bytes from {}: {}", bytes.length, packet.sender(),
          dropped.reason().label());
    }
  }
}
