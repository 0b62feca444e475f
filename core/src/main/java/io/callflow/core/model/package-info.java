/** Values shared by every module: call ids, legs, phone numbers (masked when printed). */
package io.callflow.core.model;
