package org.relufem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;

class QuietLogsTest {
    private static final String LOGGER = "org.relufem.cli.QuietLogsTest.probe";

    @Test
    void aNormalReturnRestoresTheLevels() {
        Configurator.setLevel(LOGGER, Level.WARN);
        assertEquals(42, QuietLogs.during(() -> {
            assertEquals(Level.OFF, LogManager.getLogger(LOGGER).getLevel());
            return 42;
        }, LOGGER));
        assertEquals(Level.WARN, LogManager.getLogger(LOGGER).getLevel());
    }

    /** The failed job's tasks still running log their cancellation after the failure: they stay off. */
    @Test
    void aFailureLeavesThemOff() {
        Configurator.setLevel(LOGGER, Level.WARN);
        assertThrows(IllegalStateException.class, () -> QuietLogs.during(() -> {
            throw new IllegalStateException("a task failed");
        }, LOGGER));
        assertEquals(Level.OFF, LogManager.getLogger(LOGGER).getLevel());
        Configurator.setLevel(LOGGER, Level.WARN);
    }
}
