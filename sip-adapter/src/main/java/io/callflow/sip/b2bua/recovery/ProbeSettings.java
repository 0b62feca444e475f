package io.callflow.sip.b2bua.recovery;

/**
 * How saved legs are probed after a restart.
 *
 * @param cseqJump how far above the saved local CSeq the restored dialog's next request goes
 *     ({@code b2bua.recovery.cseqJump}, default 1000): requests sent between the last snapshot
 *     and the stop used numbers the peer has seen, and RFC 3261 §12.2.1.1 wants every new one
 *     strictly higher (a lower one gets 500, §12.2.2). 1 to 1,000,000.
 */
public record ProbeSettings(long cseqJump) {

  public static final long DEFAULT_CSEQ_JUMP = 1000;
  static final long MAX_CSEQ_JUMP = 1_000_000;
  public static final ProbeSettings DEFAULTS = new ProbeSettings(DEFAULT_CSEQ_JUMP);

  public ProbeSettings {
    if (cseqJump < 1 || cseqJump > MAX_CSEQ_JUMP) {
      throw new IllegalArgumentException("b2bua.recovery.cseqJump must be 1 to " + MAX_CSEQ_JUMP
          + ", got " + cseqJump + ": set it above the requests a leg sends between two snapshots");
    }
  }
}
