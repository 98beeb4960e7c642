package org.relufem.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Spark loggers turned off while a command's job runs, so that a job failing in its tasks (a full
 * disk, a torn file, a division by zero in SQL) is said in the one line the command prints instead of
 * a stack trace per task attempt first.
 */
final class QuietLogs {
    private QuietLogs() {
    }

    /**
     * Runs {@code body} with {@code loggers} off; the body must run the Spark job itself, as a Dataset
     * is lazy (returning one would run its job after the levels are back). On a normal return their
     * levels are restored; on a failure they stay off, since the failed job's other tasks may still be
     * running and would log their cancellation after the line that names the failure
     * ({@link Main#main} then stops Spark with all logging off).
     */
    static void during(Runnable body, String... loggers) {
        during(() -> {
            body.run();
            return null;
        }, loggers);
    }

    /** {@link #during(Runnable, String...)} for a body with a result. */
    static <T> T during(Supplier<T> body, String... loggers) {
        Map<String, Level> before = new HashMap<>();
        Map<String, Level> off = new HashMap<>();
        for (String name : loggers) {
            before.put(name, LogManager.getLogger(name).getLevel());
            off.put(name, Level.OFF);
        }
        Configurator.setLevel(off);
        T result = body.get();
        Configurator.setLevel(before);
        return result;
    }
}
