package io.callflow.sip.message;

import gov.nist.javax.sip.header.HeaderFactoryImpl;

/** The shared jain-sip header factory; it keeps no per-call state, so one instance serves all threads. */
final class Headers {

  static final HeaderFactoryImpl FACTORY = new HeaderFactoryImpl();

  private Headers() {
  }
}
