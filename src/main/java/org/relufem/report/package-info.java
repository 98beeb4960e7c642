/**
 * Reading results back: the {@code query} command's read-only SQL over the table (view
 * {@code trials}), output formats, the summary {@code run} prints, and the HTML report: the rows
 * read by Spark ({@code Observations}), laid out by {@code ReportPage} with the analysis of
 * {@code report.analysis}, charts drawn in the page by uPlot (inlined from its WebJar) from
 * embedded JSON, with XChart PNGs as the fallback.
 */
package org.relufem.report;
