/** Error norms over a test set and least-squares log-log rate fits. */
package org.relufem.metric;
