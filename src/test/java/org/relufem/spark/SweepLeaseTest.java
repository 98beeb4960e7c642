package org.relufem.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relufem.BadInputException;
import org.relufem.sweep.BuildInfo;

/** The sweep lease on a local table, with a child process as the other run; no Spark needed. */
class SweepLeaseTest {
    static final SweepLease.Timing FAST = new SweepLease.Timing(Duration.ofMillis(50), Duration.ofSeconds(30),
            Duration.ofMillis(50));

    @TempDir
    java.nio.file.Path dir;
    private Process child;

    @AfterEach
    void killChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    private FileSystem fs() throws IOException {
        return FileSystem.getLocal(new Configuration());
    }

    private Path sweepDir() {
        return new Path(dir.toUri().toString(), "sweep=s");
    }

    private java.nio.file.Path leaseFile() {
        return dir.resolve("sweep=s").resolve(SweepLease.FILE);
    }

    /** Starts {@link LeaseHolder} and returns its run id once it holds the lease. */
    private String childHolds() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LeaseHolder.class.getName(),
                dir.toString(), "s").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertTrue(line != null && line.startsWith("held "), "the child took the lease: " + line);
        return line.substring("held ".length());
    }

    private static PrintStream into(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    @Test
    void aSecondRunIsRefusedNamingTheHolderAndTakesOverOnceItsProcessIsKilled() throws Exception {
        String holder = childHolds();
        BadInputException e = assertThrows(BadInputException.class,
                () -> SweepLease.acquire(fs(), sweepDir(), "s", "second", false, FAST, System.err));
        assertTrue(e.getMessage().startsWith("sweep s is being written by run " + holder + " (pid " + child.pid()
                + " on " + BuildInfo.host()), e.getMessage());
        assertTrue(e.getMessage().contains("--wait"), e.getMessage());
        assertTrue(Files.readString(leaseFile()).contains("run=" + holder), "a refused run leaves the lease alone");

        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no hook frees the lease
        assertTrue(Files.exists(leaseFile()), "a killed run leaves its lease");
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        try (SweepLease lease = SweepLease.acquire(fs(), sweepDir(), "s", "third", false, FAST, into(messages))) {
            assertTrue(Files.readString(leaseFile()).contains("run=third"));
            assertTrue(messages.toString(StandardCharsets.UTF_8).startsWith("relufem: took over sweep s from run "
                    + holder + " (pid " + child.pid()), messages.toString(StandardCharsets.UTF_8));
            assertTrue(messages.toString(StandardCharsets.UTF_8).contains("its process " + child.pid() + " is gone"));
        }
        assertFalse(Files.exists(leaseFile()), "a finished run deletes its lease");
        try (var s = Files.list(dir.resolve("sweep=s"))) {
            assertEquals(List.of(), s.toList(), "nor leaves a takeover marker or a temporary file");
        }
    }

    @Test
    void waitWaitsForTheHolderToStopAndThenTakesTheSweep() throws Exception {
        String holder = childHolds();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        CompletableFuture<SweepLease> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return SweepLease.acquire(fs(), sweepDir(), "s", "waiter", true, FAST, into(messages));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        for (int i = 0; i < 400 && !messages.toString(StandardCharsets.UTF_8).contains("waiting"); i++) {
            Thread.sleep(50);
        }
        Thread.sleep(200);
        assertFalse(waiting.isDone(), "the waiter waits while the holder lives");
        child.destroy(); // SIGTERM: the holder's shutdown hook frees the lease
        try (SweepLease lease = waiting.get(30, TimeUnit.SECONDS)) {
            assertTrue(Files.readString(leaseFile()).contains("run=waiter"));
        }
        String said = messages.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("relufem: waiting for run " + holder + " (pid " + child.pid()), said);
        assertFalse(said.contains("took over"), "a run stopped by SIGTERM frees its lease itself: " + said);
    }

    @Test
    void aLeaseFromAnotherHostIsTakenOverOnlyOnceItIsStale() throws Exception {
        Files.createDirectories(leaseFile().getParent());
        Files.writeString(leaseFile(), "run=far\nhost=elsewhere\npid=1\nstarted=2026-01-01T00:00:00Z\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> SweepLease.acquire(fs(), sweepDir(), "s", "near", false, FAST, System.err));
        assertTrue(e.getMessage().contains("run far (pid 1 on elsewhere"), e.getMessage());

        Files.setLastModifiedTime(leaseFile(), FileTime.from(Instant.now().minusSeconds(120)));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        try (SweepLease lease = SweepLease.acquire(fs(), sweepDir(), "s", "near", false, FAST, into(messages))) {
            assertTrue(messages.toString(StandardCharsets.UTF_8).matches("(?s).*from run far .*: not renewed for 1[12][0-9] s\\n"),
                    messages.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theHolderRenewsItsLeaseAndNoticesWhenItWasTakenOver() throws Exception {
        try (SweepLease lease = SweepLease.acquire(fs(), sweepDir(), "s", "mine", false, FAST, System.err)) {
            Files.setLastModifiedTime(leaseFile(), FileTime.from(Instant.now().minusSeconds(20)));
            Thread.sleep(300);
            long age = Instant.now().toEpochMilli() - Files.getLastModifiedTime(leaseFile()).toMillis();
            assertTrue(age < 5_000, "renewed: last touched " + age + " ms ago");
            lease.check();

            Files.writeString(leaseFile(), "run=usurper\nhost=elsewhere\npid=1\nstarted=2026-01-01T00:00:00Z\n");
            Thread.sleep(300);
            IllegalStateException lost = assertThrows(IllegalStateException.class, lease::check);
            assertTrue(lost.getMessage().contains("it is now held by run usurper"), lost.getMessage());
        }
        assertTrue(Files.readString(leaseFile()).contains("run=usurper"), "a run that lost its lease leaves the new one alone");
    }

    @Test
    void aLeaseFileBeingWrittenIsReadAgainBeforeTheLeaseIsLost() throws Exception {
        SweepLease.Timing byHand = new SweepLease.Timing(Duration.ofHours(1), Duration.ofSeconds(30),
                Duration.ofMillis(50)); // no renewal but this test's own
        try (SweepLease lease = SweepLease.acquire(fs(), sweepDir(), "s", "mine", false, byHand, System.err)) {
            Files.writeString(leaseFile(), "run=usurper\n"); // a takeover's file, its other lines not there yet
            lease.renew();
            lease.renew();
            lease.check(); // not taken for gone
            Files.writeString(leaseFile(), "run=usurper\nhost=elsewhere\npid=1\nstarted=2026-01-01T00:00:00Z\n");
            lease.renew();
            IllegalStateException lost = assertThrows(IllegalStateException.class, lease::check);
            assertTrue(lost.getMessage().contains("it is now held by run usurper"), lost.getMessage());
        }
        Path other = new Path(dir.toUri().toString(), "sweep=t");
        try (SweepLease lease = SweepLease.acquire(fs(), other, "t", "mine", false, byHand, System.err)) {
            java.nio.file.Path file = dir.resolve("sweep=t").resolve(SweepLease.FILE);
            Files.writeString(file, "garbage\n");
            for (int i = 0; i < 2; i++) {
                lease.renew();
                lease.check();
            }
            lease.renew(); // the third in a row: the file is not being written, it is broken
            IllegalStateException lost = assertThrows(IllegalStateException.class, lease::check);
            assertTrue(lost.getMessage().contains("holds no whole lease"), lost.getMessage());
        }
    }

    @Test
    void ofRunsStartedTogetherExactlyOneTakesTheSweep() throws Exception {
        for (int round = 0; round < 10; round++) {
            int runs = 4;
            CyclicBarrier start = new CyclicBarrier(runs);
            AtomicInteger refused = new AtomicInteger();
            List<CompletableFuture<SweepLease>> all = new java.util.ArrayList<>();
            for (int r = 0; r < runs; r++) {
                String run = "r" + round + "-" + r;
                all.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return SweepLease.acquire(fs(), sweepDir(), "s", run, false, FAST, System.err);
                    } catch (BadInputException e) {
                        refused.incrementAndGet();
                        return null;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            List<SweepLease> held = all.stream().map(CompletableFuture::join).filter(java.util.Objects::nonNull).toList();
            assertEquals(1, held.size(), "round " + round + ": runs holding the sweep");
            assertEquals(runs - 1, refused.get());
            held.get(0).close();
        }
    }
}
