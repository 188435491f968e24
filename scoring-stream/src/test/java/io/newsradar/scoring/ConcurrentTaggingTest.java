package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.NewsArticle;
import io.newsradar.scoring.rules.MonitorTagger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One tagger shared by several threads, as stream threads share an engine, finds what one thread finds. */
class ConcurrentTaggingTest {

    @Test
    void shouldTagTheSameFromManyThreads() throws Exception {
        List<NewsArticle> samples = Articles.samples();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (MonitorTagger tagger = new MonitorTagger(ScoringRules.defaults().taxonomy())) {
            List<List<TagMatch>> expected = samples.stream().map(tagger::tag).toList();
            List<Callable<Boolean>> jobs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                jobs.add(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < samples.size(); i++) {
                            if (!tagger.tag(samples.get(i)).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> f : pool.invokeAll(jobs, 60, TimeUnit.SECONDS)) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
