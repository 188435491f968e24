package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsradar.http.ProcessMeters;
import io.newsradar.ingest.poll.FeedMetrics;
import io.newsradar.ingest.poll.HttpFeedPoll;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerting rules of the compose stack name metrics the services really export: every
 * {@code newsradar_*} name in an expression appears in a Prometheus scrape of the registry the
 * ingest service serves on /metrics, after the feed poller has polled a good and a missing feed.
 */
class PrometheusRulesMetricsTest {
    /** Series Prometheus makes itself for every target. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private static final Pattern NEWSRADAR_METRIC = Pattern.compile("\\bnewsradar_[a-z0-9_]+\\b");

    @TempDir
    Path dir;

    @Test
    void shouldNameOnlyMetricsTheIngestServiceExports() throws Exception {
        Set<String> used = metricNamesInRules();
        Set<String> exported = scrapedNames(ingestScrapeAfterPolls());

        assertThat(used).isNotEmpty().allSatisfy(name -> assertThat(exported).contains(name));
        // the stale-feed rule is there, over the gauge the poller keeps
        assertThat(used).contains("newsradar_feed_last_success_timestamp_seconds");
    }

    @Test
    void shouldAlertOnlyOnServicesThatServeMetricsToday() throws IOException {
        // scoring and sink have no /metrics yet: a rule on their targets would fire from the start
        assertThat(expressions())
                .filteredOn(e -> e.contains("up{"))
                .allSatisfy(e -> assertThat(e).contains("job=\"newsradar-ingest\""));
        assertThat(expressions().stream().flatMap(PrometheusRulesMetricsTest::identifiers))
                .filteredOn(PROMETHEUS_OWN::contains)
                .isNotEmpty();
    }

    private String ingestScrapeAfterPolls() throws InterruptedException, IOException {
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

    private static FeedRecord feed(String id, Path file) {
        return new FeedRecord(id, file.toString(), "test", Duration.ofMinutes(5), 0, List.of(), "", "");
    }

    /** The metric names of a scrape: every sample line's name. */
    private static Set<String> scrapedNames(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }

    private static Set<String> metricNamesInRules() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String expr : expressions()) {
            Matcher m = NEWSRADAR_METRIC.matcher(expr);
            while (m.find()) {
                names.add(m.group());
            }
        }
        return names;
    }

    private static List<String> expressions() throws IOException {
        try (Stream<Path> files = Files.list(ComposeStack.RULES_DIR)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".rules.yml"))
                    .sorted()
                    .map(ComposeStack::readYaml)
                    .flatMap(doc -> stream(doc.path("groups")))
                    .flatMap(group -> stream(group.path("rules")))
                    .map(rule -> rule.path("expr").asText())
                    .toList();
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static Stream<String> identifiers(String expr) {
        return Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*").matcher(expr).results().map(r -> r.group());
    }
}
