/** The {@code relufem} command line: {@code run}, {@code plan} and {@code query}. */
package org.relufem.cli;
