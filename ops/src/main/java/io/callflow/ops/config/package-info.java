/**
 * The configuration: one YAML file over the embedded {@code callflow-defaults.yaml}, read
 * into one record per section ({@link io.callflow.ops.config.CallflowConfig} and its
 * {@code SipConfig}, {@code HttpConfig}, {@code StoreConfig}, {@code ProcedureConfig},
 * {@code HeadsetConfig}, {@code LoggingConfig}).
 *
 * <p>Each section record reads itself with a static {@code from(ConfigNode)}: one
 * {@code get}/{@code list}/{@code section}/{@code sections} call per key, each with a
 * {@link io.callflow.ops.config.ValueType} from {@link io.callflow.ops.config.ValueTypes}
 * that knows how to phrase what is valid. The keys a reader asks for are the valid keys;
 * any other key in the file is reported as unknown. To add a setting: add the key with
 * its default to {@code callflow-defaults.yaml}, a component to the record, one read in
 * {@code from}, a row in {@code docs/ops.md} and a line in
 * {@code deploy/callflow.example.yaml} (a test checks the last two).
 *
 * <p>Modules never see these records: each module has its own settings record, and the
 * composition root maps section to settings when wiring, so the YAML shape can change
 * without touching the modules.
 */
package io.callflow.ops.config;
