package org.relufem.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.relufem.BadInputException;
import org.relufem.report.ResultsTable;

/** Checks an --out directory before anything is written to it. */
final class OutputDirectory {
    private OutputDirectory() {
    }

    /**
     * Accepts a missing directory, an empty one, or one holding a relufem table. Remote paths
     * (hdfs://, s3a://) are left to Spark.
     *
     * @throws BadInputException for a file, or a non-empty directory that is not a relufem table
     */
    static void checkWritable(String out) {
        requireNamed(out);
        if (ResultsTable.isRemote(out)) {
            return;
        }
        Path path = Path.of(out);
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new BadInputException("--out " + out + " is a file, not a directory");
        }
        if (Files.isDirectory(path) && !isEmpty(path) && !ResultsTable.exists(out)) {
            throw new BadInputException("--out " + out + " is a non-empty directory that holds no relufem table;"
                    + " refusing to write into it");
        }
    }

    /** An empty --out would mean the working directory; refuse it instead of guessing. */
    static void requireNamed(String out) {
        if (out.isBlank()) {
            throw new BadInputException("--out is empty: name the results directory");
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new BadInputException("--out " + dir + " cannot be read: " + e.getMessage());
        }
    }
}
