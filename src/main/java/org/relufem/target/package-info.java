/**
 * Target functions f: box -&gt; R, each carrying its own box domain: the public {@link
 * org.relufem.target.Target} contract, the registry of built-in targets by name ({@link
 * org.relufem.target.Targets}), targets a spec writes as a formula (lexer, parser, expression
 * tree, Janino compiler) or names as a user's class, and their serializable definitions
 * ({@link org.relufem.target.TargetDefinition}) that executors rebuild them from.
 */
package org.relufem.target;
