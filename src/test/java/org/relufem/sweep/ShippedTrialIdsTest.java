package org.relufem.sweep;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.relufem.Golden;

/**
 * The trial ids of every shipped spec never change (DESIGN.md section 5: resume and joins across
 * versions rely on them): per spec, its trial and row counts and a SHA-256 over every row id in
 * index order, pinned in {@code golden/shipped-trial-ids.tsv}.
 */
class ShippedTrialIdsTest {
    @Test
    void everyShippedSpecKeepsItsTrialIds() throws Exception {
        StringBuilder out = new StringBuilder("spec\ttrials\trows\tfirst_row_id\tsha256_of_row_ids\n");
        List<Path> specs;
        try (Stream<Path> files = Files.list(Path.of("conf"))) {
            specs = files.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        for (Path file : specs) {
            TrialSpace space = new TrialSpace(SpecParser.load(file));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long rows = 0;
            String first = null;
            for (long i = 0; i < space.size(); i++) {
                for (String id : space.trial(i).rowIds()) {
                    first = first == null ? id : first;
                    digest.update((id + "\n").getBytes(StandardCharsets.UTF_8));
                    rows++;
                }
            }
            out.append(file.getFileName()).append('\t').append(space.size()).append('\t').append(rows).append('\t')
                    .append(first).append('\t').append(HexFormat.of().formatHex(digest.digest())).append('\n');
        }
        Golden.assertMatches("shipped-trial-ids.tsv", out.toString());
    }
}
