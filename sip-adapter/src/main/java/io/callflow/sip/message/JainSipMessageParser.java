package io.callflow.sip.message;

import gov.nist.javax.sip.header.ExtensionHeaderImpl;
import gov.nist.javax.sip.header.NameMap;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.HeaderParser;
import gov.nist.javax.sip.parser.Lexer;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;

/**
 * jain-sip-ri's {@link StringMsgParser} with one step replaced. The headers every message carries
 * are built without jain-sip's lexer when they are in plain form ({@link PlainHeaderParser});
 * any other header's parser comes from
 * {@link HeaderParsers} (a constructor call) instead of {@code ParserFactory} (reflection, plus
 * a copy of the whole value that is never used). Everything else is jain-sip's own code: line
 * splitting, folding, the start line, the body. A header whose name is not in the table takes
 * jain-sip's own path; a header that fails to parse or to attach (a duplicate) is reported to
 * the {@link ParseExceptionListener} with the same arguments jain-sip's
 * {@code StringMsgParser.processHeader} passes, so the result is what jain-sip alone gives.
 *
 * <p>Holds no state ({@code StringMsgParser} has no instance fields in 1.3.0-91), so one
 * instance serves every thread.
 */
final class JainSipMessageParser extends StringMsgParser {

  @Override
  protected void processHeader(String header, SIPMessage message, ParseExceptionListener listener,
                               byte[] rawMessage) throws ParseException {
    SIPHeader plain = header == null ? null : PlainHeaderParser.parse(header);
    HeaderParser parser = plain == null ? tableParser(header) : null;
    if (plain == null && parser == null) {
      super.processHeader(header, message, listener, rawMessage);
      return;
    }
    try {
      message.attachHeader(plain != null ? plain : parser.parse(), false);
    } catch (ParseException e) {
      if (listener != null) {
        Class<?> headerClass = NameMap.getClassFromName(Lexer.getHeaderName(header));
        listener.handleException(e, message, headerClass == null ? ExtensionHeaderImpl.class : headerClass,
            header, new String(rawMessage, StandardCharsets.UTF_8));
      }
    }
  }

  private static HeaderParser tableParser(String header) {
    int colon = header == null ? -1 : header.indexOf(':');
    return colon < 1 ? null : HeaderParsers.create(header.substring(0, colon).trim(), header + "\n");
  }
}
