/**
 * The headset monitor's REST API ({@code /api/headset/...}), the routing of its faults to
 * supervisor alerts and agent prompts, and the mapping from the {@code headset} config
 * section to the monitor's settings.
 */
package io.callflow.ops.headset;
