package org.relufem.spark;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failure of the storage under the table (disk full, permission denied, quota, a part file that
 * is cut short or not Parquet), said in one line: the cause and the path. The command prints the
 * message alone and exits with code 1.
 */
public final class StorageFailure extends RuntimeException {
    private static final String URI_OR_PATH = "(?:\\b[a-z][a-z0-9+.-]*:/|(?<=^|\\s)/)[^\\s,;'\"()\\[\\]]";
    private static final Pattern PART_FILE = Pattern.compile("(" + URI_OR_PATH + "*part-[^\\s,;'\"()\\[\\]]*\\.parquet)");
    private static final Pattern PATH = Pattern.compile("(" + URI_OR_PATH + "+)");

    public StorageFailure(String message) {
        super(message);
    }

    /**
     * The storage failure somewhere in {@code e}'s causes, as one line naming the cause and the
     * path, if there is one. {@code out} is the table directory, for the verify command it suggests.
     */
    public static Optional<StorageFailure> in(Throwable e, String out) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StorageFailure s) {
                return Optional.of(s);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            String cause = storageCause(t, m);
            if (cause != null) {
                return Optional.of(new StorageFailure("storage failed: " + cause + pathIn(e).map(p -> " (" + p + ")").orElse("")));
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("is not a Parquet file") || m.contains("CANNOT_READ_FILE_FOOTER")
                    || m.contains("FAILED_READ_FILE") || t instanceof org.apache.hadoop.fs.ChecksumException
                    || m.contains("can not read class org.apache.parquet") || m.contains("Could not read footer")
                    || t instanceof java.io.EOFException) {
                String file = partFileIn(e).orElse("a part file");
                Throwable root = t;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                return Optional.of(new StorageFailure("cannot read " + file + ": it is cut short or not Parquet ("
                        + root.getClass().getSimpleName() + "); run 'jobs/relufem verify --out " + out + " --repair' to move it aside,"
                        + " then rerun the sweep to recompute its trials"));
            }
        }
        return Optional.empty();
    }

    /** The storage failure in {@code e}'s causes, naming {@code path} (what was being written) when they name none. */
    static Optional<StorageFailure> writing(Throwable e, String path) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String cause = storageCause(t, String.valueOf(t.getMessage()));
            if (cause != null) {
                return Optional.of(new StorageFailure("storage failed: " + cause + " (" + pathIn(e).orElse(path) + ")"));
            }
        }
        return Optional.empty();
    }

    private static String storageCause(Throwable t, String m) {
        String name = t.getClass().getName();
        if (m.contains("No space left on device")) {
            return "no space left on device";
        }
        if (m.contains("Disk quota exceeded") || name.contains("QuotaExceeded")) {
            return "quota exceeded: " + firstLine(m);
        }
        if (t instanceof java.nio.file.AccessDeniedException || name.endsWith("AccessControlException")
                || name.endsWith("AccessDeniedException") || m.contains("Permission denied")) {
            return "permission denied";
        }
        if (m.contains("Read-only file system")) {
            return "read-only file system";
        }
        return null;
    }

    private static Optional<String> partFileIn(Throwable e) {
        return find(e, PART_FILE);
    }

    private static Optional<String> pathIn(Throwable e) {
        Optional<String> part = find(e, PART_FILE);
        return part.isPresent() ? part : find(e, PATH);
    }

    private static Optional<String> find(Throwable e, Pattern pattern) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = pattern.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return Optional.of(m.group(1).replaceAll("[.:]+$", ""));
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String m) {
        return m.strip().lines().findFirst().orElse("").strip();
    }
}
