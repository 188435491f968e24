package io.newsradar.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void shouldNameEveryTopicOnceAndVersionIt() {
        List<String> names = Topics.all().stream().map(TopicDef::name).toList();
        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.endsWith(".v1"));
        assertThat(names)
                .contains(
                        "news.raw.v1",
                        "news.scored.v1",
                        "news.dlq.v1",
                        "alerts.defense-ai.v1",
                        "alerts.defense-korea-japan.v1");
    }

    @Test
    void shouldCompactOnlyTheStateTopics() {
        assertThat(Topics.all().stream().filter(TopicDef::compacted).map(TopicDef::name))
                .containsExactlyInAnyOrder(
                        Topics.RULES.name(), Topics.FEEDS.name(), Topics.FEEDS_STATE.name(), Topics.MUTES.name());
        // compact only, never delete: rules.v1 keeps every publication (one key each)
        assertThat(Topics.RULES.creationConfigs()).isEqualTo(java.util.Map.of("cleanup.policy", "compact"));
        assertThat(Topics.NEWS_RAW.creationConfigs()).containsEntry("cleanup.policy", "delete");
    }

    @Test
    void shouldNotExpireEventTimeTopicsByAge() {
        // timestamps are publish times: age-based retention would delete old news on arrival
        Topics.all().stream()
                .filter(t -> !t.compacted())
                .forEach(t -> assertThat(t.creationConfigs()).as(t.name()).containsEntry("retention.ms", "-1"));
    }

    @Test
    void shouldMatchAlertTopicsButNotTheDeliveryDeadLetters() {
        assertThat(Topics.ALERT_TOPICS
                        .matcher(Topics.alerts("defense-ai").name())
                        .matches())
                .isTrue();
        assertThat(Topics.ALERT_TOPICS.matcher(Topics.alerts("cyber").name()).matches())
                .isTrue();
        assertThat(Topics.ALERT_TOPICS.matcher(Topics.DELIVERY_DLQ.name()).matches())
                .isFalse();
        assertThat(Topics.ALERT_TOPICS.matcher(Topics.NEWS_SCORED.name()).matches())
                .isFalse();
    }

    @Test
    void shouldRejectRouteNamesThatWouldMakeOddTopicNames() {
        assertThatThrownBy(() -> Topics.alerts("Defense AI"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Defense AI");
        assertThatThrownBy(() -> Topics.alerts("a.b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.alerts(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAddOneAlertTopicPerRoute() {
        assertThat(Topics.withRoutes(List.of("a", "b")).stream().map(TopicDef::name))
                .contains("alerts.a.v1", "alerts.b.v1")
                .hasSize(Topics.fixed().size() + 2);
    }
}
