package org.relufem.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A replacement's commit list, {@code OUT/sweep=NAME/_commit-RUN-N}: the part files it moves into
 * the sweep from staging ({@code add}) and the sweep's files it deletes ({@code remove}), one per
 * line. Once the list is in place the replacement is decided; {@link SweepStore} then moves every
 * add in, deletes every remove and deletes the list, and a run that finds a list left by a killed
 * one finishes it. Until then the directory holds a mix, and a reader that lists it would see old
 * and new rows side by side: {@link #visibleFiles} is what relufem's own readers read instead.
 */
public record CommitList(List<Path> adds, List<Path> removes) {
    public CommitList {
        adds = List.copyOf(adds);
        removes = List.copyOf(removes);
    }

    static CommitList parse(String text) {
        List<Path> adds = new ArrayList<>();
        List<Path> removes = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] kv = line.split("\t", 2);
            if (kv.length == 2) {
                (kv[0].equals("add") ? adds : removes).add(new Path(kv[1]));
            }
        }
        return new CommitList(adds, removes);
    }

    String text() {
        StringBuilder s = new StringBuilder();
        adds.forEach(p -> s.append("add\t").append(p).append('\n'));
        removes.forEach(p -> s.append("remove\t").append(p).append('\n'));
        return s.toString();
    }

    static CommitList read(FileSystem fs, Path list) throws IOException {
        try (var in = fs.open(list)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * The names of the files in {@code sweepDir} a reader skips to see this replacement either not
     * at all or whole: while some add is still in staging (the moves come first), the adds already
     * moved in; once every add is in, the removes not yet deleted.
     */
    Set<String> hidden(FileSystem fs, Path sweepDir) throws IOException {
        Set<String> movedIn = new HashSet<>();
        for (Path p : adds) {
            if (fs.exists(new Path(sweepDir, p.getName()))) {
                movedIn.add(p.getName());
            }
        }
        if (movedIn.size() < adds.size()) {
            return movedIn;
        }
        Set<String> left = new HashSet<>();
        removes.forEach(p -> left.add(p.getName()));
        return left;
    }

    /**
     * The Parquet files under table {@code out} a reader should read, when some sweep there has a
     * replacement not yet finished (a retry or repair killed inside its swap, or one under way); empty
     * when none has, and the directory can be read as it is. Files other readers (DuckDB, pyarrow) see
     * in the meantime are the directory's: both sides of the swap, until the sweep's next run or
     * {@code verify --repair} finishes it.
     */
    public static Optional<List<String>> visibleFiles(Configuration conf, String out) {
        Path root = new Path(out);
        try {
            FileSystem fs = root.getFileSystem(conf);
            FileStatus[] lists = fs.globStatus(new Path(root, ResultSchema.PARTITION + "=*/" + SweepStore.COMMIT + "*"));
            if (lists == null || lists.length == 0) {
                return Optional.empty();
            }
            Set<Path> hidden = new HashSet<>();
            for (FileStatus list : lists) {
                Path sweepDir = list.getPath().getParent();
                for (String name : read(fs, list.getPath()).hidden(fs, sweepDir)) {
                    hidden.add(new Path(sweepDir, name));
                }
            }
            List<String> files = new ArrayList<>();
            FileStatus[] all = fs.globStatus(new Path(root, ResultSchema.PARTITION + "=*/*.parquet"));
            for (FileStatus f : all == null ? new FileStatus[0] : all) {
                if (f.isFile() && !hidden.contains(f.getPath())) {
                    files.add(f.getPath().toString());
                }
            }
            return Optional.of(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pending replacements under " + out, e);
        }
    }
}
