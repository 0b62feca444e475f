/**
 * The embedded SQLite implementation of core's record-store port
 * ({@link io.callflow.core.store.CallRecordStore}): an append-only log of every call record,
 * written by one thread in group commits, plus the small derived tables that recovery after a
 * restart and the fault API read.
 */
package io.callflow.ops.store;
