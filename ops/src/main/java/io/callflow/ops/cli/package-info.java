/**
 * The command line: {@link io.callflow.ops.cli.Cli} picks a
 * {@link io.callflow.ops.cli.Command} by its first argument. Commands report to a
 * {@link io.callflow.ops.cli.Terminal} and return an {@link io.callflow.ops.cli.ExitCode}.
 */
package io.callflow.ops.cli;
