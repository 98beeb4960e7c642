/**
 * The thin Spark layer: sessions, the sweep job (trial indices fanned out to executors, rows
 * written to Parquet partitioned by sweep) and the results schema. No numerics here.
 */
package org.relufem.spark;
