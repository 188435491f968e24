package io.newsradar.scoring.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.scoring.ScoringRules;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log as {@code rules history}, {@code diff} and {@code rollback} read it, without a broker. */
class RulesetLogTest {
    private static final String V1 = BacktestTest.BASELINE;
    private static final String V2 = BacktestTest.CANDIDATE;

    private static Publication publication(long sequence, String text, Long rolledBackFrom) {
        RulesetRecord r = new RulesetRecord(
                "watch",
                sequence,
                "recorded-version",
                Instant.parse("2026-11-29T21:00:00Z").plusSeconds(sequence),
                "alice@host",
                "",
                rolledBackFrom,
                text);
        return Publication.of(r.key(), r.toJson());
    }

    @Test
    void theRulesetInForceIsTheHighestValidSequence() {
        RulesetLog log = new RulesetLog(List.of(
                publication(3, "name: watch\nversion: 1\ntags: []\nroutes: []\n", null),
                publication(1, V1, null),
                publication(2, V2, null),
                Publication.of("watch#0000000004", "{not json")));

        assertThat(log.publications()).extracting(Publication::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(log.highestSequence("watch")).isEqualTo(4);
        assertThat(log.active("watch")).get().extracting(Publication::sequence).isEqualTo(2L);
        assertThat(log.publications().get(2).valid()).isFalse();
        assertThat(log.publications().get(2).problem()).contains("tags: the taxonomy has no tags");
        assertThat(log.publications().get(3).problem()).contains("is not JSON");
        assertThat(log.onlyName()).isEqualTo("watch");
    }

    @Test
    void findsAPublicationBySequenceKeyOrRulesVersion() {
        RulesetLog log =
                new RulesetLog(List.of(publication(1, V1, null), publication(2, V2, null), publication(3, V1, 1L)));
        String v1 = ScoringRules.parseBundle(V1, "x").version();

        assertThat(log.find("watch", "2").sequence()).isEqualTo(2);
        assertThat(log.find("watch", "watch#0000000002").sequence()).isEqualTo(2);
        assertThat(log.find("watch", "watch#1").sequence()).isEqualTo(1);
        // the version the text has, not the field the publisher wrote; the latest with it
        assertThat(log.find("watch", v1).sequence()).isEqualTo(3);
        assertThatThrownBy(() -> log.find("watch", "9"))
                .hasMessageContaining("no publication 9 of ruleset watch")
                .hasMessageContaining("1 (" + v1 + ")");
    }
}
