package org.relufem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden}: what the public surface (trial ids of the
 * shipped specs, the results table's columns, spec error messages) must stay. A change to one of
 * them is a deliberate edit of its file: run the test once with {@code RELUFEM_GOLDEN_UPDATE=1} in
 * the environment to rewrite it, and review the diff.
 */
public final class Golden {
    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    /** Asserts that {@code actual} is the golden file {@code name}'s text (or rewrites the file when asked). */
    public static void assertMatches(String name, String actual) {
        Path file = DIR.resolve(name);
        try {
            if (System.getenv("RELUFEM_GOLDEN_UPDATE") != null) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + file
                    + " (a deliberate change: rerun with RELUFEM_GOLDEN_UPDATE=1 and review the diff)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
