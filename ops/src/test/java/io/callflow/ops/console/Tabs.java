package io.callflow.ops.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.util.ArrayList;
import java.util.List;

/** Console tabs on embedded channels: the session handler after a completed handshake. */
final class Tabs {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Tabs() {}

  static EmbeddedChannel open(AgentConsoleHub hub, String requestUri) {
    return handshake(new EmbeddedChannel(hub.sessionHandlers().get()), requestUri);
  }

  /** Completes the handshake of a channel holding a session handler. */
  static EmbeddedChannel handshake(EmbeddedChannel channel, String requestUri) {
    channel.pipeline().fireUserEventTriggered(
        new WebSocketServerProtocolHandler.HandshakeComplete(requestUri, EmptyHttpHeaders.INSTANCE, null));
    channel.runPendingTasks();
    return channel;
  }

  static EmbeddedChannel openFor(AgentConsoleHub hub, String agentId) {
    return open(hub, "/console/ws?agent=" + agentId);
  }

  /** A tab whose hello has been read already. */
  static EmbeddedChannel openPastHello(AgentConsoleHub hub, String agentId) {
    EmbeddedChannel channel = openFor(hub, agentId);
    received(channel);
    return channel;
  }

  /** Every text frame written to the tab so far, parsed. */
  static List<JsonNode> received(EmbeddedChannel channel) {
    channel.runPendingTasks();
    List<JsonNode> messages = new ArrayList<>();
    for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
      TextWebSocketFrame frame = (TextWebSocketFrame) out;
      try {
        messages.add(MAPPER.readTree(frame.text()));
      } catch (java.io.IOException e) {
        throw new AssertionError("tab got a frame that is not JSON: " + frame.text(), e);
      } finally {
        frame.release();
      }
    }
    return messages;
  }

  /** The {@code type} of each message received so far. */
  static List<String> types(EmbeddedChannel channel) {
    return received(channel).stream().map(m -> m.get("type").asText()).toList();
  }

  static void send(EmbeddedChannel channel, String text) {
    channel.writeInbound(new TextWebSocketFrame(text));
    channel.runPendingTasks();
  }
}
