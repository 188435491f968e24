package io.newsradar.schemas.mutes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MuteRecordTest {
    private static final Instant UNTIL = Instant.parse("2026-12-01T18:00:00Z");
    private static final Instant CREATED = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void roundTripsThroughItsJson() {
        MuteRecord mute = new MuteRecord(MuteKind.SOURCE, "Example Wire", UNTIL, "embargo leak", CREATED);

        assertThat(MuteRecord.fromJson(mute.toJson())).isEqualTo(mute);
        assertThat(mute.toJson())
                .contains("\"format\":1")
                .contains("\"kind\":\"source\"")
                .contains("\"until\":\"2026-12-01T18:00:00Z\"");
    }

    @Test
    void keysSourcesAndTagsCaseInsensitivelyAndStoriesAsGiven() {
        assertThat(new MuteRecord(MuteKind.SOURCE, "  Example Wire ", UNTIL, null, CREATED).key())
                .isEqualTo("source:example wire");
        assertThat(MuteRecord.key(MuteKind.TAG, "Defense")).isEqualTo("tag:defense");
        assertThat(MuteRecord.key(MuteKind.STORY, "AbC123")).isEqualTo("story:AbC123");
        // the record keeps the value as written, for display
        assertThat(new MuteRecord(MuteKind.SOURCE, "Example Wire", UNTIL, null, CREATED).value())
                .isEqualTo("Example Wire");
    }

    @Test
    void usesTheRootLocaleForLowerCase() {
        // a Turkish default locale would turn 'I' into a dotless 'ı' and split one outlet into two keys
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            assertThat(MuteRecord.key(MuteKind.SOURCE, "INDIA TIMES")).isEqualTo("source:india times");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void coversEventTimesBeforeTheEndOfThePeriodOnly() {
        MuteRecord mute = new MuteRecord(MuteKind.TAG, "defense", UNTIL, "", CREATED);

        assertThat(mute.covers(UNTIL.minusMillis(1))).isTrue();
        assertThat(mute.covers(UNTIL)).isFalse();
        assertThat(mute.covers(UNTIL.plusSeconds(60))).isFalse();
        assertThat(mute.untilText()).isEqualTo("2026-12-01T18:00Z");
    }

    @Test
    void refusesRecordsThatAreNotMutesNamingTheProblem() {
        assertThatThrownBy(() -> MuteRecord.fromJson("not json")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> MuteRecord.fromJson("[1]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> MuteRecord.fromJson(
                        "{\"format\":2,\"kind\":\"tag\",\"value\":\"defense\",\"until\":\"2026-12-01T18:00:00Z\"}"))
                .hasMessageContaining("format 2");
        assertThatThrownBy(() -> MuteRecord.fromJson("{\"format\":1,\"kind\":\"outlet\",\"value\":\"x\","
                        + "\"until\":\"2026-12-01T18:00:00Z\",\"createdAt\":\"2026-11-30T12:00:00Z\"}"))
                .hasMessageContaining("kind 'outlet' is not story, source or tag");
        assertThatThrownBy(() -> MuteRecord.fromJson("{\"format\":1,\"kind\":\"tag\",\"value\":\"defense\","
                        + "\"until\":\"tomorrow\",\"createdAt\":\"2026-11-30T12:00:00Z\"}"))
                .hasMessageContaining("until 'tomorrow' is not an ISO instant");
        assertThatThrownBy(() -> MuteRecord.fromJson("{\"format\":1,\"kind\":\"tag\",\"value\":\" \","
                        + "\"until\":\"2026-12-01T18:00:00Z\",\"createdAt\":\"2026-11-30T12:00:00Z\"}"))
                .hasMessageContaining("no value");
        assertThatThrownBy(() -> MuteRecord.fromJson(
                        "{\"format\":1,\"kind\":\"tag\",\"value\":\"defense\",\"until\":\"2026-12-01T18:00:00Z\"}"))
                .hasMessageContaining("no createdAt");
    }

    @Test
    void refusesATagThatIsNoTagIdAndOverlongText() {
        assertThatThrownBy(() -> new MuteRecord(MuteKind.TAG, "defense ai", UNTIL, "", CREATED))
                .hasMessageContaining("must be a tag id");
        assertThatThrownBy(() -> new MuteRecord(MuteKind.SOURCE, "x".repeat(201), UNTIL, "", CREATED))
                .hasMessageContaining("longer than 200");
        assertThatThrownBy(() -> new MuteRecord(MuteKind.SOURCE, "a", UNTIL, "r".repeat(501), CREATED))
                .hasMessageContaining("longer than 500");
        assertThatThrownBy(() -> new MuteRecord(MuteKind.SOURCE, "a\nb", UNTIL, "", CREATED))
                .hasMessageContaining("control character");
        assertThatThrownBy(() -> new MuteRecord(MuteKind.SOURCE, "a", UNTIL, "one\ntwo", CREATED))
                .hasMessageContaining("reason contains a control character");
    }

    @Test
    void namesItsKindsInWords() {
        assertThat(MuteKind.of(" Source ")).contains(MuteKind.SOURCE);
        assertThat(MuteKind.of("outlet")).isEmpty();
        assertThat(MuteKind.choices()).isEqualTo("story, source or tag");
    }
}
