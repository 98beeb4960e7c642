package org.relufem.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;
import org.relufem.BadInputException;
import org.relufem.sweep.BuildInfo;

/**
 * The right to write one sweep: a file {@code OUT/sweep=NAME/_lease} holding the run id, host, pid
 * and start time of the run that holds it, created atomically (so exactly one of two runs that
 * start together gets it) and renewed while the run lives by touching its modification time.
 *
 * <p>The create is exclusive: on HDFS (and any Hadoop file system whose {@code create(path, false)}
 * is atomic) through {@link FileSystem#create(Path, boolean)}; on a local or NFS path, where
 * Hadoop's local file system checks and creates in two steps, by writing the lease aside and
 * hard-linking it into place, which fails when the name exists.
 *
 * <p>A lease whose holder is gone is taken over: not renewed for {@link Timing#staleAfter} (the
 * holder died, or hangs, on any host), or held by a pid that no longer runs on this host (a killed
 * run, at once). Of two runs taking over one lease, the one that creates the marker
 * {@code _lease.takeover-RUN} first wins; the other finds the sweep held.
 */
final class SweepLease implements AutoCloseable {
    static final String FILE = "_lease";
    private static final String TAKEOVER = FILE + ".takeover-";

    /**
     * How often the lease is renewed, after how long without renewal it is stale, and how often
     * {@code --wait} looks again.
     */
    record Timing(Duration renewEvery, Duration staleAfter, Duration pollEvery) {
        /** Renewed every 10 s, stale after 60 s; overridable (for tests) by system properties in seconds. */
        static Timing fromSystem() {
            return new Timing(seconds("relufem.lease.renewSeconds", 10), seconds("relufem.lease.staleSeconds", 60),
                    seconds("relufem.lease.pollSeconds", 1));
        }

        private static Duration seconds(String property, double fallback) {
            double s = Double.parseDouble(System.getProperty(property, Double.toString(fallback)));
            return Duration.ofMillis(Math.round(s * 1000));
        }
    }

    /** Who holds a lease, as its file says; {@code renewed} is the file's modification time. */
    record Holder(String run, String host, long pid, Instant started, Instant renewed) {
        String describe(Instant now) {
            long ago = Math.max(0, Duration.between(renewed, now).toSeconds());
            return "run " + run + " (pid " + pid + " on " + host + ", started " + started + ", renewed " + ago + " s ago)";
        }

        /** Why the holder counts as gone, if it does. */
        Optional<String> gone(Instant now, Duration staleAfter) {
            Duration quiet = Duration.between(renewed, now);
            if (quiet.compareTo(staleAfter) > 0) {
                return Optional.of("not renewed for " + quiet.toSeconds() + " s");
            }
            if (host.equals(BuildInfo.host()) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
                return Optional.of("its process " + pid + " is gone");
            }
            return Optional.empty();
        }
    }

    private final FileSystem fs;
    private final Path file;
    private final String sweep;
    private final String run;
    private final ScheduledExecutorService renewer;
    private final Runnable onExit = this::close;
    private volatile String lost;
    /** Renewals in a row that found the file without a whole lease in it. */
    private int unreadable;
    private boolean closed;

