package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.schemas.mutes.MuteKind;
import io.newsradar.schemas.mutes.MuteRecord;
import io.newsradar.schemas.topics.ArticleHeaders;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mute}, {@code unmute}, {@code mutes} and {@code retract} without a broker: arguments, errors, exit codes. */
class MuteCommandTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    // never contacted: invalid input is refused before the cluster
    private static final String NOWHERE = "127.0.0.1:1";

    @Test
    void aPeriodIsForADurationFromNowOrUntilATime() {
        assertThat(MutePeriod.until("4h", null, NOW)).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(MutePeriod.until("PT30M", null, NOW)).isEqualTo(Instant.parse("2026-11-30T12:30:00Z"));
        assertThat(MutePeriod.until(null, "2026-12-01T18:00Z", NOW)).isEqualTo(Instant.parse("2026-12-01T18:00:00Z"));
        assertThat(MutePeriod.until(null, "2026-12-02T03:00+09:00", NOW))
                .isEqualTo(Instant.parse("2026-12-01T18:00:00Z"));
    }

    @Test
    void aBadPeriodIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> MutePeriod.until("soon", null, NOW))
                .hasMessage("--for: must be a duration like 4h, 2d, 1h30m or PT4H (got 'soon')");
        assertThatThrownBy(() -> MutePeriod.until("10s", null, NOW))
                .hasMessage("--for: must be between 1m and 366d (got '10s')");
        assertThatThrownBy(() -> MutePeriod.until("400d", null, NOW)).hasMessageContaining("between 1m and 366d");
        assertThatThrownBy(() -> MutePeriod.until(null, "2026-11-30T11:59Z", NOW))
                .hasMessage("--until: 2026-11-30T11:59Z is in the past (now 2026-11-30T12:00Z)");
        assertThatThrownBy(() -> MutePeriod.until(null, "2026-12-01", NOW))
                .hasMessageContaining("--until: must be an ISO date and time with an offset");
        assertThatThrownBy(() -> MutePeriod.until(null, "2028-01-01T00:00Z", NOW))
                .hasMessageContaining("more than 366d ahead");
    }

    @Test
    void theArgumentsMakeAMuteRecord() {
        MuteRecord m = MuteCommand.parse("Tag", "Defense", "2d", null, " drill week ", NOW);

        assertThat(m)
                .isEqualTo(new MuteRecord(MuteKind.TAG, "Defense", NOW.plus(Duration.ofDays(2)), "drill week", NOW));
        assertThat(m.key()).isEqualTo("tag:defense");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> MuteCommand.parse("outlet", "x", "4h", null, null, NOW))
                .hasMessage("KIND: must be story, source or tag (got 'outlet')");
        assertThatThrownBy(() -> MuteCommand.parse("tag", "defense ai", "4h", null, null, NOW))
                .hasMessageStartingWith("VALUE: a muted tag must be a tag id");
        assertThatThrownBy(() -> MuteCommand.parse("source", "  ", "4h", null, null, NOW))
                .hasMessageStartingWith("VALUE: mute has no value");
        assertThatThrownBy(() -> MuteCommand.parse("source", "Wire", "4h", null, "a\nb", NOW))
                .hasMessageStartingWith("--reason: mute reason contains a control character");
        assertThatThrownBy(() -> UnmuteCommand.key("topic", "x")).hasMessageStartingWith("KIND: must be");
        assertThat(UnmuteCommand.key("SOURCE", " Example Wire")).isEqualTo("source:example wire");
    }

    @Test
    void timeLeftReadsAsPeopleWriteIt() {
        assertThat(MutePeriod.left(NOW.plus(Duration.ofMinutes(200)), NOW)).isEqualTo("3h 20m left");
        assertThat(MutePeriod.left(NOW.plus(Duration.ofDays(2).plusHours(4)), NOW))
                .isEqualTo("2d 4h left");
        assertThat(MutePeriod.left(NOW.minus(Duration.ofHours(2)), NOW)).isEqualTo("expired 2h ago");
        assertThat(MutePeriod.left(NOW.plusSeconds(45), NOW)).isEqualTo("45s left");
    }

    @Test
    void invalidInputExitsOneBeforeTheClusterIsContacted() {
        RulesCommandTest.Run r = RulesCommandTest.run("mute", "-b", NOWHERE, "tag", "defense", "--for", "soon");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err())
                .contains("newsradar mute: --for: must be a duration like 4h")
                .contains("nothing written");

        r = RulesCommandTest.run("mute", "-b", NOWHERE, "channel", "x", "--until", "2099-01-01T00:00Z");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("newsradar mute: KIND: must be story, source or tag (got 'channel')");

        r = RulesCommandTest.run("unmute", "-b", NOWHERE, "channel", "x");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);

        r = RulesCommandTest.run("retract", "-b", NOWHERE, "abc", "--reason", " ");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("newsradar retract: --reason: must not be blank");
    }

    @Test
    void aPeriodIsRequiredOnceAsAUsageError() {
        RulesCommandTest.Run none = RulesCommandTest.run("mute", "-b", NOWHERE, "tag", "defense");
        assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("--for").contains("--until");

        RulesCommandTest.Run both = RulesCommandTest.run(
                "mute", "-b", NOWHERE, "tag", "defense", "--for", "4h", "--until", "2099-01-01T00:00Z");
        assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void aRetractionCarriesItsReasonInTheHeader() {
        assertThat(RetractCommand.headers(null)).isEmpty();
        Header h = RetractCommand.headers(" paywalled copy removed ").get(0);
        assertThat(h.key()).isEqualTo(ArticleHeaders.RETRACT_REASON);
        assertThat(new String(h.value(), StandardCharsets.UTF_8)).isEqualTo("paywalled copy removed");

        assertThatThrownBy(() -> RetractCommand.headers("x".repeat(501))).hasMessageContaining("longer than 500");
        assertThatThrownBy(() -> RetractCommand.headers("one\ntwo")).hasMessageContaining("one line");
        assertThat(RetractCommand.checkId(" 3f2a ")).isEqualTo("3f2a");
        assertThatThrownBy(() -> RetractCommand.checkId("https://a.example/x y"))
                .hasMessageContaining("ARTICLE_ID: must not contain spaces");
        assertThatThrownBy(() -> RetractCommand.checkId("")).hasMessage("ARTICLE_ID: must not be blank");
    }

    @Test
    void anUnreachableClusterExitsWithTheInfrastructureCode(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("short-timeouts.properties");
        // the admin step's wait is bounded by the client's own timeout setting
        Files.writeString(config, "kafka.request.timeout.ms=1000\nkafka.default.api.timeout.ms=2000\n");
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String bootstrap = "127.0.0.1:" + silent.getLocalPort();
            for (String[] args : new String[][] {
                {"mute", "-b", bootstrap, "--config", config.toString(), "tag", "defense", "--for", "4h"},
                {"unmute", "-b", bootstrap, "--config", config.toString(), "tag", "defense"},
                {"mutes", "-b", bootstrap, "--config", config.toString(), "--all"},
                {"retract", "-b", bootstrap, "--config", config.toString(), "--no-create-topics", "abc"}
            }) {
                RulesCommandTest.Run r = RulesCommandTest.run(args);

                assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(ExitCodes.INFRASTRUCTURE);
                assertThat(r.err()).contains("newsradar " + args[0]).contains(bootstrap);
            }
        }
    }

    @Test
    void aWriteTheClusterDoesNotAcknowledgeIsAnInfrastructureFailure() {
        assertThat(Newsradar.exitCodeOf(
                        new IllegalStateException("wrapped", new ClusterWriteException("not acknowledged", null))))
                .isEqualTo(ExitCodes.INFRASTRUCTURE);
    }
}
