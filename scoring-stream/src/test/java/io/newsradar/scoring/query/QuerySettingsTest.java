package io.newsradar.scoring.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.scoring.ScoringApp;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class QuerySettingsTest {
    private static final NewsradarConfig BASE = NewsradarConfig.defaults()
            .with(NewsradarConfig.BOOTSTRAP_SERVERS, "localhost:9092")
            .with(NewsradarConfig.APPLICATION_ID, "query-settings-test");

    @Test
    void theAdvertisedAddressBecomesTheApplicationServer() {
        Properties p = ScoringApp.streamsProperties(BASE.with(QuerySettings.ADVERTISED, "http://scoring-1:8082/"));
        assertThat(p).containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "scoring-1:8082");
        assertThat(QuerySettings.from(BASE.with(QuerySettings.ADVERTISED, "10.0.0.7:8082"))
                        .advertised())
                .contains(new HostInfo("10.0.0.7", 8082));
    }

    @Test
    void withoutItThereIsNoApplicationServer() {
        assertThat(ScoringApp.streamsProperties(BASE)).doesNotContainKey(StreamsConfig.APPLICATION_SERVER_CONFIG);
        assertThat(QuerySettings.from(BASE).advertised()).isEmpty();
        assertThat(QuerySettings.from(BASE).peerTimeout())
                .isEqualTo(Duration.ofMillis(QuerySettings.DEFAULT_PEER_TIMEOUT_MS));
    }

    @Test
    void aValueThatIsNotHostAndPortIsRefusedNamingTheSetting() {
        for (String bad :
                new String[] {"scoring-1", "https://scoring-1:8082", "scoring-1:0", "scoring-1:http", ":8082"}) {
            assertThatThrownBy(() -> QuerySettings.applicationServer(BASE.with(QuerySettings.ADVERTISED, bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(QuerySettings.ADVERTISED);
        }
    }

    @Test
    void aBoundPortIsAdvertisedUnlessTheOperatorSetOne() {
        assertThat(QuerySettings.advertising(BASE, null, 41234).get(QuerySettings.ADVERTISED))
                .isEqualTo("127.0.0.1:41234");
        assertThat(QuerySettings.advertising(BASE, "10.1.2.3", 41234).get(QuerySettings.ADVERTISED))
                .isEqualTo("10.1.2.3:41234");
        NewsradarConfig set = BASE.with(QuerySettings.ADVERTISED, "scoring-1:8082");
        assertThat(QuerySettings.advertising(set, null, 41234).get(QuerySettings.ADVERTISED))
                .isEqualTo("scoring-1:8082");
    }
}