    private SweepLease(FileSystem fs, Path file, String sweep, String run, Timing timing) {
        this.fs = fs;
        this.file = file;
        this.sweep = sweep;
        this.run = run;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "relufem-lease-" + sweep);
            t.setDaemon(true);
            return t;
        });
        long every = timing.renewEvery().toMillis();
        renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        // Before Hadoop's own hook closes the file systems: a run stopped by Ctrl-C or SIGTERM frees its sweep.
        ShutdownHookManager.get().addShutdownHook(onExit, FileSystem.SHUTDOWN_HOOK_PRIORITY + 1);
    }

    /**
     * Takes the lease of {@code sweepDir} for {@code run}. A held lease is refused with the holder
     * named, or with {@code wait} waited for; a gone holder's lease is taken over, saying so on
     * {@code messages}.
     *
     * @throws BadInputException when another live run holds the sweep and {@code wait} is false
     */
    static SweepLease acquire(FileSystem fs, Path sweepDir, String sweep, String run, boolean wait, Timing timing,
                              PrintStream messages) {
        Path file = new Path(sweepDir, FILE);
        boolean announced = false;
        try {
            fs.mkdirs(sweepDir);
            while (true) {
                if (createExclusive(fs, file, content(run))) {
                    return new SweepLease(fs, file, sweep, run, timing);
                }
                Optional<Holder> holder = read(fs, file);
                Instant now = Instant.now();
                if (holder.isPresent()) {
                    Optional<String> gone = holder.get().gone(now, timing.staleAfter());
                    if (gone.isPresent() && takeOver(fs, sweepDir, file, holder.get(), run)) {
                        messages.println("relufem: took over sweep " + sweep + " from " + holder.get().describe(now)
                                + ": " + gone.get());
                        return new SweepLease(fs, file, sweep, run, timing);
                    }
                }
                String who = holder.map(h -> h.describe(now)).orElse("another run (its lease is being written)");
                if (!wait) {
                    if (holder.isEmpty() && !announced) { // a lease being created: look once more
                        announced = true;
                        Thread.sleep(timing.pollEvery().toMillis());
                        continue;
                    }
                    throw new BadInputException("sweep " + sweep + " is being written by " + who + " (lease "
                            + file + "); rerun with --wait to wait for it, or stop that run");
                }
                if (!announced && holder.isPresent()) {
                    messages.println("relufem: waiting for " + who + " to finish sweep " + sweep);
                    announced = true;
                }
                Thread.sleep(timing.pollEvery().toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the lease " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the lease " + file, e);
        }
    }

    /**
     * Replaces a gone holder's lease with ours, unless another run is doing the same: the marker
     * for that holder is created by one run only, and the lease is deleted only while it still
     * names that holder.
     */
    private static boolean takeOver(FileSystem fs, Path sweepDir, Path file, Holder gone, String run) throws IOException {
        if (!createExclusive(fs, new Path(sweepDir, TAKEOVER + gone.run()), content(run))) {
            return false;
        }
        Optional<Holder> now = read(fs, file);
        if (now.isPresent() && !now.get().run().equals(gone.run())) {
            return false;
        }
        fs.delete(file, false);
        return createExclusive(fs, file, content(run));
    }

    /** Throws if another run took the lease over (this run stalled past the stale time). */
    void check() {
        if (lost != null) {
            throw new IllegalStateException("lost the lease on sweep " + sweep + ": " + lost
                    + "; this run stops without writing more");
        }
    }

    /** One renewal, as the renewer thread runs it every {@link Timing#renewEvery}. */
    void renew() {
        try {
            Optional<Holder> h = read(fs, file);
            boolean torn = h.isEmpty() && fs.exists(file);
            if (torn && ++unreadable < 3) {
                return; // being written (a takeover's create is visible before its content): read it next time
            }
            unreadable = 0;
            if (h.isEmpty() || !h.get().run().equals(run)) {
                lost = h.map(x -> "it is now held by " + x.describe(Instant.now()))
                        .orElse("its file " + file + (torn ? " holds no whole lease" : " is gone"));
                renewer.shutdown();
                return;
            }
            if (rewritesToRenew(fs)) {
                // S3A keeps no settable modification time (its setTimes does nothing): a PUT of the
                // same text (the holder's start time kept) is what moves an object's Last-Modified.
                byte[] same = ("run=" + h.get().run() + "\nhost=" + h.get().host() + "\npid=" + h.get().pid()
                        + "\nstarted=" + h.get().started() + "\n").getBytes(StandardCharsets.UTF_8);
                try (FSDataOutputStream out = fs.create(file, true)) {
                    out.write(same);
                }
            } else {
                fs.setTimes(file, System.currentTimeMillis(), -1);
            }
        } catch (IOException | RuntimeException e) {
            // A storage hiccup: the next renewal tries again; a lease left unrenewed goes stale only after staleAfter.
        }
    }

    /** Whether the lease is renewed by rewriting it: object stores, whose setTimes is a no-op. */
    static boolean rewritesToRenew(FileSystem fs) {
        return "s3a".equals(fs.getUri().getScheme());
    }

    /** Stops renewing and deletes the lease if it is still this run's (and any takeover markers). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        renewer.shutdownNow();
        try {
            ShutdownHookManager.get().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // already shutting down: this is the hook
        }
        try {
            Optional<Holder> h = read(fs, file);
            if (h.isPresent() && h.get().run().equals(run)) {
                for (FileStatus s : fs.listStatus(file.getParent(), p -> p.getName().startsWith(TAKEOVER))) {
                    fs.delete(s.getPath(), false);
                }
                fs.delete(file, false);
            }
        } catch (IOException e) {
            // Left behind, the lease goes stale (or its pid is seen dead) and the next run takes it over.
        }
    }

    /** The lease's holder, if the file exists and is complete. */
    static Optional<Holder> read(FileSystem fs, Path file) throws IOException {
        FileStatus status;
        String text;
        try {
            status = fs.getFileStatus(file);
            try (var in = fs.open(file)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (java.io.FileNotFoundException e) {
            return Optional.empty();
        }
        Properties p = new Properties();
        p.load(new StringReader(text));
        String run = p.getProperty("run");
        String host = p.getProperty("host");
        String pid = p.getProperty("pid");
        String started = p.getProperty("started");
        if (run == null || host == null || pid == null || started == null) {
            return Optional.empty(); // being written (a remote create is visible before its content)
        }
        try {
            return Optional.of(new Holder(run, host, Long.parseLong(pid), Instant.parse(started),
                    Instant.ofEpochMilli(status.getModificationTime())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static String content(String run) {
        return "run=" + run + "\nhost=" + BuildInfo.host() + "\npid=" + ProcessHandle.current().pid()
                + "\nstarted=" + Instant.now() + "\n";
    }

    /** Creates {@code file} holding {@code text} unless it exists; returns whether this call created it. */
    static boolean createExclusive(FileSystem fs, Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if ("file".equals(fs.getUri().getScheme())) {
            java.nio.file.Path target = java.nio.file.Path.of(fs.makeQualified(file).toUri());
            java.nio.file.Path aside = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid()
                    + "-" + Long.toHexString(System.nanoTime()) + ".tmp");
            Files.write(aside, bytes);
            try {
                Files.createLink(target, aside);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } finally {
                Files.deleteIfExists(aside);
            }
        }
        try (FSDataOutputStream out = fs.create(file, false)) {
            out.write(bytes);
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        }
    }
}
