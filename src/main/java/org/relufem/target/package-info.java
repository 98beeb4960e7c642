/**
 * Target functions f: box -> R, each carrying its own box domain, and {@link
 * org.relufem.target.Targets}, the registry by name.
 */
package org.relufem.target;
