package io.callflow.sip.b2bua.registrar;

import io.callflow.sip.message.NameAddress;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.ua.Digest;
import io.callflow.sip.ua.DigestCredentials;
import io.callflow.sip.ua.SecretSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Digest authentication of REGISTER requests (RFC 3261 §22.4, RFC 2617 §3.2, RFC 7616 §3.4):
 * a request without credentials for our realm is challenged with 401 and
 * {@code WWW-Authenticate: Digest realm, nonce, algorithm=MD5, qop="auth"}; credentials are
 * checked in the order that leaks least: a nonce we never issued is re-challenged, an
 * unknown user or a wrong response gets 403, right credentials on an expired nonce get
 * {@code stale=true}, a nonce count already used with that nonce (a replay) is re-challenged.
 * Malformed credentials (no qop=auth, nc not 8 hex digits, no cnonce, a digest-uri that is not
 * the Request-URI, RFC 2617 §3.2.2.5) get 400.
 *
 * <p>The only state is the highest nonce count seen per nonce, kept for the nonce's lifetime
 * and only for credentials that were right, so it is bounded by the agents' own traffic.
 * Not thread-safe: the {@link Registrar} calls it under its lock.
 */
final class Authenticator {

  /** RFC 3261 §21.4.2, §21.4.4, §21.4.1. */
  static final int UNAUTHORIZED = 401;
  static final int FORBIDDEN = 403;
  static final int BAD_REQUEST = 400;
  /** The one algorithm offered: what SIP phones universally implement (RFC 8760 §2 allows more). */
  static final String ALGORITHM = "MD5";
  private static final String QOP = "auth";

  private record Account(AgentAccount agent, DigestCredentials credentials) {}

  private final String realm;
  private final Duration nonceLifetime;
  private final LongSupplier nowMillis;
  private final Nonces nonces;
  private final Map<String, Account> byUser = new HashMap<>();
  private final Map<String, Long> highestNonceCount = new HashMap<>();

  /** Reads every account's password now, so a missing variable stops start-up naming its key. */
  Authenticator(RegistrarSettings settings, SecretSource secrets, LongSupplier nowMillis, RandomGenerator random) {
    this.realm = settings.realm();
    this.nonceLifetime = settings.nonceLifetime();
    this.nowMillis = nowMillis;
    this.nonces = new Nonces(realm, nonceLifetime, nowMillis, random);
    for (AgentAccount agent : settings.accounts()) {
      String password = secrets.require(
          RegistrarSettings.KEY + "accounts[" + agent.agentId() + "].password-env", agent.passwordEnv());
      byUser.put(agent.user(), new Account(agent, new DigestCredentials(agent.user(), password)));
    }
  }

  Authentication authenticate(SipRequest register) {
    List<String> values = register.headers("Authorization");
    Optional<DigestAnswer> ours = Optional.empty();
    for (String value : values) {
      Optional<DigestAnswer> answer = DigestAnswer.parse(value);
      if (answer.isEmpty()) {
        return malformed("Bad Request (malformed Authorization)", "malformed Authorization");
      }
      if (answer.get().realm().equals(realm)) {
        ours = answer;
        break;
      }
    }
    if (ours.isEmpty()) {
      return challenge(false, RegistrationOutcome.CHALLENGED, "no credentials for realm " + realm);
    }
    return check(register, ours.get());
  }

  private Authentication check(SipRequest register, DigestAnswer answer) {
    if (!answer.algorithm().equals(ALGORITHM) || !answer.qop().equals(QOP) || answer.cnonce().isEmpty()) {
      return malformed("Bad Request (Digest needs algorithm=MD5, qop=auth and a cnonce)",
          "algorithm " + answer.algorithm() + ", qop '" + answer.qop() + "'");
    }
    Optional<Long> count = answer.nonceCount();
    if (count.isEmpty()) {
      return malformed("Bad Request (nc must be 8 hex digits)", "nc '" + answer.nc() + "'");
    }
    if (!answer.uri().equalsIgnoreCase(register.requestUri())) {
      return malformed("Bad Request (digest uri is not the Request-URI)", "digest uri differs from Request-URI");
    }
    Nonces.Check nonce = nonces.check(answer.nonce());
    if (nonce == Nonces.Check.FORGED) {
      return challenge(false, RegistrationOutcome.CHALLENGED, "nonce not issued by this registrar");
    }
    Account account = byUser.get(answer.username());
    if (account == null) {
      return forbidden("unknown user");
    }
    String expected = Digest.response(ALGORITHM, account.credentials(), realm, answer.nonce(),
        register.method(), answer.uri(), Optional.of(QOP), answer.nc(), answer.cnonce());
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        answer.response().getBytes(StandardCharsets.US_ASCII))) {
      return forbidden("wrong digest response");
    }
    if (nonce == Nonces.Check.STALE) {
      return challenge(true, RegistrationOutcome.STALE, "nonce expired");
    }
    Long highest = highestNonceCount.get(answer.nonce());
    if (highest != null && count.get() <= highest) {
      return challenge(false, RegistrationOutcome.CHALLENGED, "nonce count replayed");
    }
    remember(answer.nonce(), count.get());
    String user = account.agent().user();
    if (!user.equals(userPart(register.to())) || !user.equals(userPart(register.from()))) {
      return forbidden("To or From user is not the authenticated user");
    }
    return new Authentication.Passed(account.agent());
  }

  /** Records the nonce count and forgets nonces past their lifetime. */
  private void remember(String nonce, long count) {
    long oldest = nowMillis.getAsLong() - nonceLifetime.toMillis();
    highestNonceCount.keySet().removeIf(known -> Nonces.issuedAt(known) < oldest);
    highestNonceCount.put(nonce, count);
  }

  /** The user part of a sip:/sips: address, or empty. */
  static String userPart(Optional<NameAddress> address) {
    String uri = address.map(NameAddress::uri).orElse("");
    int colon = uri.indexOf(':');
    int at = uri.indexOf('@');
    return colon < 0 || at < colon ? "" : uri.substring(colon + 1, at);
  }

  private Authentication challenge(boolean stale, RegistrationOutcome outcome, String why) {
    String header = "Digest realm=\"" + realm + "\", nonce=\"" + nonces.issue() + "\", algorithm="
        + ALGORITHM + ", qop=\"" + QOP + "\"" + (stale ? ", stale=true" : "");
    return new Authentication.Refused(new RegisterReply(outcome, UNAUTHORIZED, null,
        Map.of("WWW-Authenticate", List.of(header))), why);
  }

  private static Authentication forbidden(String why) {
    return new Authentication.Refused(RegisterReply.of(RegistrationOutcome.FORBIDDEN, FORBIDDEN, null), why);
  }

  private static Authentication malformed(String reason, String why) {
    return new Authentication.Refused(RegisterReply.of(RegistrationOutcome.MALFORMED, BAD_REQUEST, reason), why);
  }
}
