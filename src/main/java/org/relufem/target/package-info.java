/**
 * Target functions f: box -&gt; R, each carrying its own box domain: the public {@link
 * org.relufem.target.Target} contract, the registry of built-in targets by name ({@link
 * org.relufem.target.Targets}), targets a spec writes as a formula (lexer, parser, expression
 * tree, Janino compiler) or names as a user's class, samples read from a data file ({@link
 * org.relufem.target.DataSet}: CSV, Parquet files and directories; {@link org.relufem.target.DataGrid}
 * when its rows form a tensor grid), and their serializable definitions ({@link
 * org.relufem.target.TargetDefinition}) that executors rebuild them from.
 */
package org.relufem.target;
