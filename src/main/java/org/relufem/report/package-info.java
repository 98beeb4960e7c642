/**
 * Reading results back: the {@code query} command's read-only SQL over the table (view
 * {@code trials}), output formats, and the summary {@code run} prints.
 */
package org.relufem.report;
