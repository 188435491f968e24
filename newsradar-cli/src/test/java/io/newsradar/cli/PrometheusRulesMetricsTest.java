package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsradar.http.ProcessMeters;
import io.newsradar.ingest.poll.FeedMetrics;
import io.newsradar.ingest.poll.HttpFeedPoll;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerting rules of the compose stack: each is complete enough for an operator (a
 * {@code for:}, a severity, a summary and a description), the service-down rule watches every
 * scrape job, the metric-name tokenizer finds what it should, and the feed rules name metrics the
 * ingest service's registry exports after real polls. (Every name of every rule and panel
 * against the running services: MonitoringMetricNamesIntegrationTest.)
 */
class PrometheusRulesMetricsTest {
    private static final Set<String> SEVERITIES = Set.of("warning", "critical");

    @TempDir
    Path dir;

    @Test
    void shouldGiveEveryRuleAHoldTimeASeverityASummaryAndADescription() {
        List<JsonNode> rules = MonitoringQueries.rules();

        assertThat(rules).hasSizeGreaterThanOrEqualTo(10);
        assertThat(rules).allSatisfy(rule -> {
            String name = rule.path("alert").asText();
            assertThat(name).as("every rule is an alert").startsWith("Newsradar");
            assertThat(rule.path("for").asText()).as("for: of %s", name).matches("[0-9]+[smh]");
            assertThat(rule.path("labels").path("severity").asText())
                    .as("severity of %s", name)
                    .isIn(SEVERITIES);
            assertThat(rule.path("annotations").path("summary").asText())
                    .as("summary of %s", name)
                    .isNotBlank();
            assertThat(rule.path("annotations").path("description").asText())
                    .as("description of %s", name)
                    .hasSizeGreaterThan(40);
        });
        assertThat(MonitoringQueries.ruleExpressions())
                .containsKeys(
                        "NewsradarFeedStale",
                        "NewsradarConsumerLagGrowing",
                        "NewsradarScoringDeadLettering",
                        "NewsradarSinkDeadLettering",
                        "NewsradarAlertsNotDelivered",
                        "NewsradarServiceDown");
    }

    @Test
    void shouldWatchEveryScrapeJobForBeingDown() {
        String expr = MonitoringQueries.ruleExpressions().get("NewsradarServiceDown");
        Matcher jobs = Pattern.compile("up\\{job=~\"([^\"]+)\"}").matcher(expr);

        assertThat(jobs.find()).as(expr).isTrue();
        Pattern watched = Pattern.compile(jobs.group(1));
        assertThat(ComposeStack.scrapeTargets().keySet())
                .containsExactlyInAnyOrder("newsradar-ingest", "newsradar-scoring", "newsradar-sink")
                .allSatisfy(job -> assertThat(watched.matcher(job).matches())
                        .as("job %s", job)
                        .isTrue());
    }

    @Test
    void shouldFindTheMetricNamesOfAnExpression() {
        assertThat(
                        PromQlNames.of(
                                "sum by (job, instance) (increase(newsradar_a_total{job=~\"x|y\", client_id!~\".*c\"}[15m])) > 5"))
                .containsExactly("newsradar_a_total");
        assertThat(PromQlNames.of(
                        "sum(increase(a_total[30m])) > 0 unless on () sum(b_total{outcome=\"delivered\"}) > 0"))
                .containsExactly("a_total", "b_total");
        assertThat(PromQlNames.of("deriv(sum by (job) (lag{client_id!~\"a(b)\"})[15m:1m]) > 0 and lag offset 5m"))
                .containsExactly("lag");
        assertThat(PromQlNames.of("time() - ts and ts > 0")).containsExactly("ts");
        assertThat(PromQlNames.of(
                        "histogram_quantile(0.95, sum(rate(x_bucket[$__rate_interval])) by (le)) * 1e3 / max(y_max)"))
                .containsExactly("x_bucket", "y_max");
        assertThat(PromQlNames.of("label_replace(v, \"dst\", \"$1\", \"src\", \"(.*)\") or vector(0)"))
                .containsExactly("v");
        assertThat(PromQlNames.of("max without (instance) (m) / ignoring (route) group_left (feed) n"))
                .containsExactly("m", "n");
    }

    @Test
    void shouldNameInTheFeedRulesOnlyMetricsTheIngestServiceExports() throws Exception {
        Set<String> exported = MonitoringQueries.scrapedNames(ingestScrapeAfterPolls());
        List<String> feedRules = List.of("NewsradarFeedStale", "NewsradarFeedNeverFetched", "NewsradarFeedFailing");

        assertThat(feedRules)
                .allSatisfy(rule -> assertThat(PromQlNames.of(
                                MonitoringQueries.ruleExpressions().get(rule)))
                        .as("metrics of %s", rule)
                        .isNotEmpty()
                        .allSatisfy(name -> assertThat(exported).contains(name)));
        assertThat(PromQlNames.of(MonitoringQueries.ruleExpressions().get("NewsradarFeedStale")))
                .contains("newsradar_feed_last_success_timestamp_seconds");
    }

    private String ingestScrapeAfterPolls() throws InterruptedException {
        PrometheusMeterRegistry registry = ProcessMeters.newRegistry();
        FeedMetrics metrics = new FeedMetrics(registry);
        HttpFeedPoll poll = HttpFeedPoll.from(NewsradarConfig.defaults(), metrics);
        Instant now = Instant.now();
        Path good = ComposeStack.ROOT
                .resolve("config/samples/feeds/harbor-city-ledger.rss.xml")
                .toAbsolutePath()
                .normalize();
        poll.poll(feed("good", good), Optional.empty(), now);
        poll.poll(feed("missing", dir.resolve("gone.xml")), Optional.empty(), now);
        metrics.published("good", 1);
        return registry.scrape();
    }

    static FeedRecord feed(String id, Path file) {
        return new FeedRecord(id, file.toString(), "test", Duration.ofMinutes(5), 0, List.of(), "", "");
    }
}
