package io.newsradar.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsradar.scoring.ScoringRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The tag evaluation of docs/evaluation.md on the default rules. A measurement, not a gate: it
 * writes target/eval/tags.md and prints it. Tagged "eval", so the default build leaves it out:
 * run it with {@code mvn -B -pl scoring-stream -am verify -Dgroups=eval
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("eval")
class TagEvalTest {

    @Test
    void shouldReportPrecisionAndRecallOfTheDefaultRules() throws Exception {
        Path root = EvalCorpus.repositoryRoot(Path.of(""));
        Path dir = EvalCorpus.evalDir(root, System.getProperty(EvalCorpus.DIR_PROPERTY));
        String missing = EvalCorpus.missing(dir);
        if (missing != null) {
            // the console shows only "Skipped: 1"; say why where the person running it looks
            System.out.println("TagEvalTest skipped: " + missing);
        }
        assumeTrue(missing == null, () -> "skipped: " + missing);

        TagEvalRun.Outcome outcome = TagEvalRun.run(root, dir, ScoringRules.defaults(), LocalDate.now(ZoneOffset.UTC));

        Path report = Path.of("target", "eval", "tags.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, outcome.markdown(), StandardCharsets.UTF_8);
        System.out.println(outcome.markdown());
        System.out.println("report written to " + report.toAbsolutePath());
        assertThat(outcome.sets()).extracting(SetScores::items).containsExactly(320, 360, 149, 148, 297, 680, 829, 977);
    }
}
