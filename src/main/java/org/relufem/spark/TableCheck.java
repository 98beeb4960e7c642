package org.relufem.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.relufem.BadInputException;
import org.relufem.sweep.SpecParser;
import org.relufem.sweep.TrialSpace;

/**
 * {@code verify}: reads every part file of every sweep (or one) and reports, per sweep, the
 * planned trials against those present, row ids stored more than once, files that cannot be read
 * (cut short, not Parquet), rows outside the stored spec's plan (their trial_id, a hash of every
 * parameter, matches no planned trial) and replacements a killed run left half done. With
 * {@code repair}, under the sweep's lease: half-done replacements are finished, unreadable files
 * moved to {@code OUT/_damaged/NAME/} (never deleted), and duplicates removed by rewriting the
 * files that hold the extra copies ({@link SweepStore#commit}); the next run recomputes what was lost.
 */
public final class TableCheck {
    private TableCheck() {
    }

    /**
     * What verify found in one sweep.
     *
     * @param planned trials of the stored spec (-1 when it has none or it cannot be read)
     * @param present planned trials with every row present
     * @param rows rows in the readable files
     * @param unreadable unreadable file names, each with the reason
     * @param duplicates row ids stored more than once, each with the files holding them
     * @param outsidePlan rows whose trial_id is not planned
     * @param pending replacements left half done
     */
    public record Finding(String sweep, long planned, long present, long rows, Map<String, String> unreadable,
                          Map<String, List<String>> duplicates, long outsidePlan, int pending) {
        /** Readable, once each, and nothing foreign or half done. */
        boolean sound() {
            return unreadable.isEmpty() && duplicates.isEmpty() && outsidePlan == 0 && pending == 0 && planned >= 0;
        }

        boolean complete() {
            return planned >= 0 && present == planned;
        }
    }

    /**
     * Checks (and with {@code repair} repairs) the sweeps under {@code out}, printing one line per
     * finding on {@code report}; returns whether every sweep is sound and complete (with
     * {@code repair}: sound, what it lost being left for the next run).
     */
    public static boolean run(SparkSession spark, String out, String onlySweep, boolean repair, PrintStream report) {
        List<String> sweeps = sweeps(spark, out, onlySweep);
        boolean well = true;
        for (String sweep : sweeps) {
            SweepStore store = new SweepStore(spark, out, sweep);
            Finding f = check(spark, store, sweep);
            print(f, report, repair ? "found" : null);
            if (repair && !f.sound()) {
                try (SweepLease lease = store.lease(false, report)) {
                    repair(spark, store, f, report);
                }
                f = check(spark, store, sweep);
                print(f, report, "after repair");
            }
            boolean ok = repair ? f.sound() : f.sound() && f.complete();
            if (f.sound() && !f.complete() && f.planned >= 0) {
                report.println("sweep " + sweep + ": " + (f.planned - f.present) + " planned trials are missing;"
                        + " rerunning the sweep's spec computes them");
            }
            well &= ok;
        }
        return well;
    }

