/**
 * The runnable service. {@link io.callflow.ops.Main} is the composition root: it reads the
 * command line and, for {@code run}, builds every part by hand in dependency order.
 */
package io.callflow.ops;
