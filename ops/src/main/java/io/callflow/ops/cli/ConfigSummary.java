package io.callflow.ops.cli;

import io.callflow.ops.config.B2buaConfig;
import io.callflow.ops.config.CallflowConfig;
import io.callflow.ops.config.Durations;
import io.callflow.ops.config.HeadsetConfig;
import io.callflow.ops.config.HttpConfig;
import io.callflow.ops.config.ProcedureConfig;
import io.callflow.ops.config.SipConfig;
import io.callflow.ops.config.StoreConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The short human summary {@code check-config} prints for a valid file; never shows secrets. */
final class ConfigSummary {

  private ConfigSummary() {}

  static List<String> lines(CallflowConfig c, Map<String, String> environment) {
    List<String> lines = new ArrayList<>();
    lines.add("sip        " + sip(c.sip()));
    HttpConfig http = c.http();
    lines.add("http       " + http.bindAddress().getHostAddress() + ":" + http.port()
        + ", body limit " + http.maxRequestBytes() + " bytes");
    StoreConfig store = c.store();
    lines.add("store      " + store.path() + ", queue " + store.queueCapacity() + ", batch "
        + store.batchSize() + " or " + Durations.format(store.batchDelay()));
    ProcedureConfig p = c.procedure();
    lines.add("procedure  locale " + p.locale().toLanguageTag() + ", prompts "
        + p.promptScript().map(Object::toString).orElse("built-in") + ", reconnect "
        + p.reconnect().attempts() + " attempts, departments " + p.departments().size());
    HeadsetConfig h = c.headset();
    lines.add("headset    disconnected after " + Durations.format(h.disconnectedAfter()) + ", day starts "
        + h.day().boundary() + " " + h.day().timeZone());
    lines.add("b2bua      " + b2bua(c.b2bua()));
    lines.add("logging    " + c.logging().level());
    for (SipConfig.RegisterAccount account : c.sip().register()) {
      lines.add(secret(account.passwordEnv(), environment));
    }
    if (c.b2bua().routing() == B2buaConfig.Routing.REGISTRAR) {
      for (B2buaConfig.Account phone : c.b2bua().registrar().accounts()) {
        lines.add(secret(phone.passwordEnv(), environment));
      }
    }
    return lines;
  }

  private static String secret(String name, Map<String, String> environment) {
    String state = environment.containsKey(name) ? "set" : "NOT SET here; `run` will refuse to start";
    return "secret     " + name + " (" + state + ")";
  }

  private static String b2bua(B2buaConfig b) {
    return switch (b.routing()) {
      case NONE -> "off (INVITE answered 503)";
      case TRANSPARENT -> "transparent to " + b.nextHop() + " over " + b.transport() + ", ring timeout "
          + Durations.format(b.agentRingTimeout());
      case REGISTRAR -> "registrar, realm " + b.registrar().realm() + ", " + b.registrar().accounts().size()
          + " agent phones, ring timeout " + Durations.format(b.agentRingTimeout());
    };
  }

  private static String sip(SipConfig s) {
    String address = s.bindAddress().getHostAddress();
    return "udp " + address + ":" + s.udpPort() + ", tcp " + address + ":" + s.tcpPort()
        + ", t1 " + Durations.format(s.timers().t1()) + ", allowed networks: trunks " + s.allow().trunks().size()
        + ", phones " + s.allow().phones().size() + ", peers " + s.peers().size() + ", registrations "
        + s.register().size() + ", refusal " + (s.refusal() == SipConfig.Refusal.SILENT ? "silent" : "403");
  }
}
