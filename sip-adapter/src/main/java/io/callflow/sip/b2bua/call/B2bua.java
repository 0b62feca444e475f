package io.callflow.sip.b2bua.call;

import io.callflow.core.effect.SipCommand;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.model.PhoneNumber;
import io.callflow.core.time.ScheduledTask;
import io.callflow.core.time.Scheduler;
import io.callflow.sip.b2bua.AgentPool;
import io.callflow.sip.b2bua.AgentSelector;
import io.callflow.sip.b2bua.CallbackTarget;
import io.callflow.sip.b2bua.DropClassifier;
import io.callflow.sip.b2bua.GlareBackoff;
import io.callflow.sip.b2bua.rebridge.BridgedLeg;
import io.callflow.sip.b2bua.rebridge.ThirdPartyCallControl;
import io.callflow.sip.b2bua.recovery.LegSnapshot;
import io.callflow.sip.b2bua.SessionTimerPolicy;
import io.callflow.sip.b2bua.transfer.TransferSettings;
import io.callflow.sip.b2bua.transfer.Transfers;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.stack.IncomingRequest;
import io.callflow.sip.stack.SipApplication;
import io.callflow.sip.stack.SipStack;
import io.callflow.sip.ua.OptionsResponder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back-to-back user agent: the part of the service's {@link SipApplication} that handles
 * INVITE and the traffic of the dialogs it made. An INVITE from the trusted peer (the PBX) is
 * the customer leg; {@link Call} places the agent leg (transparent or registrar routing, see
 * {@link B2buaSettings}) and relays between the two. What happens to each call is reported to
 * core through the {@code Consumer<SipEvent>}; core's {@link SipCommand}s come back through
 * {@link #execute}.
 *
 * <p>Start-up: the stack needs its application before it starts and the B2BUA needs the
 * stack, so construct this, start the stack with it (or with an application delegating to
 * it), then {@link #attach} the stack. Nothing thrown here reaches the stack: every callback
 * catches, logs once and answers 500 when the request is still unanswered.
 */
public final class B2bua implements SipApplication {

  private static final Logger LOG = LoggerFactory.getLogger(B2bua.class);
  /** RFC 3261 §21.4.6: only INVITE starts something here. */
  private static final int METHOD_NOT_ALLOWED = 405;
  private static final List<String> ALLOW = List.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "INFO", "UPDATE");

  private final B2buaSettings settings;
  private final AgentPool pool;
  private final AgentSelector agents;
  private final Scheduler scheduler;
  private final Consumer<SipEvent> events;
  private final B2buaMetrics metrics;
  private final SessionTimerPolicy timerPolicy;
  private final InviteScreen screen;
  private final DropClassifier classifier;
  private final Map<String, Call> calls = new ConcurrentHashMap<>();
  /** Lines core said are down (RefuseNewCalls): new calls on them get 503. */
  private final Set<String> refusedLines = ConcurrentHashMap.newKeySet();
  private final NewCallAdmission admission = new NewCallAdmission();
  /** The most calls held at once, 0 for no limit; see {@link #limitCalls}. */
  private volatile int maxCalls;
  private final Host host = new Host();
  private volatile SipStack stack;
  private volatile ThirdPartyCallControl thirdParty;
  /** REFER and core's Transfer (io.callflow.sip.b2bua.transfer); {@link #transferSettings} replaces it. */
  private volatile Transfers transfers = new Transfers(TransferSettings.defaults());
  private volatile Consumer<LegSnapshotTaken> legSnapshots;

  /**
   * @param agents the registered agents, required in REGISTRAR mode (the registrar fills it); may
   *     be null in TRANSPARENT mode
   * @param scheduler the service's scheduler; every task it runs for a call is moved onto that
   *     call's event loop
   * @param events where core hears about calls ({@code CallFlowRuntime::submit}); must be
   *     thread-safe: calls on different loops report at the same time
   * @throws IllegalArgumentException in REGISTRAR mode without an agent pool
   */
  public B2bua(B2buaSettings settings, AgentPool agents, Scheduler scheduler, MeterRegistry registry,
      Consumer<SipEvent> events) {
    this.settings = Objects.requireNonNull(settings, "settings");
    if (settings.routing() == RoutingMode.REGISTRAR && agents == null) {
      throw new IllegalArgumentException("b2bua.routing: registrar needs the registrar's agent pool");
    }
    this.pool = agents;
    this.agents = agents == null ? null : new AgentSelector(agents, settings.hunt());
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.events = Objects.requireNonNull(events, "events");
    this.metrics = new B2buaMetrics(Objects.requireNonNull(registry, "registry"));
    this.timerPolicy = new SessionTimerPolicy(settings.sessionTimer());
    this.screen = new InviteScreen(settings.maxForwards(), timerPolicy);
    this.classifier = new DropClassifier(settings.drops());
  }

  /** The stack this B2BUA sends through; call once, after the stack started. */
  public void attach(SipStack sipStack) {
    this.stack = Objects.requireNonNull(sipStack, "sipStack");
    this.thirdParty = new ThirdPartyCallControl(sipStack, scheduler, new GlareBackoff(new java.util.Random()));
  }

  /** Where transfers may go and how long they ring ({@code b2bua.transfer.*}); call before traffic arrives. */
  public void transferSettings(TransferSettings settings) {
    this.transfers = new Transfers(settings);
  }

  /**
   * Where each leg's snapshot goes when its dialog or media changed (see
   * {@link LegSnapshotTaken}); called on the call's event loop, so it must hand the bytes off
   * (to the store's writer) and return at once. Set before the stack starts; none by default.
   */
  public void legSnapshots(Consumer<LegSnapshotTaken> sink) {
    this.legSnapshots = Objects.requireNonNull(sink, "sink");
  }

  /**
   * After a restart: {@code leg} of core's call {@code callId} answered its probe and its
   * dialog is in the stack again. The first leg of a call makes a call here in RECOVERING that
   * holds it; with the second the call is BRIDGED again (or DROPPED when that one was
   * {@link #legGone}); from then on it is like any other call (relayed BYE, core's HangUp and
   * reconnect commands). Each restored leg's session timer restarts with a refresh. From any
   * thread; the work runs on the event loop of {@code callId}.
   */
  public void adopt(CallId callId, BridgedLeg leg) {
    restore(callId, leg, true);
  }

  /**
   * After a restart: {@code leg} (restored from its snapshot but not in the stack) of core's
   * call {@code callId} did not answer its probe. The call keeps it down, so core's callback
   * or redial replaces its dialog and keeps its SDP origin (RFC 3264 §8).
   */
  public void legGone(CallId callId, BridgedLeg leg) {
    restore(callId, leg, false);
  }

  private void restore(CallId callId, BridgedLeg leg, boolean alive) {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(leg, "leg");
    SipStack attached = stack;
    if (attached == null) {
      LOG.warn("call {}: restored {} leg ignored: the B2BUA has no stack yet", callId, leg.role());
      return;
    }
    attached.execute(callId.value(), () -> guarded(null, () -> {
      Call call = calls.get(callId.value());
      if (call == null) {
        call = new Call(host, callId, settings.trunk().orElse("restored"));
        calls.put(callId.value(), call);
        metrics.started();
      }
      call.restored(leg, alive);
    }));
  }

  /** Calls held: ringing, bridged, or dropped and waiting for a reconnect. */
  public int activeCalls() {
    return metrics.active();
  }

  /** Whether {@code sipCallId} (of either leg) belongs to a call here: route its dialog traffic here. */
  public boolean holds(String sipCallId) {
    return calls.containsKey(sipCallId);
  }

  // ---- SipApplication --------------------------------------------------------------------------

  /** An INVITE outside a dialog is a new customer call; any other method is answered 405. */
  @Override
  public void onRequest(IncomingRequest request) {
    guarded(request, () -> {
      if (request.method().equals("INVITE")) {
        onInvite(request);
      } else if (!request.method().equals("ACK")) {
        request.respond(request.createResponse(METHOD_NOT_ALLOWED, null).withHeaderValues("Allow", ALLOW));
      }
    });
  }

  @Override
  public void onDialogRequest(Dialog dialog, IncomingRequest request) {
    guarded(request, () -> {
      Call call = calls.get(dialog.id().callId());
      if (call == null) {
        // RFC 3261 §12.2.2: the stack knows the dialog, no call does (it is ending): 481.
        request.respond(481);
      } else if (!transfers.handles(new TransferView(call, host), dialog, request)) {
        // REFER, and the agent leg's traffic while a transfer runs, were the transfer package's.
        call.onDialogRequest(dialog, request);
      }
    });
  }

  @Override
  public void onCancel(IncomingRequest invite) {
    guarded(null, () -> {
      Call call = calls.get(invite.request().callId().orElse(""));
      if (call != null) {
        call.customerCancelled();
      }
    });
  }

  @Override
  public void onAckTimeout(Dialog dialog) {
    guarded(null, () -> {
      Call call = calls.get(dialog.id().callId());
      if (call != null) {
        call.ackTimedOut(dialog);
      }
    });
  }

  private void onInvite(IncomingRequest request) {
    SipStack attached = stack;
    SipRequest invite = request.request();
    String callId = invite.callId().orElse("");
    if (attached == null) {
      request.respond(request.createResponse(503, "B2BUA Not Ready"));
      return;
    }
    if (calls.containsKey(callId)) {
      // A second INVITE with a known Call-ID and no To tag: a loop or a broken peer.
      request.respond(request.createResponse(482, "Loop Detected"));
      return;
    }
    // Each refusal is counted before it is sent: whoever reads the counter on seeing the
    // response finds it counted.
    if (admission.refuses()) {
      metrics.rejected(B2buaMetrics.Refusal.OVERLOADED);
      request.respond(request.createResponse(503, "Service Overloaded")
          .withHeader("Retry-After", Long.toString(admission.retryAfterSeconds())));
      return;
    }
    String line = line(request);
    if (refusedLines.contains(line)) {
      // RFC 3261 §21.5.4 without Retry-After: only this line is down, not the whole service.
      metrics.rejected(B2buaMetrics.Refusal.LINE_DOWN);
      request.respond(request.createResponse(503, "Line Down").withHeader("Warning",
          "399 callflow \"line " + line + " is down\""));
      return;
    }
    InviteVerdict verdict = screen.check(invite);
    if (verdict instanceof InviteVerdict.Reject reject) {
      LOG.debug("INVITE {} refused {} {}", callId, reject.status(), reject.reason());
      SipResponse response = request.createResponse(reject.status(), reject.reason());
      for (Map.Entry<String, String> header : reject.headers().entrySet()) {
        response = response.withHeader(header.getKey(), header.getValue());
      }
      metrics.rejected(B2buaMetrics.Refusal.SCREENED);
      request.respond(response);
      return;
    }
    // After screening: an INVITE that can never succeed gets its own 4xx, not a 503 to retry.
    int limit = maxCalls;
    if (limit > 0 && activeCalls() >= limit) {
      // RFC 3261 §21.5.4 without Retry-After: the PBX tries its next route at once; a slot
      // frees as soon as a call ends, so the whole service is not to be avoided for a while.
      metrics.rejected(B2buaMetrics.Refusal.CAPACITY);
      request.respond(request.createResponse(503, "Maximum Calls In Progress"));
      return;
    }
    AgentRoute route = route(invite);
    if (route == null) {
      metrics.rejected(B2buaMetrics.Refusal.NO_ROUTE);
      request.respond(request.createResponse(404, "No Such Queue"));
      return;
    }
    Call call = new Call(host, request, (InviteVerdict.Proceed) verdict, route, customerNumber(invite), line);
    calls.put(callId, call);
    metrics.started();
    LOG.debug("call {} from {} for {}", callId, PhoneNumber.mask(invite.from().map(f -> f.uri()).orElse("?")),
        PhoneNumber.mask(invite.requestUri()));
    try {
      call.start();
    } catch (RuntimeException e) {
      // The customer gets 500 (guarded); the call must not stay counted, or with b2bua.maxCalls
      // every such failure would hold a slot until restart.
      if (calls.get(callId) == call) { // not if it ended itself before failing
        host.finished(call, CallOutcome.REJECTED);
      }
      throw e;
    }
  }

  private AgentRoute route(SipRequest invite) {
    if (settings.routing() == RoutingMode.TRANSPARENT) {
      return new TransparentRoute(invite.requestUri(), settings.nextHop().orElseThrow(),
          settings.hunt().fallbackUri());
    }
    return SipUris.user(invite.requestUri()).map(queue -> new HuntRoute(agents.startHunt(queue), pool)).orElse(null);
  }

  /** The caller's number for core: P-Asserted-Identity or From (RFC 3325), else the From user. */
  private static String customerNumber(SipRequest invite) {
    return CallbackTarget.from(invite.header("P-Asserted-Identity").orElse(null),
            invite.header("From").orElse(null), invite.header("Privacy").orElse(null))
        .map(target -> target.number().digits())
        .or(() -> invite.from().flatMap(from -> SipUris.user(from.uri())))
        .orElse("anonymous");
  }

  /** The line a call came in on: {@code b2bua.trunk}, else the peer it came from. */
  private String line(IncomingRequest request) {
    return settings.trunk().orElseGet(() -> request.transaction().peer().address().getHostString() + ":"
        + request.transaction().peer().address().getPort());
  }

  // ---- core's commands -------------------------------------------------------------------------

  /** Whether {@link #execute} carries {@code command} out; the others belong to other parts. */
  public static boolean carriesOut(SipCommand command) {
    return command instanceof SipCommand.HangUp || command instanceof SipCommand.HoldLeg
        || command instanceof SipCommand.UnholdLeg || command instanceof SipCommand.CallCustomerBack
        || command instanceof SipCommand.RedialAgent || command instanceof SipCommand.Transfer
        || command instanceof SipCommand.RefuseNewCalls;
  }

  /**
   * Carries out one of core's commands on its call's event loop, from any thread. HangUp ends
   * the call; RefuseNewCalls goes to {@link #refuseNewCalls}; HoldLeg, UnholdLeg,
   * CallCustomerBack and RedialAgent go to {@link #thirdPartyCallControl}. Commands for other
   * parts (ConsultDepartment, ProbeLeg, recording) and for unknown calls are ignored.
   */
  public void execute(SipCommand command) {
    Objects.requireNonNull(command, "command");
    if (command instanceof SipCommand.RefuseNewCalls refuse) {
      refuseNewCalls(refuse.line(), refuse.refuse());
      return;
    }
    CallId callId = command.callId();
    SipStack attached = stack;
    if (callId == null || attached == null) {
      LOG.debug("{} ignored: no call id or no stack", command.getClass().getSimpleName());
      return;
    }
    attached.execute(callId.value(), () -> {
      Call call = calls.get(callId.value());
      if (call == null) {
        LOG.debug("{} for unknown call {} ignored", command.getClass().getSimpleName(), callId);
        return;
      }
      if (!(command instanceof SipCommand.HangUp)) {
        call.recoveryOver(); // core acts only once it settled the restart probes
      }
      if (command instanceof SipCommand.HangUp) {
        call.hangUp();
      } else if (command instanceof SipCommand.HoldLeg hold) {
        thirdPartyCallControl(call, command, hold.leg());
      } else if (command instanceof SipCommand.UnholdLeg unhold) {
        thirdPartyCallControl(call, command, unhold.leg());
      } else if (command instanceof SipCommand.CallCustomerBack) {
        thirdPartyCallControl(call, command, Leg.CUSTOMER);
      } else if (command instanceof SipCommand.RedialAgent) {
        thirdPartyCallControl(call, command, Leg.AGENT);
      } else if (command instanceof SipCommand.Transfer transfer) {
        transfers.transfer(new TransferView(call, host), transfer);
      } else {
        LOG.debug("{} is not the B2BUA call's to carry out", command.getClass().getSimpleName());
      }
    });
  }

  /**
   * From now on, while {@code overload} is active, every new INVITE is answered 503 with its
   * {@code Retry-After} (RFC 3261 §21.5.4: the whole service cannot take it); {@code why} is
   * logged when refusing starts. Calls in progress go on.
   */
  public void refuseNewCallsWhile(OptionsResponder.Overload overload, String why) {
    admission.refuseWhile(overload, why);
  }

  /**
   * From now on, a new call while {@code max} calls are held (ringing, bridged or waiting for a
   * reconnect) is refused with 503 Maximum Calls In Progress, without Retry-After; 0 lifts the
   * limit. The count is shared by every event loop and read without a lock, so at the limit
   * INVITEs arriving on several loops at the same moment may each get in: up to one call more
   * per loop. Calls in progress, and the callbacks and redials of their reconnects, are never
   * refused by it.
   */
  public void limitCalls(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("b2bua.maxCalls: " + max + " is negative; use 0 for no limit");
    }
    maxCalls = max;
  }

  /**
   * While {@code refuse}, a new INVITE on {@code line} is answered 503 without Retry-After
   * (RFC 3261 §21.5.4: the line is down, not the service). Idempotent; core sends it for every
   * call on the line.
   */
  public void refuseNewCalls(String line, boolean refuse) {
    if (line == null) {
      return;
    }
    boolean changed = refuse ? refusedLines.add(line) : refusedLines.remove(line);
    if (changed) {
      LOG.info("new calls on line {} {}", line, refuse ? "refused with 503" : "accepted again");
    }
  }

  /**
   * The one place reconnects plug in: hold, resume, call the customer back and redial the agent
   * through RFC 3725 third-party call control ({@link ThirdPartyCallControl}) on the call's
   * {@code BridgedLeg}s. Outcomes reach core as {@code Reconnected} / {@code ReconnectFailed}.
   */
  private void thirdPartyCallControl(Call call, SipCommand command, Leg leg) {
    ThirdPartyCallControl control = thirdParty;
    if (control == null) {
      LOG.warn("call {}: {} ignored: the B2BUA has no stack yet", call.customerCallId(),
          command.getClass().getSimpleName());
      return;
    }
    if (command instanceof SipCommand.HoldLeg) {
      call.hold(leg, control);
    } else if (command instanceof SipCommand.UnholdLeg) {
      call.unhold(leg, control);
    } else if (command instanceof SipCommand.CallCustomerBack back) {
      call.redial(Leg.CUSTOMER, back.callerId(), control);
    } else if (command instanceof SipCommand.RedialAgent redial) {
      call.redial(Leg.AGENT, redial.callerId(), control);
    }
  }

  // ---- plumbing --------------------------------------------------------------------------------

  private static void guarded(IncomingRequest request, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.error("B2BUA failed on {} (Call-ID {}); answering 500 when still unanswered",
          request == null ? "an event" : request.method(),
          request == null ? "?" : request.request().callId().orElse("?"), e);
      if (request != null && !request.method().equals("ACK")) {
        request.respond(request.createResponse(500, "Server Internal Error"));
      }
    }
  }

  /** The Call's view of this B2BUA. */
  private final class Host implements CallHost {

    @Override
    public SipStack stack() {
      return stack;
    }

    @Override
    public B2buaSettings settings() {
      return settings;
    }

    @Override
    public SessionTimerPolicy timerPolicy() {
      return timerPolicy;
    }

    @Override
    public DropClassifier classifier() {
      return classifier;
    }

    @Override
    public Scheduler scheduler(String callId) {
      return new Scheduler() {
        @Override
        public Clock clock() {
          return scheduler.clock();
        }

        @Override
        public ScheduledTask schedule(Duration delay, Runnable task) {
          return scheduler.schedule(delay, () -> stack.execute(callId, task));
        }
      };
    }

    @Override
    public void emit(SipEvent event) {
      try {
        events.accept(event);
      } catch (RuntimeException e) {
        LOG.warn("core refused {} for call {}: {}", event.getClass().getSimpleName(), event.callId(),
            PhoneNumber.mask(String.valueOf(e.getMessage())));
      }
    }

    @Override
    public void legChanged(CallId callId, BridgedLeg leg) {
      Consumer<LegSnapshotTaken> sink = legSnapshots;
      if (sink == null) {
        return;
      }
      try {
        LegSnapshot now = LegSnapshot.from(leg);
        sink.accept(new LegSnapshotTaken(callId, leg.role(), now::encode));
      } catch (RuntimeException e) {
        LOG.warn("call {}: snapshot of the {} leg not saved: {}", callId, leg.role(), e.toString());
      }
    }

    @Override
    public void bind(String callId, Call call) {
      calls.put(callId, call);
    }

    @Override
    public void finished(Call call, CallOutcome outcome) {
      for (String callId : call.callIds()) {
        calls.remove(callId, call);
      }
      metrics.ended(outcome);
      LOG.debug("call {} ended: {}", call.customerCallId(), outcome.label());
    }
  }
}
