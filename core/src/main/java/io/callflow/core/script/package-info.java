/**
 * The agent prompt scripts: one text per step, procedure and prompt, shipped in English and
 * Simplified Chinese as UTF-8 resources and editable from a file named in the config.
 */
package io.callflow.core.script;
