package io.callflow.sip.b2bua.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.time.ManualScheduler;
import io.callflow.sip.b2bua.Agent;
import io.callflow.sip.b2bua.AgentPool;
import io.callflow.sip.b2bua.AgentPoolSettings;
import io.callflow.sip.b2bua.AgentState;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.transaction.TestMessages;
import io.callflow.sip.ua.DigestChallenge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistrarTest {

  private static final String ALICE_CONTACT = "Contact: <sip:2001@192.0.2.10:5060>";

  private final ManualScheduler scheduler = new ManualScheduler();
  private final AgentPool pool = new AgentPool(scheduler, AgentPoolSettings.defaults());
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RegistrarSettings settings = RegistrarSettings.of(Phone.REALM, List.of(
      new AgentAccount("alice", "2001", "ALICE_PASSWORD", Set.of("100")),
      new AgentAccount("bob", "2002", "BOB_PASSWORD", Set.of("100", "200"))));
  private final Map<String, String> environment = Map.of("ALICE_PASSWORD", "alice secret", "BOB_PASSWORD", "bob secret");
  private final Registrar registrar = new Registrar(settings, name -> Optional.ofNullable(environment.get(name)),
      pool, scheduler, meters);
  private final Phone alice = new Phone("2001", "alice secret", "alice-call@192.0.2.10");

  /** REGISTER, 401, REGISTER with credentials: the reply to the second. */
  private RegisterReply register(Phone phone, String... headers) {
    RegisterReply challenge = registrar.reply(phone.plain(headers));
    assertThat(challenge.status()).isEqualTo(401);
    phone.challengedBy(challenge);
    return registrar.reply(phone.authorized(headers));
  }

  private Optional<Agent> reserve(String queue) {
    return pool.reserve(queue, Set.of());
  }

  private double outcomes(String outcome) {
    return meters.get("callflow.registrar.registrations").tag("outcome", outcome).counter().count();
  }

  @Test
  void registerWithoutCredentialsIsChallengedWithDigestMd5QopAuthAndBindsNothing() {
    RegisterReply reply = registrar.reply(alice.plain(ALICE_CONTACT));

    assertThat(reply.status()).isEqualTo(401);
    DigestChallenge challenge = DigestChallenge.parse(reply.headers().get("WWW-Authenticate").get(0)).orElseThrow();
    assertThat(challenge.realm()).isEqualTo(Phone.REALM);
    assertThat(challenge.algorithm()).isEqualTo("MD5");
    assertThat(challenge.qop()).containsExactly("auth");
    assertThat(challenge.stale()).isFalse();
    assertThat(registrar.registeredAgents()).isZero();
    assertThat(pool.state("alice")).isEmpty();
  }

  @Test
  void eachChallengeCarriesANewNonce() {
    RegisterReply first = registrar.reply(alice.plain(ALICE_CONTACT));
    RegisterReply second = registrar.reply(alice.plain(ALICE_CONTACT));

    assertThat(first.headers().get("WWW-Authenticate")).isNotEqualTo(second.headers().get("WWW-Authenticate"));
  }

  @Test
  void answeredChallengeBindsTheContactAndTheAgentJoinsThePoolForTheirQueues() {
    RegisterReply reply = register(alice, ALICE_CONTACT + ";expires=600");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.outcome()).isEqualTo(RegistrationOutcome.BOUND);
    assertThat(reply.headers().get("Contact")).containsExactly("<sip:2001@192.0.2.10:5060>;expires=600");
    assertThat(registrar.registeredAgents()).isEqualTo(1);
    assertThat(pool.state("alice")).contains(AgentState.AVAILABLE);
    assertThat(reserve("200")).isEmpty();
    assertThat(reserve("100")).map(Agent::contactUri).contains("sip:2001@192.0.2.10:5060");
  }

  @Test
  void theOkResponseOnTheWireListsTheBindingWithItsExpiry() {
    RegisterReply reply = register(alice, ALICE_CONTACT, "Expires: 120");

    SipResponse response = reply.applyTo(alice.plain().createResponse(reply.status(), reply.reason(), "reg"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers("Contact")).hasSize(1);
    assertThat(response.headers("Contact").get(0)).contains("sip:2001@192.0.2.10:5060").contains("expires=120");
    assertThat(response.header("Date")).contains("Mon, 05 Jan 2026 09:00:00 GMT");
  }

  @Test
  void aPhoneRefreshingWithTheSameNonceAndAHigherNonceCountNeedsNoNewChallenge() {
    register(alice, ALICE_CONTACT);

    RegisterReply refresh = registrar.reply(alice.authorized(ALICE_CONTACT));

    assertThat(refresh.status()).isEqualTo(200);
  }

  @Test
  void aReplayedNonceCountIsChallengedAgainAndChangesNothing() {
    register(alice, ALICE_CONTACT);
    String replayed = alice.credentials("alice secret", Phone.REQUEST_URI, 1);

    RegisterReply reply = registrar.reply(alice.withAuthorization(replayed, "Contact: *", "Expires: 0"));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.outcome()).isEqualTo(RegistrationOutcome.CHALLENGED);
    assertThat(registrar.bindings("alice")).hasSize(1);
  }

  @Test
  void aWrongPasswordIsForbiddenAndBindsNothing() {
    alice.challengedBy(registrar.reply(alice.plain(ALICE_CONTACT)));
    String wrong = alice.credentials("guess", Phone.REQUEST_URI, 1);

    RegisterReply reply = registrar.reply(alice.withAuthorization(wrong, ALICE_CONTACT));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(pool.state("alice")).isEmpty();
    assertThat(outcomes("forbidden")).isEqualTo(1);
  }

  @Test
  void anUnknownUserIsForbidden() {
    Phone stranger = new Phone("2999", "whatever", "stranger@192.0.2.99");

    RegisterReply reply = register(stranger, "Contact: <sip:2999@192.0.2.99>");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(registrar.registeredAgents()).isZero();
  }

  @Test
  void registeringAnotherAgentsAddressWithOnesOwnCredentialsIsForbidden() {
    alice.challengedBy(registrar.reply(alice.plain(ALICE_CONTACT)));

    RegisterReply reply = registrar.reply(alice.authorizedFor("2002", ALICE_CONTACT));

    assertThat(reply.status()).isEqualTo(403);
    assertThat(pool.state("bob")).isEmpty();
  }

  @Test
  void rightCredentialsOnAnExpiredNonceAreChallengedWithStaleTrue() {
    alice.challengedBy(registrar.reply(alice.plain(ALICE_CONTACT)));
    scheduler.advance(settings.nonceLifetime().plusSeconds(1));

    RegisterReply reply = registrar.reply(alice.authorized(ALICE_CONTACT));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(DigestChallenge.parse(reply.headers().get("WWW-Authenticate").get(0)).orElseThrow().stale()).isTrue();
    assertThat(pool.state("alice")).isEmpty();
    alice.challengedBy(reply);
    assertThat(registrar.reply(alice.authorized(ALICE_CONTACT)).status()).isEqualTo(200);
  }

  @Test
  void aNonceThisRegistrarDidNotIssueIsChallengedWithoutStale() {
    Registrar other = new Registrar(settings, name -> Optional.ofNullable(environment.get(name)),
        new AgentPool(scheduler, AgentPoolSettings.defaults()), scheduler, new SimpleMeterRegistry());
    alice.challengedBy(other.reply(alice.plain(ALICE_CONTACT)));

    RegisterReply reply = registrar.reply(alice.authorized(ALICE_CONTACT));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(DigestChallenge.parse(reply.headers().get("WWW-Authenticate").get(0)).orElseThrow().stale()).isFalse();
  }

  @Test
  void aDigestUriOtherThanTheRequestUriIsABadRequest() {
    alice.challengedBy(registrar.reply(alice.plain(ALICE_CONTACT)));
    String elsewhere = alice.credentials("alice secret", "sip:elsewhere.test", 1);

    RegisterReply reply = registrar.reply(alice.withAuthorization(elsewhere, ALICE_CONTACT));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.reason()).contains("Request-URI");
  }

  @Test
  void credentialsWithoutQopOrWithABadNonceCountAreABadRequest() {
    alice.challengedBy(registrar.reply(alice.plain(ALICE_CONTACT)));
    String good = alice.credentials("alice secret", Phone.REQUEST_URI, 1);

    RegisterReply noQop = registrar.reply(alice.withAuthorization(good.replace(", qop=auth", ""), ALICE_CONTACT));
    RegisterReply badNc = registrar.reply(alice.withAuthorization(good.replace("nc=00000001", "nc=1"), ALICE_CONTACT));

    assertThat(noQop.status()).isEqualTo(400);
    assertThat(badNc.status()).isEqualTo(400);
    assertThat(outcomes("malformed")).isEqualTo(2);
  }

  @Test
  void anExpiryBelowMinExpiresGets423WithMinExpiresAndBindsNothing() {
    RegisterReply reply = register(alice, ALICE_CONTACT, "Expires: 30");

    assertThat(reply.status()).isEqualTo(423);
    assertThat(reply.headers().get("Min-Expires")).containsExactly("60");
    assertThat(registrar.registeredAgents()).isZero();
  }

  @Test
  void anExpiryAboveMaxExpiresIsGrantedMaxExpires() {
    RegisterReply reply = register(alice, ALICE_CONTACT + ";expires=86400");

    assertThat(reply.headers().get("Contact")).containsExactly("<sip:2001@192.0.2.10:5060>;expires=3600");
  }

  @Test
  void noExpiryAskedIsGrantedTheDefault() {
    RegisterReply reply = register(alice, ALICE_CONTACT);

    assertThat(reply.headers().get("Contact")).containsExactly("<sip:2001@192.0.2.10:5060>;expires=3600");
  }

  @Test
  void theContactExpiresParameterWinsOverTheExpiresHeader() {
    RegisterReply reply = register(alice, ALICE_CONTACT + ";expires=300", "Expires: 900");

    assertThat(reply.headers().get("Contact")).containsExactly("<sip:2001@192.0.2.10:5060>;expires=300");
  }

  @Test
  void expiresZeroRemovesTheBindingAndTheAgentLeavesThePool() {
    register(alice, ALICE_CONTACT);

    RegisterReply reply = registrar.reply(alice.authorized(ALICE_CONTACT, "Expires: 0"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.outcome()).isEqualTo(RegistrationOutcome.REMOVED);
    assertThat(reply.headers()).doesNotContainKey("Contact").containsKey("Date");
    assertThat(pool.state("alice")).isEmpty();
    assertThat(registrar.registeredAgents()).isZero();
    assertThat(scheduler.pendingCount()).as("the lapse timer is cancelled").isZero();
  }

  @Test
  void contactStarWithExpiresZeroRemovesEveryBinding() {
    register(alice, ALICE_CONTACT, "Contact: <sip:2001@192.0.2.11:5060>");

    RegisterReply reply = registrar.reply(alice.authorized("Contact: *", "Expires: 0"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(registrar.bindings("alice")).isEmpty();
    assertThat(pool.state("alice")).isEmpty();
  }

  @Test
  void contactStarWithoutExpiresZeroOrWithOtherContactsIsABadRequest() {
    register(alice, ALICE_CONTACT);

    RegisterReply noExpires = registrar.reply(alice.authorized("Contact: *"));
    RegisterReply withOthers = registrar.reply(alice.authorized("Contact: *", ALICE_CONTACT, "Expires: 0"));

    assertThat(noExpires.status()).isEqualTo(400);
    assertThat(withOthers.status()).isEqualTo(400);
    assertThat(registrar.bindings("alice")).hasSize(1);
  }

  @Test
  void aMalformedContactExpiresParameterIsABadRequestAndChangesNothing() {
    RegisterReply reply = register(alice, ALICE_CONTACT + ";expires=soon");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.reason()).contains("expires");
    assertThat(registrar.registeredAgents()).isZero();
  }

  @Test
  void aContactThatIsNotASipUriIsABadRequest() {
    RegisterReply reply = register(alice, "Contact: <tel:+15551234567>");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(pool.state("alice")).isEmpty();
  }

  @Test
  void aContactWithAnUpperCaseSchemeIsBoundAsTheSameSipUri() {
    register(alice, ALICE_CONTACT);

    RegisterReply reply = registrar.reply(alice.authorized("Contact: <SIP:2001@192.0.2.10:5060>;expires=600"));

    assertThat(reply.headers().get("Contact")).containsExactly("<sip:2001@192.0.2.10:5060>;expires=600");
    assertThat(reserve("100")).map(Agent::contactUri).contains("sip:2001@192.0.2.10:5060");
  }

  @Test
  void credentialsInAnotherSchemeThanDigestAreABadRequest() {
    RegisterReply reply = registrar.reply(alice.withAuthorization("Basic MjAwMTpzZWNyZXQ=", ALICE_CONTACT));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(pool.state("alice")).isEmpty();
  }

  @Test
  void severalContactsAreAllBoundAndTheNewestTakesTheCalls() {
    register(alice, ALICE_CONTACT);
    RegisterReply reply = registrar.reply(alice.authorized("Contact: <sip:2001@192.0.2.20:5060>;expires=600"));

    assertThat(reply.headers().get("Contact")).containsExactly(
        "<sip:2001@192.0.2.10:5060>;expires=3600", "<sip:2001@192.0.2.20:5060>;expires=600");
    assertThat(reserve("100")).map(Agent::contactUri).contains("sip:2001@192.0.2.20:5060");
  }

  @Test
  void removingTheNewestContactHandsTheAgentsCallsBackToTheOlderOne() {
    register(alice, ALICE_CONTACT);
    registrar.reply(alice.authorized("Contact: <sip:2001@192.0.2.20:5060>"));

    registrar.reply(alice.authorized("Contact: <sip:2001@192.0.2.20:5060>;expires=0"));

    assertThat(reserve("100")).map(Agent::contactUri).contains("sip:2001@192.0.2.10:5060");
  }

  @Test
  void aBindingLapsesWhenNotRefreshedAndTheAgentLeavesThePool() {
    register(alice, ALICE_CONTACT + ";expires=120");

    scheduler.advance(Duration.ofSeconds(119));
    assertThat(pool.state("alice")).isPresent();
    scheduler.advance(Duration.ofSeconds(1));

    assertThat(pool.state("alice")).isEmpty();
    assertThat(registrar.registeredAgents()).isZero();
  }

  @Test
  void aRefreshRestartsTheBindingsLifetime() {
    register(alice, ALICE_CONTACT + ";expires=120");
    scheduler.advance(Duration.ofSeconds(100));

    registrar.reply(alice.authorized(ALICE_CONTACT + ";expires=120"));
    scheduler.advance(Duration.ofSeconds(100));

    assertThat(pool.state("alice")).isPresent();
    assertThat(registrar.bindings("alice")).hasSize(1);
  }

  @Test
  void aRequestWithoutContactListsTheBindingsWithTheirRemainingTime() {
    register(alice, ALICE_CONTACT + ";expires=120");
    scheduler.advance(Duration.ofSeconds(20));

    RegisterReply reply = registrar.reply(alice.authorized());

    assertThat(reply.outcome()).isEqualTo(RegistrationOutcome.QUERIED);
    assertThat(reply.headers().get("Contact")).containsExactly("<sip:2001@192.0.2.10:5060>;expires=100");
  }

  @Test
  void aRegisterOlderThanTheOneThatMadeTheBindingIsRefusedWith500() {
    alice.challengedBy(registrar.reply(alice.plain(ALICE_CONTACT)));
    var older = alice.authorized(ALICE_CONTACT + ";expires=0");
    alice.challengedBy(registrar.reply(alice.plain(ALICE_CONTACT)));
    var newer = alice.authorized(ALICE_CONTACT);
    assertThat(registrar.reply(newer).status()).isEqualTo(200);

    RegisterReply reply = registrar.reply(older);

    assertThat(reply.status()).isEqualTo(500);
    assertThat(pool.state("alice")).isPresent();
  }

  @Test
  void aMethodOtherThanRegisterIsNotAllowed() {
    RegisterReply reply = registrar.reply(TestMessages.request("OPTIONS", "z9hG4bK-o", 1));

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.headers().get("Allow")).containsExactly("REGISTER");
  }

  @Test
  void metricsCountOutcomesAndGaugeTheRegisteredAgents() {
    register(alice, ALICE_CONTACT);
    register(new Phone("2002", "bob secret", "bob-call@192.0.2.12"), "Contact: <sip:2002@192.0.2.12>");

    assertThat(meters.get("callflow.registrar.agents").gauge().value()).isEqualTo(2);
    assertThat(outcomes("challenged")).isEqualTo(2);
    assertThat(outcomes("bound")).isEqualTo(2);
    assertThat(outcomes("too_brief")).isZero();
  }

  @Test
  void aMissingPasswordVariableStopsStartUpNamingTheKey() {
    assertThatThrownBy(() -> new Registrar(settings, name -> Optional.empty(), pool, scheduler,
        new SimpleMeterRegistry()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("b2bua.registrar.accounts[alice].password-env")
        .hasMessageContaining("ALICE_PASSWORD")
        .hasMessageNotContaining("alice secret");
  }
}
