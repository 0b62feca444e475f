/** The record-store port: what core persists and what it reads back after a restart. */
package io.callflow.core.store;
