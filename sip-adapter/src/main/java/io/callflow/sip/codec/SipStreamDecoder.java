package io.callflow.sip.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelInputShutdownReadComplete;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames SIP messages on a stream (TCP; TLS later) by Content-Length, RFC 3261 §18.3, in its
 * long and compact ({@code l:}) forms. Emits one {@link SipFrame} per message.
 *
 * <pre>
 *   SKIP_CRLF ──first non-CR/LF octet──▶ READ_HEADERS ──blank line──▶ READ_BODY ──body complete──▶ SKIP_CRLF
 *       │ CRLFCRLF: answer CRLF (RFC 5626 §3.5.1)   │ any limit or Content-Length violation
 *       └───────────────────────────────────────────┴──────────────────────────▶ BAD_MESSAGE (close)
 * </pre>
 *
 * A violation — no Content-Length (§18.3 makes it mandatory on streams), a negative, invalid or
 * repeated-and-different one, or any {@link SipLimits} exceeded — leaves no way to find the next
 * message, so the connection is closed with one log line and the rest of the input is discarded.
 */
public final class SipStreamDecoder extends ByteToMessageDecoder {

  private static final Logger LOG = LoggerFactory.getLogger(SipStreamDecoder.class);
  private static final byte[] PING = {'\r', '\n', '\r', '\n'};
  private static final byte[] PONG = {'\r', '\n'};
  private static final byte[] BLANK_LINE = {'\r', '\n'};
  private static final byte[] END_OF_HEADERS = {'\r', '\n', '\r', '\n'};

  /** Decoder progress, as in Netty's {@code HttpObjectDecoder}. */
  enum State {
    SKIP_CRLF, READ_HEADERS, READ_BODY, BAD_MESSAGE;

    private static final Set<State> FROM_SKIP_CRLF = EnumSet.of(READ_HEADERS, BAD_MESSAGE);
    private static final Set<State> FROM_READ_HEADERS = EnumSet.of(READ_BODY, BAD_MESSAGE);
    private static final Set<State> FROM_READ_BODY = EnumSet.of(SKIP_CRLF, BAD_MESSAGE);
    private static final Set<State> FROM_BAD_MESSAGE = EnumSet.noneOf(State.class);

    Set<State> allowedNext() {
      return switch (this) {
        case SKIP_CRLF -> FROM_SKIP_CRLF;
        case READ_HEADERS -> FROM_READ_HEADERS;
        case READ_BODY -> FROM_READ_BODY;
        case BAD_MESSAGE -> FROM_BAD_MESSAGE;
      };
    }
  }

  private final SipLimits limits;
  private final SipTrafficObserver observer;
  private State state = State.SKIP_CRLF;
  private byte[] head;
  private HeaderBlock block;

  public SipStreamDecoder(SipLimits limits, SipTrafficObserver observer) {
    this.limits = limits;
    this.observer = observer;
  }

  State state() {
    return state;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (true) {
      switch (state) {
        case SKIP_CRLF -> {
          if (!skipCrlf(ctx, in)) {
            return;
          }
          moveTo(State.READ_HEADERS);
        }
        case READ_HEADERS -> {
          FailureReason violation = readHeaders(in);
          if (violation != null) {
            fail(ctx, in, violation);
            return;
          }
          if (head == null) {
            return;
          }
        }
        case READ_BODY -> {
          if (in.readableBytes() < block.contentLength()) {
            return;
          }
          byte[] message = new byte[head.length + block.contentLength()];
          System.arraycopy(head, 0, message, 0, head.length);
          in.readBytes(message, head.length, block.contentLength());
          out.add(new SipFrame(message, block.defect()));
          head = null;
          block = null;
          moveTo(State.SKIP_CRLF);
          return;
        }
        case BAD_MESSAGE -> {
          in.skipBytes(in.readableBytes());
          return;
        }
        default -> throw new IllegalStateException("unknown state " + state);
      }
    }
  }

