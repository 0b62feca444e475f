/** Daily noise dose and L_EX,8h against EU Directive 2003/10/EC. */
package io.callflow.headset.exposure;
