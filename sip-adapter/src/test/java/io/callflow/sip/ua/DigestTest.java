package io.callflow.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DigestTest {

  private static final String NONCE = "dcd98b7102dd2f0e8b11d0f600bfb0c093";

  @Test
  void qopAuthResponseMatchesTheWorkedExampleOfRfc2617Section3_5() {
    String response = Digest.response("MD5", new DigestCredentials("Mufasa", "Circle Of Life"),
        "testrealm@host.com", NONCE, "GET", "/dir/index.html", Optional.of("auth"),
        "00000001", "0a4f113b");
    assertThat(response).isEqualTo("6629fae49393a05397450978507c4ef1");
  }

  @Test
  void qopLessResponseMatchesTheExampleOfRfc2069Section2_4() {
    String response = Digest.response("MD5", new DigestCredentials("Mufasa", "CircleOfLife"),
        "testrealm@host.com", NONCE, "GET", "/dir/index.html", Optional.empty(), "", "");
    assertThat(response).isEqualTo("1949323746fe6a43ef61f9606e7febea");
  }

  @Test
  void challengeFromRfc2617IsParsedWithQuotedCommasAndOptions() {
    DigestChallenge challenge = DigestChallenge.parse("Digest\n realm=\"testrealm@host.com\", "
        + "qop=\"auth,auth-int\", nonce=\"" + NONCE + "\", "
        + "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"").orElseThrow();
    assertThat(challenge).isEqualTo(new DigestChallenge("testrealm@host.com", NONCE,
        Optional.of("5ccc069c403ebaf9f0171e9517f40e41"), "MD5", Set.of("auth", "auth-int"), false));
  }

  @Test
  void challengeWithEscapedQuoteTokenValuesAndStaleIsParsed() {
    DigestChallenge challenge = DigestChallenge.parse(
        "digest realm=\"a \\\"b\\\", c\",nonce=abc,algorithm=md5,stale=TRUE").orElseThrow();
    assertThat(challenge.realm()).isEqualTo("a \"b\", c");
    assertThat(challenge.nonce()).isEqualTo("abc");
    assertThat(challenge.algorithm()).isEqualTo("MD5");
    assertThat(challenge.stale()).isTrue();
    assertThat(challenge.qop()).isEmpty();
  }

  @Test
  void somethingThatIsNoDigestChallengeGivesNothingAndNeverThrows() {
    assertThat(DigestChallenge.parse("Basic realm=\"x\"")).isEmpty();
    assertThat(DigestChallenge.parse("Digest nonce=\"only\"")).isEmpty();
    assertThat(DigestChallenge.parse("Digest realm=\"unterminated")).isEmpty();
    assertThat(DigestChallenge.parse("Digest ,,,===\"")).isEmpty();
    assertThat(DigestChallenge.parse(null)).isEmpty();
  }

  @Test
  void sessionAnswersWithQopAuthCountingNcUpAndCarryingOpaque() {
    DigestChallenge challenge = new DigestChallenge("testrealm@host.com", NONCE,
        Optional.of("op"), "MD5", Set.of("auth", "auth-int"), false);
    DigestSession session = DigestSession.open(challenge,
        new DigestCredentials("Mufasa", "Circle Of Life"), () -> 7L).orElseThrow();
    String first = session.authorize("GET", "/dir/index.html", "0a4f113b");
    assertThat(first).isEqualTo("Digest username=\"Mufasa\", realm=\"testrealm@host.com\", "
        + "nonce=\"" + NONCE + "\", uri=\"/dir/index.html\", "
        + "response=\"6629fae49393a05397450978507c4ef1\", algorithm=MD5, opaque=\"op\", "
        + "qop=auth, nc=00000001, cnonce=\"0a4f113b\"");
    assertThat(session.authorize("GET", "/dir/index.html")).contains("nc=00000002");
  }

  @Test
  void sessionWithoutQopOmitsNcAndCnonce() {
    DigestChallenge challenge = new DigestChallenge("r", "n", Optional.empty(), "MD5", Set.of(), false);
    String header = DigestSession.open(challenge, new DigestCredentials("u", "p"), () -> 1L)
        .orElseThrow().authorize("REGISTER", "sip:pbx");
    assertThat(header).doesNotContain("nc=").doesNotContain("cnonce").doesNotContain("qop");
  }

  @Test
  void challengeWeCannotAnswerOpensNoSession() {
    DigestCredentials credentials = new DigestCredentials("u", "p");
    assertThat(DigestSession.open(new DigestChallenge("r", "n", Optional.empty(), "MD5",
        Set.of("auth-int"), false), credentials, () -> 1L)).isEmpty();
    assertThat(DigestSession.open(new DigestChallenge("r", "n", Optional.empty(), "SHA-512-256",
        Set.of("auth"), false), credentials, () -> 1L)).isEmpty();
  }

  @Test
  void credentialsNeverPrintThePassword() {
    assertThat(new DigestCredentials("agent7", "s3cret").toString()).doesNotContain("s3cret");
  }
}