  /**
   * At the end of the input (the peer closed or half-closed), a header block still missing its
   * blank line is complete: nothing more can follow it. A body still short stays unprocessed.
   */
  @Override
  protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    decode(ctx, in, out);
    if (state == State.READ_HEADERS && in.isReadable()) {
      boolean endsWithCrlf = in.readableBytes() >= 2 && in.getByte(in.writerIndex() - 1) == '\n';
      ByteBuf completed = ctx.alloc().buffer(in.readableBytes() + 4);
      try {
        completed.writeBytes(in).writeBytes(endsWithCrlf ? BLANK_LINE : END_OF_HEADERS);
        decode(ctx, completed, out);
      } finally {
        completed.release();
      }
    }
  }

  /** Once the peer has half-closed and everything it sent is handled, close after pending writes. */
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    super.userEventTriggered(ctx, evt);
    if (evt instanceof ChannelInputShutdownReadComplete) {
      ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /**
   * Skips CR/LF before a start line (RFC 3261 §7.5) and answers each CRLFCRLF ping with one
   * CRLF. Returns true when a start line begins, false when more input is needed.
   */
  private boolean skipCrlf(ChannelHandlerContext ctx, ByteBuf in) {
    while (in.isReadable()) {
      int index = in.readerIndex();
      byte first = in.getByte(index);
      if (first != '\r' && first != '\n') {
        return true;
      }
      int matched = 0;
      while (matched < PING.length && matched < in.readableBytes() && in.getByte(index + matched) == PING[matched]) {
        matched++;
      }
      if (matched == PING.length) {
        in.skipBytes(PING.length);
        observer.keepAlive();
        ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG));
      } else if (matched == in.readableBytes()) {
        return false;
      } else {
        in.skipBytes(Math.max(1, matched));
      }
    }
    return false;
  }

  /** Reads the header block when complete; returns a violation, or null (then {@link #head} tells). */
  private FailureReason readHeaders(ByteBuf in) {
    int start = in.readerIndex();
    int readable = in.readableBytes();
    int firstLf = in.indexOf(start, start + Math.min(readable, limits.maxStartLineBytes() + 2), (byte) '\n');
    if (firstLf < 0) {
      return readable > limits.maxStartLineBytes() + 1 ? FailureReason.START_LINE_TOO_LONG : null;
    }
    int end = blankLineEnd(in, start, Math.min(readable, limits.maxHeaderBytes()));
    if (end < 0) {
      return readable >= limits.maxHeaderBytes() ? FailureReason.HEADERS_TOO_LONG : null;
    }
    byte[] bytes = new byte[end - start];
    in.getBytes(start, bytes);
    HeaderBlock scanned = HeaderBlockScanner.scan(bytes, bytes.length);
    if (scanned.contentLengthCount() == 0) {
      return FailureReason.NO_CONTENT_LENGTH;
    }
    if (!scanned.contentLengthValid() || !scanned.contentLengthsAgree()) {
      return FailureReason.BAD_CONTENT_LENGTH;
    }
    if (scanned.contentLength() > limits.maxBodyBytes()) {
      return FailureReason.BODY_TOO_LONG;
    }
    if ((long) bytes.length + scanned.contentLength() > limits.maxMessageBytes()) {
      return FailureReason.MESSAGE_TOO_LONG;
    }
    in.skipBytes(bytes.length);
    head = bytes;
    block = scanned;
    moveTo(State.READ_BODY);
    return null;
  }

  /** Index just past the first CRLFCRLF that ends within {@code [start, start+length)}, or -1. */
  private static int blankLineEnd(ByteBuf in, int start, int length) {
    int limit = start + length;
    int from = start;
    while (from < limit) {
      int lf = in.indexOf(from, limit, (byte) '\n');
      if (lf < 0 || lf + 2 >= limit) {
        return -1;
      }
      if (in.getByte(lf + 1) == '\r' && in.getByte(lf + 2) == '\n') {
        return lf + 3;
      }
      from = lf + 1;
    }
    return -1;
  }

  private void fail(ChannelHandlerContext ctx, ByteBuf in, FailureReason reason) {
    moveTo(State.BAD_MESSAGE);
    in.skipBytes(in.readableBytes());
    head = null;
    block = null;
    observer.failure(reason);
    LOG.info("Closing SIP stream from {}: framing violation {}", ctx.channel().remoteAddress(), reason.label());
    ctx.close();
  }

  private void moveTo(State next) {
    if (!state.allowedNext().contains(next)) {
      throw new IllegalStateException("SIP stream decoder cannot go from " + state + " to " + next);
    }
    state = next;
  }
}
