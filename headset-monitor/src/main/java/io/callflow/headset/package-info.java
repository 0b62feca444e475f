/** headset-monitor */
package io.callflow.headset;
