package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.stories.StorySettings;
import io.newsradar.scoring.stories.StoryStages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the story stages write to their repartition topics per article, under the default story
 * settings: the band fan-out's cost, printed for the docs and bounded here.
 */
class BandFanOutCostTest {
    @TempDir
    Path stateDir;

    @Test
    void eachArticleIsOneRecordPerBandOnTheBandAndVoteTopicsAndOneOnTheStoriesTopic() {
        Properties props = ScoringApp.streamsProperties(NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, "unused:9092")
                .with(NewsradarConfig.STATE_DIR, stateDir.toString()));
        String appId = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        List<NewsArticle> articles = new ArrayList<>(Syndication.copies());
        articles.addAll(Syndication.unrelated());
        int bands = StorySettings.defaults().bands();
        long rawBytes = articles.stream()
                .mapToLong(a -> AvroSerdes.newsArticle().encode(a).length)
                .sum();
        try (TopologyTestDriver d = new TopologyTestDriver(
                ScoringTopology.build(ScoringEngine.of(ScoringRules.defaults()), new ScoringCounters()), props)) {
            TestInputTopic<String, NewsArticle> in = d.createInputTopic(
                    Topics.NEWS_RAW.name(),
                    Topics.NEWS_RAW.keySerde().serializer(),
                    Topics.NEWS_RAW.valueSerde().serializer());
            articles.forEach(a -> in.pipeInput(a.getId(), a, a.getPublishedAt()));

            StringBuilder report = new StringBuilder(String.format(
                    Locale.ROOT,
                    "%d articles, %d raw bytes per article (Avro); %d bands:%n",
                    articles.size(),
                    rawBytes / articles.size(),
                    bands));
            int[] expectedPerArticle = {bands, bands, 1};
            String[] names = {
                StoryStages.BANDS_REPARTITION, StoryStages.VOTES_REPARTITION, StoryStages.STORIES_REPARTITION
            };
            for (int i = 0; i < names.length; i++) {
                List<TestRecord<byte[], byte[]>> records = d.createOutputTopic(
                                appId + "-" + names[i] + "-repartition",
                                new ByteArrayDeserializer(),
                                new ByteArrayDeserializer())
                        .readRecordsToList();
                long bytes = records.stream()
                        .mapToLong(r -> r.key().length + r.value().length)
                        .sum();
                report.append(String.format(
                        Locale.ROOT,
                        "  %-14s %3d records/article, %6d bytes/article (key+value)%n",
                        names[i],
                        records.size() / articles.size(),
                        bytes / articles.size()));
                assertThat(records).as(names[i]).hasSize(expectedPerArticle[i] * articles.size());
            }
            // and what the story stores write to their changelogs (repartition plus changelog
            // bytes are the exactly-once write cost of a story)
            for (String store : List.of(
                    StoryStages.BAND_INDEX_STORE,
                    StoryStages.PENDING_VOTES_STORE,
                    StoryStages.PENDING_PROVISIONAL_STORE,
                    StoryStages.ARTICLE_STORIES_STORE,
                    "stories")) {
                List<TestRecord<byte[], byte[]>> records = d.createOutputTopic(
                                appId + "-" + store + "-changelog",
                                new ByteArrayDeserializer(),
                                new ByteArrayDeserializer())
                        .readRecordsToList();
                long bytes = records.stream()
                        .mapToLong(r -> r.key().length + (r.value() == null ? 0 : r.value().length))
                        .sum();
                report.append(String.format(
                        Locale.ROOT,
                        "  %-20s changelog %3d records/article, %6d bytes/article%n",
                        store,
                        records.size() / articles.size(),
                        bytes / articles.size()));
            }
            System.out.print(report);
        }
    }
}
