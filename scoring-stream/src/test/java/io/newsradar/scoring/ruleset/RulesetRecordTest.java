package io.newsradar.scoring.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.scoring.RulesException;
import io.newsradar.scoring.ScoringRules;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RulesetRecordTest {
    private static final String BUNDLE = ScoringRules.defaultBundleText();

    private static RulesetRecord record(long sequence, Long rolledBackFrom, String text) {
        return new RulesetRecord(
                "builtin",
                sequence,
                "builtin-2-00000000",
                Instant.parse("2026-11-29T21:00:00Z"),
                "alice@host",
                "widen AI",
                rolledBackFrom,
                text);
    }

    @Test
    void keysAreNamePlusAZeroPaddedSequenceSoEveryPublicationSurvivesCompaction() {
        assertThat(RulesetRecord.key("builtin", 3)).isEqualTo("builtin#0000000003");
        assertThat(RulesetRecord.parseKey("builtin#0000000003")).isEqualTo(new RulesetRecord.KeyParts("builtin", 3));
        assertThatThrownBy(() -> RulesetRecord.parseKey("builtin"))
                .isInstanceOf(InvalidRulesetRecordException.class)
                .hasMessageContaining("<ruleset name>#<10-digit sequence>");
    }

    @Test
    void roundTripsThroughJson() {
        RulesetRecord r = record(7, 3L, BUNDLE);
        assertThat(RulesetRecord.fromJson(r.key(), r.toJson())).isEqualTo(r);
        RulesetRecord plain = record(8, null, BUNDLE);
        assertThat(RulesetRecord.fromJson(plain.key(), plain.toJson())).isEqualTo(plain);
    }

    @Test
    void theRulesOfARecordAreItsBundleAndHaveTheDefaultsVersion() {
        assertThat(record(1, null, BUNDLE).rules().version())
                .isEqualTo(ScoringRules.defaults().version());
    }

    @Test
    void anInvalidBundleNamesTheRecord() {
        assertThatThrownBy(() -> record(2, null, "name: x\nversion: 1\ntags: []\nroutes: []\n")
                        .rules())
                .isInstanceOf(RulesException.class)
                .hasMessageContaining("rules.v1 builtin#0000000002");
    }

    @Test
    void refusesValuesThatDoNotAgreeWithTheKeyOrAreNotFormatOne() {
        RulesetRecord r = record(4, null, BUNDLE);
        assertThatThrownBy(() -> RulesetRecord.fromJson("builtin#0000000005", r.toJson()))
                .isInstanceOf(InvalidRulesetRecordException.class)
                .hasMessageContaining("says it is builtin#0000000004");
        assertThatThrownBy(() -> RulesetRecord.fromJson(r.key(), r.toJson().replace("\"format\":1", "\"format\":2")))
                .hasMessageContaining("format 2");
        assertThatThrownBy(() -> RulesetRecord.fromJson(r.key(), "{not json")).hasMessageContaining("is not JSON");
        assertThatThrownBy(() -> RulesetRecord.fromJson(r.key(), null)).hasMessageContaining("tombstone");
        assertThatThrownBy(() -> RulesetRecord.fromJson(r.key(), r.toJson().replace("\"ruleset\":", "\"rules\":")))
                .hasMessageContaining("'ruleset' missing");
    }
}