    private static List<String> sweeps(SparkSession spark, String out, String onlySweep) {
        try {
            Path root = new Path(out);
            FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            List<String> names = new ArrayList<>();
            if (fs.exists(root)) {
                for (FileStatus s : fs.listStatus(root)) {
                    String n = s.getPath().getName();
                    if (s.isDirectory() && n.startsWith(ResultSchema.PARTITION + "=")) {
                        names.add(n.substring(ResultSchema.PARTITION.length() + 1));
                    }
                }
            }
            names.sort(null);
            if (onlySweep != null) {
                if (!names.contains(onlySweep)) {
                    throw new BadInputException("no sweep " + onlySweep + " under " + out + " (it holds: "
                            + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
                }
                return List.of(onlySweep);
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + out, e);
        }
    }

    static Finding check(SparkSession spark, SweepStore store, String sweep) {
        Map<String, String> unreadable = new TreeMap<>();
        List<String> readable = new ArrayList<>();
        for (FileStatus f : store.partFiles()) {
            footerProblem(store.fs(), f.getPath()).ifPresentOrElse(
                    why -> unreadable.put(f.getPath().getName(), why), () -> readable.add(f.getPath().toString()));
        }
        Map<String, List<String>> files = new HashMap<>();
        long rows = 0;
        for (String path : readable) {
            List<Row> ids;
            try {
                ids = spark.read().schema(ResultSchema.FILE_SCHEMA).parquet(path).select("trial_id").collectAsList();
            } catch (Exception e) { // a file whose footer reads but whose pages do not
                unreadable.put(new Path(path).getName(), firstLine(e));
                continue;
            }
            rows += ids.size();
            String name = new Path(path).getName();
            for (Row r : ids) {
                files.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(name);
            }
        }
        Map<String, List<String>> duplicates = new TreeMap<>();
        files.forEach((id, in) -> {
            if (in.size() > 1) {
                duplicates.put(id, in.stream().sorted().toList());
            }
        });
        long planned = -1;
        long present = 0;
        long outside = 0;
        Optional<String> spec = store.storedSpec();
        if (spec.isPresent()) {
            try {
                TrialSpace space = new TrialSpace(SpecParser.parse(spec.get(), "the stored spec of sweep " + sweep));
                planned = space.size();
                Set<String> plannedIds = new HashSet<>();
                for (long i = 0; i < space.size(); i++) {
                    List<String> ids = space.trial(i).rowIds();
                    plannedIds.addAll(ids);
                    if (files.keySet().containsAll(ids)) {
                        present++;
                    }
                }
                for (Map.Entry<String, List<String>> e : files.entrySet()) {
                    if (!plannedIds.contains(e.getKey())) {
                        outside += e.getValue().size();
                    }
                }
            } catch (RuntimeException e) {
                planned = -1;
            }
        }
        return new Finding(sweep, planned, present, rows, unreadable, duplicates, outside, store.pendingCommits().size());
    }

    private static void print(Finding f, PrintStream report, String stage) {
        String head = "sweep " + f.sweep() + (stage == null ? "" : " (" + stage + ")") + ": ";
        String plan = f.planned() < 0 ? "no readable stored spec, so no plan to check against"
                : f.present() + " of " + f.planned() + " planned trials present";
        long extra = f.duplicates().values().stream().mapToLong(l -> l.size() - 1).sum();
        report.println(head + plan + ", " + f.rows() + " rows; " + f.duplicates().size() + " duplicate trial_ids ("
                + extra + " extra rows); " + f.unreadable().size() + " unreadable files; " + f.outsidePlan()
                + " rows outside the plan; " + f.pending() + " half-done replacements: "
                + (f.sound() && f.complete() ? "ok" : f.sound() ? "sound, incomplete" : "NOT OK"));
        f.unreadable().forEach((name, why) -> report.println(head + "unreadable file " + name + ": " + why));
        f.duplicates().entrySet().stream().limit(10).forEach(e -> report.println(head + "trial_id " + e.getKey()
                + " stored " + e.getValue().size() + " times, in " + String.join(", ", e.getValue())));
        if (f.duplicates().size() > 10) {
            report.println(head + "... and " + (f.duplicates().size() - 10) + " more duplicate trial_ids");
        }
    }

    private static void repair(SparkSession spark, SweepStore store, Finding f, PrintStream report) {
        int finished = store.recover();
        if (finished > 0) {
            report.println("sweep " + f.sweep() + ": finished " + finished + " half-done replacements");
        }
        for (String name : f.unreadable().keySet()) {
            report.println("sweep " + f.sweep() + ": moved unreadable " + name + " to " + store.moveAside(name));
        }
        if (f.duplicates().isEmpty()) {
            return;
        }
        // Keep each row id in the first file (by name) that holds it: a trial's rows stay together.
        Map<String, Set<String>> drop = new TreeMap<>();
        f.duplicates().forEach((id, in) -> in.subList(1, in.size()).forEach(file ->
                drop.computeIfAbsent(file, k -> new HashSet<>()).add(id)));
        List<String> affected = new ArrayList<>(drop.keySet());
        String staged = store.stagingDir(0) + "-repair";
        var column = functions.element_at(functions.split(functions.input_file_name(), "/"), -1);
        var rows = spark.read().schema(ResultSchema.FILE_SCHEMA)
                .parquet(affected.stream().map(n -> new Path(store.sweepDir(), n).toString()).toArray(String[]::new))
                .withColumn("_file", column);
        var keep = functions.lit(true);
        for (Map.Entry<String, Set<String>> e : drop.entrySet()) {
            keep = keep.and(functions.not(functions.col("_file").equalTo(e.getKey())
                    .and(functions.col("trial_id").isin(e.getValue().toArray()))));
        }
        rows.where(keep).drop("_file").coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(staged);
        store.commit(List.of(staged), affected);
        long extra = f.duplicates().values().stream().mapToLong(l -> l.size() - 1).sum();
        report.println("sweep " + f.sweep() + ": removed " + extra + " duplicate rows by rewriting " + affected.size()
                + " files");
    }

    /** Why a part file's footer cannot be read, if it cannot (a torn or truncated write). */
    private static Optional<String> footerProblem(FileSystem fs, Path file) {
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(file, fs.getConf()))) {
            r.getFooter();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(firstLine(e));
        }
    }

    private static String firstLine(Throwable e) {
        return (e.getClass().getSimpleName() + ": " + e.getMessage()).lines().findFirst().orElse("").strip();
    }
}
