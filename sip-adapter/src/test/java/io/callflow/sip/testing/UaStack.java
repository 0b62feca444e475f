package io.callflow.sip.testing;

import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.stack.LocalEndpoint;
import io.callflow.sip.timer.EventLoopScheduler;
import io.callflow.sip.timer.TimerSettings;
import io.callflow.sip.transaction.InviteServerTransaction;
import io.callflow.sip.transaction.Peer;
import io.callflow.sip.transaction.ServerTransaction;
import io.callflow.sip.transaction.ServerTransactionUser;
import io.callflow.sip.transaction.TransactionLayer;
import io.callflow.sip.transaction.TransactionMetrics;
import io.netty.channel.DefaultEventLoop;
import java.util.concurrent.TimeUnit;

/**
 * The real transaction layer on one event loop over {@link LoopbackUdpTransport}: enough stack
 * for the UA functions to talk to SIPp before the Netty transports are wired. Incoming
 * requests are ignored; the UA functions under test are clients.
 */
public final class UaStack implements AutoCloseable {

  private final DefaultEventLoop loop = new DefaultEventLoop();
  private final EventLoopScheduler scheduler = new EventLoopScheduler(loop);
  private final LoopbackUdpTransport transport;
  private final TransactionLayer layer;

  public UaStack(int port) {
    transport = new LoopbackUdpTransport(port, loop);
    layer = new TransactionLayer(TimerSettings.DEFAULTS, scheduler, loop, transport,
        new IgnoringUser(), TransactionMetrics.unregistered());
    transport.deliverTo(layer);
  }

  public DefaultEventLoop loop() {
    return loop;
  }

  public EventLoopScheduler scheduler() {
    return scheduler;
  }

  public TransactionLayer layer() {
    return layer;
  }

  public LocalEndpoint endpoint() {
    return new LocalEndpoint("UDP", "127.0.0.1", transport.port());
  }

  @Override
  public void close() {
    transport.close();
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  private static final class IgnoringUser implements ServerTransactionUser {
    @Override
    public void onRequest(ServerTransaction transaction) {
      // The UA functions under test only send requests.
    }

    @Override
    public void onAck(SipRequest ack, Peer source) {
      // No INVITE is answered here, so no ACK matters.
    }

    @Override
    public void onCancel(InviteServerTransaction invite, SipRequest cancel) {
      // No INVITE is answered here.
    }

    @Override
    public void onStrayResponse(SipResponse response, Peer source) {
      // Late answers to ended probes are of no interest.
    }

    @Override
    public void onTimeout(ServerTransaction transaction) {
      // No server transactions are created.
    }

    @Override
    public void onTransportError(ServerTransaction transaction, Throwable cause) {
      // No server transactions are created.
    }
  }
}
