package org.relufem.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * OUT/sweep=NAME/_lease            the run writing the sweep now ({@link SweepLease})
 * OUT/sweep=NAME/_commit-RUN-N     a replacement being committed (a retry's or a repair's), see {@link #commit}
 * OUT/_staging/NAME/RUN-CHUNK/     a chunk being written; moved into sweep=NAME once Spark committed it
 * OUT/_damaged/NAME/               unreadable part files that verify --repair moved aside
 * </pre>
 * A chunk becomes visible file by file, each by an atomic rename, and every trial's rows live in
 * one file, so a crash at any moment leaves whole trials: a rerun skips them and recomputes the
 * rest. Everything here but reading runs under the sweep's lease, so leftover staging is deleted
 * when the next run of the sweep starts.
 */
final class SweepStore {
    static final String SPEC_FILE = "_spec.json";
    static final String COMMIT = "_commit-";
    private static final String STAGING = "_staging";
    static final String DAMAGED = "_damaged";

    private final FileSystem fs;
    private final Path root;
    private final Path sweepDir;
    private final Path stagingRoot;
    private final Path staging;
    private final String sweep;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final boolean inPlace;
    private int commits;

    SweepStore(SparkSession spark, String out, String sweep) {
        this.sweep = sweep;
        try {
            Path given = new Path(out);
            this.fs = given.getFileSystem(spark.sparkContext().hadoopConfiguration());
            this.root = fs.makeQualified(given);
            this.sweepDir = new Path(root, ResultSchema.PARTITION + "=" + sweep);
            this.stagingRoot = new Path(root, STAGING);
            this.staging = new Path(stagingRoot, sweep);
            this.inPlace = InPlaceCommit.applies(spark, fs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + out, e);
        }
    }

    FileSystem fs() {
        return fs;
    }

    /** This run's id (in the lease, staging and commit names). */
    String run() {
        return run;
    }

    /** The directory Spark reads this sweep's rows from. */
    String sweepDir() {
        return sweepDir.toString();
    }

    /** Takes the sweep's lease (see {@link SweepLease#acquire}). */
    SweepLease lease(boolean wait, PrintStream messages) {
        return SweepLease.acquire(fs, sweepDir, sweep, run, wait, SweepLease.Timing.fromSystem(), messages);
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
            // A local rename replaces the old spec at once; HDFS's refuses (false) and S3A's throws, so
            // there it is deleted first.
            boolean replaced;
            try {
                replaced = fs.rename(tmp, target);
            } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
                replaced = false;
            }
            if (!replaced) {
                fs.delete(target, false);
                rename(tmp, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Whether any rows of the sweep are committed. */
    boolean hasRows() {
        return !partFiles().isEmpty();
    }

    /** Deletes the sweep's rows, stored spec and pending commits, keeping the lease (--replace). */
    void deleteRows() {
        try {
            if (!fs.exists(sweepDir)) {
                return;
            }
            for (FileStatus f : fs.listStatus(sweepDir)) {
                if (!f.getPath().getName().startsWith(SweepLease.FILE)) {
                    fs.delete(f.getPath(), true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the rows in " + sweepDir, e);
        }
    }

    /**
     * Deletes what earlier runs of this sweep left in staging (a killed run's partial chunk), and,
     * where chunks are written in place, the magic committer's job directories a killed run left
     * in the sweep (their uploads were never completed, so they hold no rows).
     */
    void clearStaging() {
        try {
            if (inPlace && fs.exists(sweepDir)) {
                for (FileStatus f : fs.listStatus(sweepDir, p -> p.getName().startsWith(InPlaceCommit.MAGIC_PREFIX))) {
                    fs.delete(f.getPath(), true);
                }
            }
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

    /**
     * Where chunk {@code chunk} of new rows is written: its staging directory, or the sweep itself
     * where Spark's committer makes each file appear whole at its final name ({@link InPlaceCommit}).
     */
    String chunkDir(int chunk) {
        return inPlace ? sweepDir.toString() : stagingDir(chunk);
    }

    /** Whether {@link #chunkDir} is the sweep itself (written in append mode, nothing to publish). */
    boolean inPlace() {
        return inPlace;
    }

    /**
     * Moves the Parquet files Spark committed under {@code dir} into the sweep and deletes {@code dir}; returns the file count.
     * A chunk written in place ({@code dir} is the sweep) has nothing to move.
     */
    int publish(String dir) {
        Path from = new Path(dir);
        if (from.equals(sweepDir)) {
            return 0;
        }
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

    /**
     * Replaces the part files {@code removes} (names in the sweep) by the files Spark committed
     * under the staging directories {@code adds}, all or nothing across a crash: the list of both is
     * first written to {@code _commit-RUN-N} (renamed into place, so it exists whole or not at all),
     * then the new files are moved in, the old ones deleted, and the list deleted. A run that finds a
     * list left by a killed one finishes it ({@link #recover}) before anything else. Readers at the
     * moment of the swap see the list's files in the directory; relufem's own readers read
     * {@link CommitList#visibleFiles} instead, which shows the replacement not at all or whole.
     */
    void commit(List<String> adds, List<String> removes) {
        try {
            List<Path> added = new ArrayList<>();
            for (String dir : adds) {
                partFiles(new Path(dir)).forEach(f -> added.add(f.getPath()));
            }
            CommitList manifest = new CommitList(added, removes.stream().map(n -> new Path(sweepDir, n)).toList());
            Path list = new Path(sweepDir, COMMIT + run + "-" + commits++);
            Path tmp = new Path(staging, list.getName());
            try (FSDataOutputStream o = fs.create(tmp, false)) {
                o.write(manifest.text().getBytes(StandardCharsets.UTF_8));
            }
            rename(tmp, list);
            finish(list);
            for (String dir : adds) {
                fs.delete(new Path(dir), true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the replacement in " + sweepDir, e);
        }
    }

    /** Finishes the replacements killed runs left half done; returns how many. */
    int recover() {
        List<Path> lists = pendingCommits();
        for (Path list : lists) {
            try {
                finish(list);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot finish the replacement " + list, e);
            }
        }
        return lists.size();
    }

    /** The commit lists of replacements not yet finished. */
    List<Path> pendingCommits() {
        try {
            if (!fs.exists(sweepDir)) {
                return List.of();
            }
            return Arrays.stream(fs.listStatus(sweepDir, p -> p.getName().startsWith(COMMIT)))
                    .map(FileStatus::getPath).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + sweepDir, e);
        }
    }

    /** Applies commit list {@code list}; every step is skipped when already done, so a rerun after a crash finishes it. */
    private void finish(Path list) throws IOException {
        CommitList manifest = CommitList.read(fs, list);
        for (Path p : manifest.adds()) {
            Path to = new Path(sweepDir, p.getName());
            if (fs.exists(p) && !fs.exists(to)) {
                rename(p, to);
            }
        }
        for (Path p : manifest.removes()) {
            fs.delete(p, false);
        }
        fs.delete(list, false);
    }

    /** Moves a part file of the sweep to {@code OUT/_damaged/NAME/} (verify --repair); returns where it went. */
    String moveAside(String name) {
        Path to = new Path(new Path(new Path(root, DAMAGED), sweep), name);
        try {
            fs.mkdirs(to.getParent());
            rename(new Path(sweepDir, name), to);
            return to.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + name + " aside to " + to, e);
        }
    }

    /** The sweep's committed part files. */
    List<FileStatus> partFiles() {
        return partFiles(sweepDir);
    }

    private List<FileStatus> partFiles(Path dir) {
        try {
            if (!fs.exists(dir)) {
                return List.of();
            }
            return Arrays.stream(fs.listStatus(dir))
                    .filter(f -> f.isFile() && f.getPath().getName().startsWith("part-"))
                    .sorted(java.util.Comparator.comparing(f -> f.getPath().getName()))
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
