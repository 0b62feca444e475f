package io.callflow.ops.config;

/**
 * The whole configuration, one record per YAML section. Each module keeps its own
 * settings record; {@code ops} maps from these records to them when wiring, so the
 * modules never depend on the YAML shape.
 */
public record CallflowConfig(
    SipConfig sip,
    HttpConfig http,
    StoreConfig store,
    ProcedureConfig procedure,
    HeadsetConfig headset,
    B2buaConfig b2bua,
    LoggingConfig logging) {

  static CallflowConfig from(ConfigNode n) {
    return new CallflowConfig(
        n.section("sip", SipConfig::from),
        n.section("http", HttpConfig::from),
        n.section("store", StoreConfig::from),
        n.section("procedure", ProcedureConfig::from),
        n.section("headset", HeadsetConfig::from),
        n.section("b2bua", B2buaConfig::from),
        n.section("logging", LoggingConfig::from));
  }
}
