/** sip-adapter */
package io.callflow.sip;
