package io.callflow.sip.transport;

import io.callflow.sip.codec.FailureReason;
import io.callflow.sip.codec.SipTrafficObserver;
import io.callflow.sip.message.HeaderNames;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Put in front of the transaction layer's {@link SipInboundHandler}: answers a request that
 * lacks a header every request must carry (To, From, CSeq, Call-ID, Max-Forwards, Via; RFC 3261
 * §8.1.1) with 400 naming the missing headers (RFC 4475 §3.3.1) and passes everything else on.
 * An ACK is never answered (§17.2.1); an incomplete one is dropped. Responses pass unchanged.
 */
public final class RequiredHeadersFilter implements SipInboundHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RequiredHeadersFilter.class);
  private static final List<String> REQUIRED = List.of(HeaderNames.TO, HeaderNames.FROM, HeaderNames.CSEQ,
      HeaderNames.CALL_ID, HeaderNames.MAX_FORWARDS, HeaderNames.VIA);

  private final SipInboundHandler next;
  private final SipSender sender;
  private final SipTrafficObserver observer;

  public RequiredHeadersFilter(SipInboundHandler next, SipSender sender, SipTrafficObserver observer) {
    this.next = next;
    this.sender = sender;
    this.observer = observer;
  }

  /** The required headers {@code request} lacks, in RFC 3261 §8.1.1 order; empty when complete. */
  public static List<String> missing(SipRequest request) {
    List<String> missing = new ArrayList<>(0);
    for (String name : REQUIRED) {
      if (!request.hasHeader(name)) {
        missing.add(name);
      }
    }
    return missing;
  }

  @Override
  public void onRequest(SipRequest request, Source source) {
    List<String> missing = missing(request);
    if (missing.isEmpty()) {
      next.onRequest(request, source);
      return;
    }
    observer.failure(FailureReason.MISSING_HEADER);
    if ("ACK".equals(request.method()) || request.topVia().isEmpty()) {
      LOG.debug("Dropped {} from {}: missing {}", request.method(), source.remote(), missing);
      return;
    }
    SipResponse response = request.createResponse(FailureReason.MISSING_HEADER.status(),
        "Bad Request (missing " + String.join(", ", missing) + ")", ToTags.next());
    sender.sendResponse(response, source);
  }

  @Override
  public void onResponse(SipResponse response, Source source) {
    next.onResponse(response, source);
  }
}
