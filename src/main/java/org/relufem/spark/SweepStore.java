package org.relufem.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * One sweep's files in the table directory, through Hadoop's FileSystem so that local paths,
 * NFS and hdfs:// behave alike:
 * <pre>
 * OUT/sweep=NAME/part-*.parquet    committed rows (Spark reads these)
 * OUT/sweep=NAME/_spec.json        the spec the rows came from (names starting with _ are hidden from Spark)
 * OUT/_staging/NAME/RUN-CHUNK/     a chunk being written; moved into sweep=NAME once Spark committed it
 * </pre>
 * A chunk becomes visible file by file, each by an atomic rename, and every trial's rows live in
 * one file, so a crash at any moment leaves whole trials: a rerun skips them and recomputes the
 * rest. Leftover staging is deleted when the next run of the sweep starts. Two runs of one sweep
 * at the same time are not supported.
 */
final class SweepStore {
    static final String SPEC_FILE = "_spec.json";
    private static final String STAGING = "_staging";

    private final FileSystem fs;
    private final Path sweepDir;
    private final Path stagingRoot;
    private final Path staging;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    SweepStore(SparkSession spark, String out, String sweep) {
        try {
            Path root = new Path(out);
            this.fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            Path qualified = fs.makeQualified(root);
            this.sweepDir = new Path(qualified, ResultSchema.PARTITION + "=" + sweep);
            this.stagingRoot = new Path(qualified, STAGING);
            this.staging = new Path(stagingRoot, sweep);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + out, e);
        }
    }

    /** The directory Spark reads this sweep's rows from. */
    String sweepDir() {
        return sweepDir.toString();
    }

    /** The spec stored by the run that created the sweep, if any. */
    Optional<String> storedSpec() {
        Path p = new Path(sweepDir, SPEC_FILE);
        try {
            if (!fs.exists(p)) {
                return Optional.empty();
            }
            try (var in = fs.open(p)) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    /** Stores the sweep's spec: written aside, then renamed into place. */
    void storeSpec(String canonical) {
        Path tmp = new Path(staging, run + "-" + SPEC_FILE);
        Path target = new Path(sweepDir, SPEC_FILE);
        try {
            fs.mkdirs(sweepDir);
            try (FSDataOutputStream o = fs.create(tmp, true)) {
                o.write(canonical.getBytes(StandardCharsets.UTF_8));
            }
            rename(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Whether any rows of the sweep are committed. */
    boolean hasRows() {
        return !partFiles(sweepDir).isEmpty();
    }

    /** Deletes the sweep: its rows and its stored spec. */
    void delete() {
        try {
            fs.delete(sweepDir, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + sweepDir, e);
        }
    }

    /** Deletes what earlier runs of this sweep left in staging (a killed run's partial chunk). */
    void clearStaging() {
        try {
            fs.delete(staging, true);
            FileStatus[] rest = fs.exists(stagingRoot) ? fs.listStatus(stagingRoot) : new FileStatus[0];
            if (rest.length == 0) {
                fs.delete(stagingRoot, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + staging, e);
        }
    }

    /** A fresh directory name for chunk {@code chunk} of this run to be written to. */
    String stagingDir(int chunk) {
        return new Path(staging, run + "-" + chunk).toString();
    }

    /** Moves the Parquet files Spark committed under {@code dir} into the sweep and deletes {@code dir}; returns the file count. */
    int publish(String dir) {
        Path from = new Path(dir);
        try {
            var files = partFiles(from);
            fs.mkdirs(sweepDir);
            for (FileStatus f : files) {
                rename(f.getPath(), new Path(sweepDir, f.getPath().getName()));
            }
            fs.delete(from, true);
            return files.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the chunk in " + from + " to " + sweepDir, e);
        }
    }

    private java.util.List<FileStatus> partFiles(Path dir) {
        try {
            if (!fs.exists(dir)) {
                return java.util.List.of();
            }
            return java.util.Arrays.stream(fs.listStatus(dir))
                    .filter(f -> f.isFile() && f.getPath().getName().startsWith("part-"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("rename " + from + " -> " + to + " failed");
        }
    }
}
