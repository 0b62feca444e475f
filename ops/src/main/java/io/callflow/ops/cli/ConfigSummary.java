package io.callflow.ops.cli;

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
    lines.add("logging    " + c.logging().level());
    for (SipConfig.RegisterAccount account : c.sip().register()) {
      String state = environment.containsKey(account.passwordEnv()) ? "set" : "NOT SET here; `run` will refuse to start";
      lines.add("secret     " + account.passwordEnv() + " (" + state + ")");
    }
    return lines;
  }

  private static String sip(SipConfig s) {
    String address = s.bindAddress().getHostAddress();
    return "udp " + address + ":" + s.udpPort() + ", tcp " + address + ":" + s.tcpPort()
        + ", t1 " + Durations.format(s.timers().t1()) + ", allowed networks: trunks " + s.allow().trunks().size()
        + ", phones " + s.allow().phones().size() + ", peers " + s.peers().size() + ", registrations "
        + s.register().size() + ", refusal " + (s.refusal() == SipConfig.Refusal.SILENT ? "silent" : "403");
  }
}
