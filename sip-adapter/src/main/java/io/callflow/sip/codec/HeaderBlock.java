package io.callflow.sip.codec;

import java.util.Optional;

/**
 * What one pass over a header block found: how the body is delimited and the first defect
 * that the parser would let through (see {@link HeaderBlockScanner}).
 *
 * @param contentLengthCount how many Content-Length ({@code l}) headers there are
 * @param contentLength the first value, or -1 when absent or invalid
 * @param contentLengthValid false when any value is negative, not a number or above 2^31-1
 * @param contentLengthsAgree false when two values differ
 * @param defect the first version or address defect, if any
 * @param startLineEnd index of the LF ending the start line, or the scanned length if none
 * @param headerEnd index just after the blank line ending the headers, or the scanned length
 *     if there is none
 */
public record HeaderBlock(int contentLengthCount, int contentLength, boolean contentLengthValid,
                          boolean contentLengthsAgree, Optional<FailureReason> defect,
                          int startLineEnd, int headerEnd) {
}
