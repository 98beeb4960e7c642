package org.relufem.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relufem.BadInputException;
import org.relufem.Golden;
import org.relufem.sweep.SpecParser;

/**
 * Every spec error of {@link MalformedInputTest}'s table, word for word: the key, its path in the
 * spec, the file line and the explanation are what a user reads, so a change to any of them is a
 * deliberate edit of {@code golden/spec-errors.tsv}.
 */
class SpecErrorsGoldenTest {
    @TempDir
    Path dir;

    @Test
    void specErrorsReadAsBefore() throws Exception {
        StringBuilder out = new StringBuilder();
        for (MalformedInputTest.Case c : MalformedInputTest.CASES) {
            if (!c.args().equals(List.of("plan", "{spec}")) || c.spec().startsWith("<")) {
                continue;
            }
            Path file = dir.resolve(c.slug() + ".conf");
            Files.writeString(file, c.spec());
            String message = assertThrows(BadInputException.class, () -> SpecParser.load(file), c.name()).getMessage();
            out.append(c.name().substring("plan: ".length())).append('\t')
                    .append(message.replace(dir.toString(), "DIR").replace('\n', ' ')).append('\n');
        }
        Golden.assertMatches("spec-errors.tsv", out.toString());
    }
}
