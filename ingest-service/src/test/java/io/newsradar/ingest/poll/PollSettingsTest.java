package io.newsradar.ingest.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.ingest.FeedReader;
import io.newsradar.schemas.config.NewsradarConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollSettingsTest {

    @Test
    void shouldDefaultWithoutSettings() {
        PollSettings s = PollSettings.from(NewsradarConfig.defaults());

        assertThat(s).isEqualTo(PollSettings.defaults());
        assertThat(s.maxAge()).isEqualTo(Duration.ofHours(48));
        assertThat(s.maxRedirects()).isEqualTo(5);
        assertThat(s.downloadTimeout()).isEqualTo(Duration.ofSeconds(40));
        assertThat(s.fetch().userAgent())
                .isEqualTo(FeedReader.Options.defaults().userAgent());
    }

    @Test
    void shouldReadEverySetting() {
        NewsradarConfig config = NewsradarConfig.defaults()
                .with(PollSettings.MAX_AGE, "PT6H")
                .with(PollSettings.USER_AGENT, "newsradar-ingest/0.1 (+https://radar.example.org/contact)")
                .with(PollSettings.CONNECT_TIMEOUT, "3s")
                .with(PollSettings.REQUEST_TIMEOUT, "5s")
                .with(PollSettings.DOWNLOAD_TIMEOUT, "1m")
                .with(PollSettings.MAX_BYTES, "2048")
                .with(PollSettings.MAX_REDIRECTS, "2")
                .with(PollSettings.MAX_BACKOFF, "2h")
                .with(PollSettings.MAX_RETRY_AFTER, "6h");

        PollSettings s = PollSettings.from(config);

        assertThat(s.maxAge()).isEqualTo(Duration.ofHours(6));
        assertThat(s.fetch().userAgent()).isEqualTo("newsradar-ingest/0.1 (+https://radar.example.org/contact)");
        assertThat(s.fetch().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.fetch().requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.downloadTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.fetch().maxBytes()).isEqualTo(2048);
        assertThat(s.maxRedirects()).isEqualTo(2);
        assertThat(s.maxBackoff()).isEqualTo(Duration.ofHours(2));
        assertThat(s.maxRetryAfter()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void shouldNameTheKeyOfABadValue() {
        assertThatThrownBy(() -> PollSettings.from(NewsradarConfig.defaults().with(PollSettings.MAX_AGE, "two days")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("setting 'ingest.max.age' must be a duration");
        assertThatThrownBy(() -> PollSettings.from(NewsradarConfig.defaults().with(PollSettings.MAX_AGE, "0s")))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(
                        () -> PollSettings.from(NewsradarConfig.defaults().with(PollSettings.USER_AGENT, "bad\nagent")))
                .hasMessageContaining(PollSettings.USER_AGENT);
        assertThatThrownBy(() -> PollSettings.from(NewsradarConfig.defaults().with(PollSettings.MAX_REDIRECTS, "50")))
                .hasMessageContaining(PollSettings.MAX_REDIRECTS);
    }
}
