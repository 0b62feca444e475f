/** ops */
package io.callflow.ops;
