package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.scoring.rules.MonitorTagger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The artificial-intelligence rule of the default taxonomy against the error categories found on
 * the dev half of the AI evaluation set (docs/evaluation.md): "autonomous" said of any machine,
 * Tesla's Autopilot however it is phrased, and "autonomy" in its political and personal senses.
 * The sentences are written for the test, one per class of wording, not taken from the sets.
 */
class AiTaxonomyTest {
    private static final String AI = "artificial-intelligence";

    // one tagger for the class: it is immutable and shared, as in the stream
    private static MonitorTagger tagger;

    @BeforeAll
    static void open() {
        tagger = new MonitorTagger(ScoringRules.defaults().taxonomy());
    }

    @AfterAll
    static void close() {
        tagger.close();
    }

    private List<String> ids(String title, String body) {
        return tagger.tag(Articles.article(title, body)).stream()
                .map(TagMatch::id)
                .toList();
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Campus trial for delivery machines | The autonomous robot finds its own way between buildings.",
                "Agency readies docking test | An autonomous spacecraft will meet a satellite with nobody steering it.",
                "Mine switches to autonomous haul trucks | Drivers move to the control room.",
                "Crashes under scrutiny | Regulators count cars that hit barriers while on Autopilot.",
                "Harbour tug sails itself | The vessel crossed the bay autonomously.",
                "Navy funds research | Grants go to maritime autonomy and sensor fusion.",
            })
    void shouldTagAutonomyOfAMachineAsAi(String title, String body) {
        assertThat(ids(title, body)).contains(AI);
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Capital offers the province more autonomy | Talks with the rebels resume next week.",
                "Patients want autonomy over care decisions | A survey of nurses and doctors.",
                "Blast in autonomous region | A car was found burnt near the regional parliament.",
                "Airliner lands safely | The pilots had switched on the autopilot over the sea.",
            })
    void shouldNotTakeSelfRuleOrAnAirlinersAutopilotForAi(String title, String body) {
        assertThat(ids(title, body)).doesNotContain(AI);
    }
}
