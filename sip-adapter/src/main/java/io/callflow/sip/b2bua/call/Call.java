package io.callflow.sip.b2bua.call;

import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.model.PhoneNumber;
import io.callflow.core.time.ScheduledTask;
import io.callflow.sip.b2bua.CallbackTarget;
import io.callflow.sip.b2bua.LegEnd;
import io.callflow.sip.b2bua.LegEnding;
import io.callflow.sip.b2bua.MinSe;
import io.callflow.sip.b2bua.NextHop;
import io.callflow.sip.b2bua.ReasonValue;
import io.callflow.sip.b2bua.SessionExpires;
import io.callflow.sip.b2bua.SessionTimer;
import io.callflow.sip.b2bua.rebridge.BridgeOutcome;
import io.callflow.sip.b2bua.rebridge.BridgedLeg;
import io.callflow.sip.b2bua.rebridge.LegOutcome;
import io.callflow.sip.b2bua.rebridge.ThirdPartyCallControl;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.message.MessageChanges;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipRequestBuilder;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.stack.CallListener;
import io.callflow.sip.stack.IncomingRequest;
import io.callflow.sip.transaction.Branches;
import io.callflow.sip.transaction.ClientTransaction;
import io.callflow.sip.transaction.ClientTransactionListener;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One customer call through the B2BUA: the customer's leg (A, the INVITE that came in) and the
 * agent's leg (B, the INVITE this side placed, on the same event loop), each a
 * {@link BridgedLeg} once answered. Everything here runs on that one loop, so nothing is
 * locked. Kept compact: dialogs, SDP text and a few fields; the customer's INVITE is held only
 * while it is unanswered, the agent's INVITE only while its transaction runs.
 *
 * <p>Phases in {@link CallPhase}; every change goes through {@link #moveTo}.
 */
final class Call {

  /** Per-call steps log at debug (a line per call would flood the log at load); drops and expiries at info. */
  private static final Logger LOG = LoggerFactory.getLogger(Call.class);
  private static final String SDP = InviteScreen.SDP;
  /** RFC 3261 §21.4.27 / §21.5.1. */
  private static final int REQUEST_PENDING = 491;
  private static final int SERVER_ERROR = 500;
  private static final int NOT_IMPLEMENTED = 501;
  private static final ReasonValue NORMAL = ReasonValue.q850(LegEndReport.NORMAL_CLEARING, "Normal call clearing");
  private static final ReasonValue TIMER_EXPIRED = ReasonValue.q850(LegEndReport.TIMER_EXPIRY,
      "Session timer expired");

  private final CallHost host;
  private final CallId id;
  private final String customerCallId;
  private final String customerNumber;
  private final String line;
  private final InviteVerdict.Proceed offer;
  private final AgentRoute route;
  private final String fromDisplay;
  /** Not final: a call restored after a restart learns it from its customer leg ({@link #restored}). */
  private String fromUri;
  private final Optional<String> assertedIdentity;
  private final Optional<String> privacy;
  private String calledUri;
  private io.callflow.sip.transaction.Peer customerPeer;
  private final LegSessionTimer customerTimer;
  private final LegSessionTimer agentTimer;

  private CallPhase phase = CallPhase.OFFERING;
  private CallOutcome outcome = CallOutcome.NOT_ANSWERED;
  /** Held until the customer's INVITE has its final response. */
  private IncomingRequest customerInvite;
  private Attempt attempt;
  private int outstanding;
  private boolean offeredReported;
  private String agentId;
  /** The target that answered: where a redial goes. */
  private Target answeredTarget;
  private ScheduledTask ringTimer;
  private ScheduledTask dropHold;
  private BridgedLeg customer;
  private BridgedLeg agent;
  private boolean customerUp;
  private boolean agentUp;
  private Relay pending;
  /** The Call-IDs of the agent INVITEs placed; the B2BUA routes their traffic here. */
  private final List<String> agentCallIds = new java.util.ArrayList<>(1);

  Call(CallHost host, IncomingRequest invite, InviteVerdict.Proceed offer, AgentRoute route,
      String customerNumber, String line) {
    this.host = host;
    SipRequest request = invite.request();
    this.customerCallId = request.callId().orElseThrow();
    this.id = new CallId(customerCallId);
    this.customerInvite = invite;
    this.offer = offer;
    this.route = route;
    this.customerNumber = customerNumber;
    this.line = line;
    this.fromDisplay = request.from().map(from -> from.displayName()).orElse("");
    this.fromUri = request.from().map(from -> from.uri()).orElse("sip:anonymous@anonymous.invalid");
    this.assertedIdentity = request.header("P-Asserted-Identity");
    this.privacy = request.header("Privacy");
    this.calledUri = request.to().map(to -> to.uri()).orElse(request.requestUri());
    this.customerPeer = invite.transaction().peer();
    this.customerTimer = new LegSessionTimer(new SessionTimer(host.scheduler(customerCallId),
        () -> refreshDue(Leg.CUSTOMER), () -> sessionExpired(Leg.CUSTOMER)));
    this.agentTimer = new LegSessionTimer(new SessionTimer(host.scheduler(customerCallId),
        () -> refreshDue(Leg.AGENT), () -> sessionExpired(Leg.AGENT)));
  }

  /**
   * A call taken back after a restart, before any leg is in it: RECOVERING until both legs
   * reported through {@link #restored} or core acts on it ({@link #recoveryOver}), at the
   * latest after the drop-hold timeout. What only the customer's INVITE told (P-Asserted-Identity,
   * Privacy, display name) is gone; the rest comes from the legs' saved dialogs.
   */
  Call(CallHost host, CallId id, String line) {
    this.host = host;
    this.id = id;
    this.customerCallId = id.value();
    this.customerNumber = "";
    this.line = line;
    // RFC 3261 §8.1.1.6: 70 for what this side sends now (a callback or redial).
    this.offer = new InviteVerdict.Proceed(70, "", new io.callflow.sip.b2bua.SessionTimerDecision.Accept(
        host.timerPolicy().offer().deltaSeconds(), SessionExpires.Refresher.UAS), false);
    this.route = new RestoredRoute();
    this.fromDisplay = "";
    this.fromUri = "sip:anonymous@anonymous.invalid";
    this.assertedIdentity = Optional.empty();
    this.privacy = Optional.empty();
    this.calledUri = fromUri;
    this.customerPeer = null;
    this.customerTimer = new LegSessionTimer(new SessionTimer(host.scheduler(customerCallId),
        () -> refreshDue(Leg.CUSTOMER), () -> sessionExpired(Leg.CUSTOMER)));
    this.agentTimer = new LegSessionTimer(new SessionTimer(host.scheduler(customerCallId),
        () -> refreshDue(Leg.AGENT), () -> sessionExpired(Leg.AGENT)));
    this.phase = CallPhase.RECOVERING;
    this.outcome = CallOutcome.DROPPED;
    this.offeredReported = true;
    this.dropHold = host.schedule(customerCallId, host.settings().dropHoldTimeout(), this::recoveryOver);
  }

  CallId id() {
    return id;
  }

  String customerCallId() {
    return customerCallId;
  }

  // ---- placing the agent leg -------------------------------------------------------------

  /** Rings the first target, or refuses the call when there is none. */
  void start() {
    Optional<Target> first = route.first();
    if (first.isEmpty()) {
      failCustomer(480, "No Agent Available", "no agent available");
      return;
    }
    place(first.get(), host.timerPolicy().offer());
  }

  private void place(Target target, SessionExpires sessionExpires) {
    SipRequestBuilder builder = host.stack()
        .newRequest("INVITE", target.requestUri(), host.settings().transport(), customerCallId)
        .from(fromDisplay, fromUri, Branches.nextTag())
        .to("", target.requestUri(), null)
        .maxForwards(offer.maxForwards())
        .header("Supported", "timer")
        .header("Session-Expires", sessionExpires.headerValue())
        .header("Min-SE", host.timerPolicy().minSe().headerValue());
    assertedIdentity.ifPresent(value -> builder.header("P-Asserted-Identity", value));
    privacy.ifPresent(value -> builder.header("Privacy", value));
    // The customer's parsed INVITE, the route's target and this side's settings supply every value.
    SipRequest invite = builder.body(SDP, offer.sdp().getBytes(StandardCharsets.UTF_8)).buildTrusted();
    Attempt next = new Attempt(invite, target);
    attempt = next;
    outstanding++;
    agentId = target.agentId();
    agentCallIds.add(next.callId);
    host.bind(next.callId, this);
    LOG.debug("call {}: ringing agent {} ({})", customerCallId, PhoneNumber.mask(target.agentId()),
        PhoneNumber.mask(target.requestUri()));
    if (!offeredReported) {
      offeredReported = true;
      host.emit(new SipEvent.Offered(id, customerNumber, target.agentId(), line));
    }
    host.stack().invite(invite, NextHop.peer(target.nextHop(), host.settings().transport()), next);
    ringTimer = host.schedule(customerCallId, host.settings().agentRingTimeout(), () -> ringTimedOut(next));
  }

  private void ringTimedOut(Attempt timedOut) {
    if (timedOut != attempt || phase != CallPhase.OFFERING) {
      return;
    }
    LOG.debug("call {}: agent {} did not answer within {}", customerCallId, PhoneNumber.mask(agentId),
        host.settings().agentRingTimeout());
    host.stack().cancel(timedOut.invite);
    attempt = null;
    ringTimer = null;
    tryNext(408, "agent did not answer");
  }

  private void tryNext(int status, String detail) {
    Optional<Target> next = route.next(status);
    if (next.isPresent()) {
      place(next.get(), host.timerPolicy().offer());
    } else {
      failCustomer(status, null, detail);
    }
  }

  /** No agent will answer: relay the final status to the customer and end. */
  private void failCustomer(int status, String reason, String detail) {
    if (customerInvite != null) {
      int relayed = status == 503 && reason == null ? 480 : status;
      customerInvite.respond(customerInvite.createResponse(relayed, reason));
      customerInvite = null;
    }
    if (offeredReported) {
      host.emit(new SipEvent.LegEnded(id, Leg.AGENT, null, detail + " (" + status + ")"));
    }
    outcome = CallOutcome.NOT_ANSWERED;
    moveTo(CallPhase.ENDED);
  }

  private void relayProvisional(SipResponse response) {
    int status = response.statusCode();
    if (status == 100 || customerInvite == null) {
      return;
    }
    MessageChanges changes = new MessageChanges();
    if (response.bodyLength() > 0) {
      changes.body(response.contentType().orElse(SDP), response.body());
    }
    customerInvite.respond(customerInvite.createResponse(status, response.reasonPhrase(), changes));
  }

  private void agentAnswered(Dialog dialog, SipResponse response) {
    cancel(ringTimer);
    ringTimer = null;
    route.answered();
    String agentSdp = text(response);
    agent = new BridgedLeg(Leg.AGENT, dialog);
    agentUp = true;
    agent.remoteSdp(agentSdp);
    agent.localSdp(SdpText.throughOrigin(agent, offer.sdp()));
    response.header("Session-Expires").flatMap(SessionExpires::parse).ifPresent(se ->
        agentTimer.agree(se.deltaSeconds(),
            se.refresher().orElse(SessionExpires.Refresher.UAC) == SessionExpires.Refresher.UAC));

    IncomingRequest invite = customerInvite;
    customerInvite = null;
    MessageChanges changes = new MessageChanges()
        .header("Session-Expires", offer.customerTimer().sessionExpires().headerValue());
    if (offer.customerSupportsTimer()) {
      changes.header("Require", "timer");
    }
    if (!agentSdp.isEmpty()) {
      changes.body(SDP, agentSdp.getBytes(StandardCharsets.UTF_8));
    }
    invite.respond(invite.createResponse(200, null, changes));
    Optional<Dialog> customerDialog = invite.dialogCreated();
    if (customerDialog.isEmpty()) {
      LOG.warn("call {}: the customer's dialog is gone at answer; ending the agent leg", customerCallId);
      bye(Leg.AGENT, NORMAL.headerValue());
      host.emit(new SipEvent.LegEnded(id, Leg.CUSTOMER, null, "customer left before answer"));
      outcome = CallOutcome.CANCELLED;
      moveTo(CallPhase.ENDED);
      return;
    }
    customer = new BridgedLeg(Leg.CUSTOMER, customerDialog.get());
    customerUp = true;
    customer.remoteSdp(offer.sdp());
    customer.localSdp(SdpText.throughOrigin(customer, agentSdp));
    customerTimer.agree(offer.customerTimer().intervalSeconds(),
        offer.customerTimer().refresher() == SessionExpires.Refresher.UAS);
    LOG.debug("call {}: agent {} answered", customerCallId, PhoneNumber.mask(agentId));
    moveTo(CallPhase.BRIDGED);
    saved(Leg.CUSTOMER);
    saved(Leg.AGENT);
    host.emit(new SipEvent.Answered(id));
  }

  // ---- the customer before answer ----------------------------------------------------------

  /** The customer's CANCEL; the stack already answered 200 and 487 (RFC 3261 §9.2). */
  void customerCancelled() {
    if (phase != CallPhase.OFFERING) {
      return;
    }
    customerInvite = null;
    cancel(ringTimer);
    ringTimer = null;
    route.abandoned();
    if (attempt != null) {
      host.stack().cancel(attempt.invite);
      attempt = null;
    }
    LOG.debug("call {}: customer cancelled before answer", customerCallId);
    if (offeredReported) {
      host.emit(new SipEvent.LegEnded(id, Leg.CUSTOMER, null, "customer cancelled before answer"));
    }
    outcome = CallOutcome.CANCELLED;
    moveTo(CallPhase.ENDED);
  }

  // ---- in-dialog traffic -------------------------------------------------------------------

  void onDialogRequest(Dialog dialog, IncomingRequest request) {
    Leg leg = legOf(dialog);
    switch (request.method()) {
      case "BYE" -> byeReceived(leg, request);
      case "INVITE", "UPDATE" -> offerReceived(leg, request);
      case "OPTIONS", "INFO" -> request.respond(200);
      default -> request.respond(request.createResponse(NOT_IMPLEMENTED, null));
    }
  }

  /** The 2xx this side sent on {@code dialog} was never acknowledged: the stack already sent BYE. */
  void ackTimedOut(Dialog dialog) {
    Leg leg = legOf(dialog);
    markDown(leg);
    legLost(leg, host.classifier().classify(new LegEnding.TransportFailure("2xx never acknowledged")));
  }

  private void byeReceived(Leg leg, IncomingRequest request) {
    request.respond(200);
    if (!isUp(leg)) {
      return;
    }
    markDown(leg);
    List<String> reasons = request.request().headers("Reason");
    LegEnd end = host.classifier().classify(new LegEnding.Bye(reasons));
    LOG.debug("call {}: {} hung up ({})", customerCallId, leg, end.cause());
    if (phase == CallPhase.BRIDGED && !end.isDrop()) {
      host.emit(LegEndReport.of(id, leg, end));
      bye(leg.other(), reasons.isEmpty() ? null : String.join(", ", reasons));
      outcome = CallOutcome.COMPLETED;
      moveTo(CallPhase.ENDED);
    } else {
      legLost(leg, end);
    }
  }

  /**
   * A leg is gone as a drop (or the surviving leg of a dropped call ended): report it; keep the
   * other leg for core's reconnect commands, up to the drop-hold timeout.
   */
  private void legLost(Leg leg, LegEnd end) {
    host.emit(LegEndReport.of(id, leg, end));
    if (phase == CallPhase.BRIDGED && isUp(leg.other())) {
      LOG.info("call {}: {} leg dropped ({}); {} leg kept for reconnect", customerCallId, leg, end.cause(), leg.other());
      moveTo(CallPhase.DROPPED);
      dropHold = host.schedule(customerCallId, host.settings().dropHoldTimeout(), this::dropHoldExpired);
    } else if (phase != CallPhase.ENDED) {
      bye(leg.other(), NORMAL.headerValue());
      outcome = CallOutcome.DROPPED;
      moveTo(CallPhase.ENDED);
    }
  }

  private void dropHoldExpired() {
    if (phase != CallPhase.DROPPED) {
      return;
    }
    Leg survivor = customerUp ? Leg.CUSTOMER : Leg.AGENT;
    LOG.info("call {}: no reconnect within {}; hanging up the {} leg", customerCallId,
        host.settings().dropHoldTimeout(), survivor);
    bye(survivor, NORMAL.headerValue());
    host.emit(new SipEvent.LegEnded(id, survivor, LegEndReport.NORMAL_CLEARING, "not reconnected in time"));
    outcome = CallOutcome.DROPPED;
    moveTo(CallPhase.ENDED);
  }

  /** A re-INVITE or UPDATE: a session refresh is answered here, a new offer goes to the other leg. */
  private void offerReceived(Leg leg, IncomingRequest request) {
    BridgedLeg from = leg(leg);
    if (from == null || phase == CallPhase.OFFERING || phase == CallPhase.ENDED) {
      request.respond(request.createResponse(REQUEST_PENDING, null));
      return;
    }
    LegSessionTimer timer = timer(leg);
    request.request().header("Session-Expires").flatMap(SessionExpires::parse).ifPresentOrElse(
        se -> timer.agree(se.deltaSeconds(), se.refresher().orElse(SessionExpires.Refresher.UAC)
            == SessionExpires.Refresher.UAS),
        timer::refreshed);
    String sdp = text(request.request());
    BridgedLeg to = leg(leg.other());
    boolean refresh = sdp.isEmpty() || SdpText.sameContent(sdp, from.remoteSdp());
    if (refresh || phase != CallPhase.BRIDGED || to == null) {
      answerLocally(request, from, timer);
      saved(leg);
      return;
    }
    if (pending != null) {
      request.respond(request.createResponse(REQUEST_PENDING, null));
      return;
    }
    String out = SdpText.throughOrigin(to, sdp);
    pending = new Relay(leg, request, sdp, out);
    Map<String, String> headers = new LinkedHashMap<>();
    LegSessionTimer toTimer = timer(leg.other());
    if (toTimer.running()) {
      headers.put("Session-Expires", toTimer.refreshHeader().headerValue());
      headers.put("Supported", "timer");
    }
    LOG.debug("call {}: relaying a new offer from the {} leg ({})", customerCallId, leg, request.method());
    host.stack().sendInDialog(to.dialog(), request.method(), SDP, out.getBytes(StandardCharsets.UTF_8),
        headers, pending);
  }

  private void answerLocally(IncomingRequest request, BridgedLeg leg, LegSessionTimer timer) {
    MessageChanges changes = new MessageChanges();
    if (timer.running()) {
      changes.header("Session-Expires", timer.answerHeader().headerValue());
    }
    boolean invite = request.method().equals("INVITE");
    if ((invite || request.request().bodyLength() > 0) && leg.localSdp() != null) {
      changes.body(SDP, leg.localSdp().getBytes(StandardCharsets.UTF_8));
    }
    request.respond(request.createResponse(200, null, changes));
  }

  private void relayAnswered(Relay relay, SipResponse response) {
    pending = null;
    BridgedLeg from = leg(relay.from);
    BridgedLeg to = leg(relay.from.other());
    if (from == null || to == null || relay.request == null) {
      return;
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      String answer = text(response);
      to.localSdp(relay.sent);
      to.remoteSdp(answer);
      timer(relay.from.other()).refreshed();
      from.remoteSdp(relay.offer);
      MessageChanges changes = new MessageChanges();
      LegSessionTimer timer = timer(relay.from);
      if (timer.running()) {
        changes.header("Session-Expires", timer.answerHeader().headerValue());
      }
      if (!answer.isEmpty()) {
        String back = SdpText.throughOrigin(from, answer);
        from.localSdp(back);
        changes.body(SDP, back.getBytes(StandardCharsets.UTF_8));
      }
      relay.request.respond(relay.request.createResponse(200, null, changes));
      saved(Leg.CUSTOMER);
      saved(Leg.AGENT);
    } else if (host.settings().drops().failureSipCodes().contains(status)) {
      relay.request.respond(relay.request.createResponse(SERVER_ERROR, "Other Leg Lost"));
      inDialogFailure(relay.from.other(), new LegEnding.InDialogResponse(status));
    } else {
      relay.request.respond(relay.request.createResponse(status, response.reasonPhrase()));
    }
  }

  private void relayFailed(Relay relay, LegEnding ending) {
    pending = null;
    if (relay.request != null) {
      relay.request.respond(relay.request.createResponse(SERVER_ERROR, "Other Leg Lost"));
    }
    inDialogFailure(relay.from.other(), ending);
  }

  /** An in-dialog request on {@code leg} was answered 408/481, timed out, or could not be sent. */
  private void inDialogFailure(Leg leg, LegEnding ending) {
    if (!isUp(leg)) {
      return;
    }
    markDown(leg);
    host.stack().discard(leg(leg).dialog()); // the peer no longer has it (RFC 3261 §12.2.1.2): no BYE
    legLost(leg, host.classifier().classify(ending));
  }

  // ---- session timers (RFC 4028) --------------------------------------------------------------

  private void refreshDue(Leg leg) {
    host.stack().execute(customerCallId, () -> sendRefresh(leg));
  }

  private void sendRefresh(Leg leg) {
    BridgedLeg bridged = leg(leg);
    if (bridged == null || !isUp(leg)) {
      return;
    }
    LegSessionTimer timer = timer(leg);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Session-Expires", timer.refreshHeader().headerValue());
    headers.put("Supported", "timer");
    String sdp = bridged.localSdp();
    byte[] body = sdp == null ? null : sdp.getBytes(StandardCharsets.UTF_8);
    host.stack().sendInDialog(bridged.dialog(), "INVITE", SDP, body, headers, new Outcome() {
      @Override
      void answered(SipResponse response) {
        if (response.statusCode() < 300) {
          timer.refreshed();
        } else if (host.settings().drops().failureSipCodes().contains(response.statusCode())) {
          inDialogFailure(leg, new LegEnding.InDialogResponse(response.statusCode()));
        } else {
          LOG.info("call {}: session refresh on the {} leg answered {}", customerCallId, leg, response.statusCode());
          timer.refreshed();
        }
      }

      @Override
      void failed(LegEnding ending) {
        inDialogFailure(leg, ending);
      }
    });
  }

  private void sessionExpired(Leg leg) {
    host.stack().execute(customerCallId, () -> {
      if (!isUp(leg) || phase == CallPhase.ENDED) {
        return;
      }
      LOG.info("call {}: session timer expired on the {} leg", customerCallId, leg);
      LegEnd end = host.classifier().classify(new LegEnding.SessionTimerExpired());
      host.emit(LegEndReport.of(id, leg, end));
      bye(leg, TIMER_EXPIRED.headerValue());
      bye(leg.other(), TIMER_EXPIRED.headerValue());
      outcome = CallOutcome.DROPPED;
      moveTo(CallPhase.ENDED);
    });
  }

  // ---- core's commands -------------------------------------------------------------------------

  /** Core's HangUp: BYE every leg still up (CANCEL a ringing agent, 480 to a waiting customer). */
  void hangUp() {
    if (phase == CallPhase.ENDED) {
      return;
    }
    LOG.debug("call {}: hung up by the service", customerCallId);
    if (phase == CallPhase.OFFERING) {
      cancel(ringTimer);
      route.abandoned();
      if (attempt != null) {
        host.stack().cancel(attempt.invite);
        attempt = null;
      }
      if (customerInvite != null) {
        customerInvite.respond(customerInvite.createResponse(480, null));
        customerInvite = null;
      }
    } else {
      bye(Leg.CUSTOMER, NORMAL.headerValue());
      bye(Leg.AGENT, NORMAL.headerValue());
    }
    outcome = CallOutcome.HUNG_UP;
    moveTo(CallPhase.ENDED);
  }

  // ---- reconnect: core's commands through RFC 3725 third-party call control ----------------------

  /** Core's HoldLeg: re-INVITE {@code leg} with its hold offer (a=inactive, RFC 3264 §8.4). */
  void hold(Leg leg, ThirdPartyCallControl control) {
    BridgedLeg target = leg(leg);
    if (target == null || !isUp(leg)) {
      LOG.info("call {}: hold of the {} leg skipped: the leg is not up", customerCallId, leg);
      return;
    }
    control.hold(target, outcome -> host.stack().execute(customerCallId, () -> reInvited(leg, "hold", outcome)));
  }

  /** Core's UnholdLeg: re-INVITE {@code leg} with the other party's media again (or its own last SDP). */
  void unhold(Leg leg, ThirdPartyCallControl control) {
    BridgedLeg target = leg(leg);
    if (target == null || !isUp(leg)) {
      LOG.info("call {}: resume of the {} leg skipped: the leg is not up", customerCallId, leg);
      return;
    }
    BridgedLeg other = leg(leg.other());
    String media = other != null && isUp(leg.other()) && other.remoteSdp() != null
        ? other.remoteSdp() : target.localSdp();
    control.resume(target, media, outcome -> host.stack().execute(customerCallId,
        () -> reInvited(leg, "resume", outcome)));
  }

  private void reInvited(Leg leg, String what, LegOutcome outcome) {
    if (outcome instanceof LegOutcome.Done) {
      saved(leg);
    } else if (outcome instanceof LegOutcome.Failed failed) {
      if (host.settings().drops().failureSipCodes().contains(failed.status())) {
        inDialogFailure(leg, new LegEnding.InDialogResponse(failed.status()));
      } else {
        LOG.info("call {}: {} of the {} leg failed: {} {}", customerCallId, what, leg, failed.status(),
            failed.detail());
      }
    }
  }

  /**
   * Core's CallCustomerBack / RedialAgent: dial the dropped party again without SDP and bridge
   * them to the held survivor (RFC 3725 §4.2). The customer is called through the PBX the call
   * came from, at the number from P-Asserted-Identity or From (never when withheld); the agent
   * at the target that answered.
   */
  void redial(Leg leg, String callerId, ThirdPartyCallControl control) {
    BridgedLeg dropped = leg(leg);
    BridgedLeg held = leg(leg.other());
    if (phase != CallPhase.DROPPED || dropped == null || held == null || isUp(leg) || !isUp(leg.other())) {
      host.emit(new SipEvent.ReconnectFailed(id, leg, "no dropped " + leg + " leg with the other leg up"));
      return;
    }
    Optional<Target> target = leg == Leg.AGENT ? Optional.ofNullable(answeredTarget) : customerTarget();
    if (target.isEmpty()) {
      host.emit(new SipEvent.ReconnectFailed(id, leg, "no number to call back (withheld or absent)"));
      return;
    }
    String local = host.stack().endpoint(host.settings().transport()).host();
    String from = callerId == null || callerId.isBlank()
        ? (leg == Leg.AGENT ? fromUri : calledUri) : "sip:" + callerId + "@" + local;
    SipRequest invite = host.stack()
        .newRequest("INVITE", target.get().requestUri(), host.settings().transport(), customerCallId)
        .from(leg == Leg.AGENT ? fromDisplay : "", from, Branches.nextTag())
        .to("", target.get().requestUri(), null)
        .maxForwards(offer.maxForwards())
        .build();
    String callId = invite.callId().orElseThrow();
    agentCallIds.add(callId);
    host.bind(callId, this);
    LOG.debug("call {}: redialling the {} leg (attempt by core)", customerCallId, leg);
    control.dialAndBridge(invite, NextHop.peer(target.get().nextHop(), host.settings().transport()), dropped,
        held, host.settings().agentRingTimeout(),
        outcome -> host.stack().execute(customerCallId, () -> redialled(leg, outcome)));
  }

  private Optional<Target> customerTarget() {
    if (customerPeer == null) {
      return Optional.empty();
    }
    String fromHeader = (fromDisplay.isEmpty() ? "" : "\"" + fromDisplay + "\" ") + "<" + fromUri + ">";
    return CallbackTarget.from(assertedIdentity.orElse(null), fromHeader, privacy.orElse(null))
        .map(found -> {
          String host = customerPeer.address().getHostString() + ":" + customerPeer.address().getPort();
          String uri = "sip:" + found.number().digits() + "@" + host;
          return new Target(uri, uri, found.number().digits());
        });
  }

  private void redialled(Leg leg, BridgeOutcome outcome) {
    if (outcome instanceof BridgeOutcome.Failed failed) {
      host.emit(new SipEvent.ReconnectFailed(id, leg, failed.status() + " " + failed.detail()));
      return;
    }
    if (leg == Leg.CUSTOMER) {
      customerUp = true;
    } else {
      agentUp = true;
    }
    if (phase != CallPhase.DROPPED || !isUp(leg.other())) {
      // The call ended (or the held party left) while the dialled party was ringing.
      bye(leg, NORMAL.headerValue());
      host.emit(new SipEvent.ReconnectFailed(id, leg, "the call ended meanwhile"));
      return;
    }
    LOG.info("call {}: {} leg reconnected", customerCallId, leg);
    moveTo(CallPhase.BRIDGED);
    saved(Leg.CUSTOMER);
    saved(Leg.AGENT);
    host.emit(new SipEvent.Reconnected(id, leg));
  }

  /** The leg core's reconnect commands act on; null while it has no dialog. */
  BridgedLeg leg(Leg role) {
    return role == Leg.CUSTOMER ? customer : agent;
  }

  /** The agent rung last (core's agent id). */
  String agentId() {
    return agentId;
  }

  /** Every Call-ID this call's messages carry: the customer's and each agent INVITE's. */
  List<String> callIds() {
    List<String> all = new java.util.ArrayList<>(agentCallIds);
    all.add(customerCallId);
    return all;
  }

  CallPhase phase() {
    return phase;
  }

  // ---- transfer (io.callflow.sip.b2bua.transfer) ------------------------------------------------

  /** Bridged with both legs up and no offer being relayed: a transfer may move the customer. */
  boolean transferable() {
    return phase == CallPhase.BRIDGED && customerUp && agentUp && pending == null;
  }

  /**
   * A transfer bridged the customer to {@code partner}: it takes the agent leg's place (its
   * traffic is relayed and classified as the agent's was; it has no session timer of ours).
   * The old agent leg is the transfer's to end, so it is not reported; the agent is free.
   * False, changing nothing, when the call ended meanwhile (the transfer then ends the partner).
   */
  boolean swapPartner(BridgedLeg partner) {
    if (phase == CallPhase.ENDED || !customerUp) {
      return false;
    }
    agentTimer.stop();
    route.released();
    agent = partner;
    agentUp = true;
    String callId = partner.dialog().id().callId();
    agentCallIds.add(callId);
    host.bind(callId, this);
    LOG.debug("call {}: customer now bridged to {}", customerCallId, partner);
    return true;
  }

  // ---- restart recovery ------------------------------------------------------------------------

  /**
   * A leg of this RECOVERING call reported after the restart: {@code alive}, it answered its
   * probe and its dialog is in the stack again, so it is taken back up with its session timer
   * restarted at once (a re-INVITE with its last SDP, RFC 4028 §10: this side now refreshes, and
   * the peer's timer, started before the restart, is reset); gone, it is kept down so a
   * callback or redial can replace its dialog. Once both legs reported the call settles.
   */
  void restored(BridgedLeg leg, boolean alive) {
    if (phase != CallPhase.RECOVERING || leg(leg.role()) != null) {
      lateLeg(leg, alive);
      return;
    }
    keep(leg);
    if (alive) {
      if (leg.role() == Leg.CUSTOMER) {
        customerUp = true;
      } else {
        agentUp = true;
      }
      saved(leg.role());
      timer(leg.role()).agree(host.timerPolicy().offer().deltaSeconds(), true);
      sendRefresh(leg.role());
    }
    LOG.info("call {}: {} leg {} after the restart", customerCallId, leg.role(), alive ? "restored" : "gone");
    if (customer != null && agent != null) {
      recoveryOver();
    }
  }

  /**
   * A leg reported after the call settled (its probe outlasted core's probe timeout, so core
   * already counts it gone): a gone one still becomes the dropped leg a callback or redial
   * replaces; an alive one is ended with BYE, since core is already reconnecting that party.
   */
  private void lateLeg(BridgedLeg leg, boolean alive) {
    if (!alive && phase == CallPhase.DROPPED && leg(leg.role()) == null) {
      keep(leg);
      LOG.info("call {}: {} leg gone after the restart, reported late", customerCallId, leg.role());
    } else if (alive) {
      LOG.info("call {}: {} leg answered its probe after the call settled in {}; ending it", customerCallId,
          leg.role(), phase);
      host.stack().sendInDialog(leg.dialog(), "BYE", null, null, Map.of("Reason", NORMAL.headerValue()),
          Outcome.IGNORED);
    }
  }

  /** Holds a restored leg (not yet up) and what its saved dialog tells about the call. */
  private void keep(BridgedLeg leg) {
    Dialog dialog = leg.dialog();
    if (leg.role() == Leg.CUSTOMER) {
      customer = leg;
      fromUri = RestoredLegFacts.callerUri(dialog);
      calledUri = RestoredLegFacts.calledUri(dialog);
      customerPeer = RestoredLegFacts.customerPeer(dialog, host.settings().transport());
    } else {
      agent = leg;
      answeredTarget = RestoredLegFacts.agentTarget(dialog, host.settings());
      agentId = answeredTarget.agentId();
    }
    String legCallId = dialog.id().callId();
    if (!legCallId.equals(customerCallId)) {
      agentCallIds.add(legCallId);
      host.bind(legCallId, this);
    }
  }

  /**
   * Ends RECOVERING: a leg that has not reported counts as gone (core settles the same way,
   * and acts only once it settled). Both legs up → BRIDGED; one → DROPPED, the survivor kept
   * for core's reconnect commands up to the drop-hold timeout; none → ENDED.
   */
  void recoveryOver() {
    if (phase != CallPhase.RECOVERING) {
      return;
    }
    cancel(dropHold);
    dropHold = null;
    if (customerUp && agentUp) {
      LOG.info("call {}: both legs restored; bridged again", customerCallId);
      moveTo(CallPhase.BRIDGED);
    } else if (customerUp || agentUp) {
      LOG.info("call {}: only the {} leg restored; kept for reconnect", customerCallId,
          customerUp ? Leg.CUSTOMER : Leg.AGENT);
      moveTo(CallPhase.DROPPED);
      dropHold = host.schedule(customerCallId, host.settings().dropHoldTimeout(), this::dropHoldExpired);
    } else {
      outcome = CallOutcome.DROPPED;
      moveTo(CallPhase.ENDED);
    }
  }

  /** Hands the store the leg's dialog and media as they are now (see {@link LegSnapshotTaken}). */
  private void saved(Leg role) {
    BridgedLeg bridged = leg(role);
    if (bridged != null && isUp(role)) {
      host.legChanged(id, bridged);
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private Leg legOf(Dialog dialog) {
    String callId = dialog.id().callId();
    boolean customerLeg = callId.equals(customerCallId)
        || customer != null && customer.dialog().id().callId().equals(callId);
    return customerLeg ? Leg.CUSTOMER : Leg.AGENT;
  }

  private LegSessionTimer timer(Leg leg) {
    return leg == Leg.CUSTOMER ? customerTimer : agentTimer;
  }

  private boolean isUp(Leg leg) {
    return leg == Leg.CUSTOMER ? customerUp : agentUp;
  }

  private void markDown(Leg leg) {
    timer(leg).stop();
    if (leg == Leg.CUSTOMER) {
      customerUp = false;
    } else {
      agentUp = false;
    }
  }

  /** BYE on {@code leg} if it is up, with {@code reason} (RFC 3326) when given. */
  private void bye(Leg leg, String reason) {
    BridgedLeg bridged = leg(leg);
    if (bridged == null || !isUp(leg)) {
      return;
    }
    markDown(leg);
    Map<String, String> headers = reason == null ? Map.of() : Map.of("Reason", reason);
    host.stack().sendInDialog(bridged.dialog(), "BYE", null, null, headers, Outcome.IGNORED);
  }

  private void moveTo(CallPhase next) {
    if (!phase.canMoveTo(next)) {
      throw new IllegalStateException("call " + customerCallId + ": no transition " + phase + " -> " + next);
    }
    LOG.debug("call {} {} -> {}", customerCallId, phase, next);
    phase = next;
    if (next == CallPhase.ENDED) {
      route.released();
      cancel(ringTimer);
      cancel(dropHold);
      customerTimer.stop();
      agentTimer.stop();
      finishIfIdle();
    } else if (next == CallPhase.BRIDGED) {
      cancel(dropHold);
    }
  }

  /** Forgets the call once it ended and no agent INVITE is still waiting for its final response. */
  private void finishIfIdle() {
    if (phase == CallPhase.ENDED && outstanding == 0) {
      host.finished(this, outcome);
    }
  }

  private static void cancel(ScheduledTask task) {
    if (task != null) {
      task.cancel();
    }
  }

  private static String text(io.callflow.sip.message.SipMessage message) {
    return message.bodyLength() == 0 ? "" : new String(message.body(), StandardCharsets.UTF_8);
  }

  /** One agent-leg INVITE: its responses are stale once the call moved on to another target. */
  private final class Attempt implements CallListener {
    private final String callId;
    private final Target target;
    private SipRequest invite;
    private boolean retried422;

    Attempt(SipRequest invite, Target target) {
      this.invite = invite;
      this.target = target;
      this.callId = invite.callId().orElseThrow();
    }

    @Override
    public void onProvisional(SipResponse response, Dialog early) {
      if (this == attempt && phase == CallPhase.OFFERING) {
        relayProvisional(response);
      }
    }

    @Override
    public void onAnswered(Dialog dialog, SipResponse response) {
      invite = null;
      outstanding--;
      if (this == attempt && phase == CallPhase.OFFERING) {
        attempt = null;
        answeredTarget = target;
        agentAnswered(dialog, response);
      } else {
        // Answered after the customer left or the ring timeout moved on: end it at once.
        LOG.debug("call {}: late answer from {} ended", customerCallId, PhoneNumber.mask(target.agentId()));
        host.stack().sendInDialog(dialog, "BYE", null, null, Map.of("Reason", NORMAL.headerValue()), Outcome.IGNORED);
        finishIfIdle();
      }
    }

    @Override
    public void onFailed(int status, SipResponse response) {
      SipRequest sent = invite;
      invite = null;
      outstanding--;
      if (this != attempt || phase != CallPhase.OFFERING) {
        finishIfIdle();
        return;
      }
      attempt = null;
      cancel(ringTimer);
      ringTimer = null;
      Optional<MinSe> minSe = response == null ? Optional.empty() : response.header("Min-SE").flatMap(MinSe::parse);
      if (status == 422 && minSe.isPresent() && !retried422 && sent != null) {
        // RFC 4028 §7.3: try again with at least the interval the agent asked for.
        place(target, host.timerPolicy().retryAfter422(minSe.get()));
        attempt.retried422 = true;
        return;
      }
      LOG.debug("call {}: agent {} answered {}", customerCallId, PhoneNumber.mask(target.agentId()), status);
      tryNext(status, "agent leg failed");
    }
  }

  /** A relayed re-INVITE/UPDATE waiting for the other leg's answer. */
  private final class Relay extends Outcome {
    private final Leg from;
    private final IncomingRequest request;
    private final String offer;
    private final String sent;

    Relay(Leg from, IncomingRequest request, String offer, String sent) {
      this.from = from;
      this.request = request;
      this.offer = offer;
      this.sent = sent;
    }

    @Override
    void answered(SipResponse response) {
      relayAnswered(this, response);
    }

    @Override
    void failed(LegEnding ending) {
      relayFailed(this, ending);
    }
  }

  /** A client transaction's final outcome in the call's terms. */
  abstract static class Outcome implements ClientTransactionListener {
    static final Outcome IGNORED = new Outcome() {
      @Override
      void answered(SipResponse response) {
        // A BYE's answer changes nothing: the dialog is already gone here.
      }

      @Override
      void failed(LegEnding ending) {
        // Likewise.
      }
    };

    abstract void answered(SipResponse response);

    abstract void failed(LegEnding ending);

    @Override
    public void onResponse(ClientTransaction transaction, SipResponse response) {
      if (response.statusCode() >= 200) {
        answered(response);
      }
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
      failed(new LegEnding.InDialogResponse(408));
    }

    @Override
    public void onTransportError(ClientTransaction transaction, Throwable cause) {
      failed(new LegEnding.TransportFailure(cause.toString()));
    }
  }
}
