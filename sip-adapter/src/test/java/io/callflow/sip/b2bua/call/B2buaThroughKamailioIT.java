package io.callflow.sip.b2bua.call;

import static io.callflow.sip.b2bua.call.B2buaCallsIT.SIPP_TIMEOUT;
import static io.callflow.sip.b2bua.call.B2buaCallsIT.agent;
import static io.callflow.sip.b2bua.call.B2buaCallsIT.assertAllSucceeded;
import static io.callflow.sip.b2bua.call.B2buaCallsIT.assertIdle;
import static io.callflow.sip.b2bua.call.B2buaCallsIT.customer;
import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.event.SipEvent;
import io.callflow.sip.b2bua.testing.KamailioProcess;
import io.callflow.sip.testing.FreePorts;
import io.callflow.sip.testing.SippProcess;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Kamailio as the switch on both sides: SIPp customer → Kamailio → B2BUA → Kamailio → SIPp
 * agent, each Kamailio a stateful proxy that Record-Routes (two instances, since each has one
 * next hop), all on 127.0.0.1.
 */
class B2buaThroughKamailioIT {

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void callsCrossTheB2buaBetweenTwoKamailioProxiesAndEndCleanly() throws Exception {
    int calls = 5;
    int agentPort = FreePorts.udpAndTcp();
    try (SippProcess agent = agent("b2bua-kamailio-agent", "agent.xml", agentPort, calls, SIPP_TIMEOUT);
        KamailioProcess agentSide = KamailioProcess.start(KamailioProcess.proxyConfig(), "sip:127.0.0.1:" + agentPort);
        B2buaRig rig = new B2buaRig(B2buaSettings.transparent("sip:127.0.0.1:" + agentSide.port()), null);
        KamailioProcess customerSide = KamailioProcess.start(KamailioProcess.proxyConfig(), "sip:127.0.0.1:" + rig.port);
        SippProcess customer = customer("b2bua-kamailio-customer", "customer.xml", customerSide.port(), "4711",
            calls, SIPP_TIMEOUT)) {

      assertAllSucceeded(customer.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), calls, "customer");
      assertAllSucceeded(agent.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), calls, "agent");

      assertIdle(rig);
      assertThat(rig.events(SipEvent.Answered.class)).hasSize(calls);
      assertThat(rig.events(SipEvent.LegEnded.class)).hasSize(calls);
      assertThat(customerSide.isAlive()).isTrue();
      assertThat(agentSide.isAlive()).isTrue();
    }
  }
}
