package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsradar.schemas.article.ArticleMarks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A measurement, not part of the build (tag "eval", run with {@code -Dgroups=eval}): language
 * detection on the English news headlines in {@code <repo root>/../shared/eval/news}, read in place
 * (the data is not in the repository). Every headline there is English, so the accuracy is the
 * share detected as "en" of those detected at all, and the coverage the share detected at all.
 * Also a rough cost per article (a plain timing loop after warm-up; the numbers go to the log and
 * are never asserted).
 */
@Tag("eval")
class ArticleLanguageEvalTest {
    private static final Logger log = LoggerFactory.getLogger(ArticleLanguageEvalTest.class);

    static Path evalNews() {
        Path repoRoot = Path.of("").toAbsolutePath().getParent();
        return repoRoot.getParent().resolve("shared/eval/news");
    }

    @Test
    void shouldMeasureDetectionOnRealEnglishHeadlines() throws IOException {
        Path dir = evalNews();
        Path fwd = dir.resolve("fwd_news_headlines_sample2000.json");
        Path agnews = dir.resolve("agnews_test_sample5000.jsonl");
        assumeTrue(Files.isRegularFile(fwd) && Files.isRegularFile(agnews), "eval news not present at " + dir);
        ObjectMapper mapper = new ObjectMapper();
        loadCost();

        List<String[]> fwdItems = new ArrayList<>();
        for (JsonNode n : mapper.readTree(fwd.toFile())) {
            fwdItems.add(new String[] {n.path("title").asText(""), ""});
        }
        List<String[]> agItems = new ArrayList<>();
        for (String line : Files.readAllLines(agnews)) {
            if (!line.isBlank()) {
                JsonNode n = mapper.readTree(line);
                agItems.add(new String[] {
                    n.path("title").asText(""), n.path("description").asText("").replace("\\", " ")
                });
            }
        }
        report("fwd headlines (title only)", fwdItems, false);
        report("agnews (title only)", agItems, false);
        report("agnews (title + description)", agItems, true);
        for (int weight : new int[] {24, 36, 48, 60, 80}) {
            for (double p : new double[] {0.9, 0.99, 0.999}) {
                grid(weight, p, agItems);
            }
        }
        timing(agItems);
        assertThat(fwdItems).isNotEmpty();
    }

    private static void report(String name, List<String[]> items, boolean withBody) {
        Map<String, Integer> detected = new TreeMap<>();
        int unknown = 0;
        for (String[] item : items) {
            ArticleLanguage.Language l = ArticleLanguage.of(null, item[0], withBody ? item[1] : "");
            if (l.source().equals(ArticleMarks.UNKNOWN)) {
                unknown++;
            } else {
                detected.merge(l.tag(), 1, Integer::sum);
            }
        }
        int total = items.size();
        int answered = total - unknown;
        int en = detected.getOrDefault("en", 0);
        log.info(
                "{}: {} items, {} detected ({}%), {} UNKNOWN; en {} of {} detected = {}% accuracy; answers {}",
                name,
                total,
                answered,
                percent(answered, total),
                unknown,
                en,
                answered,
                percent(en, answered),
                detected);
    }

    /** Time and heap the first use costs (the detector loads then), roughly: one GC'd sample. */
    private static void loadCost() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long start = System.nanoTime();
        ArticleLanguage.detect("The city council approved a new budget for the libraries on Tuesday.");
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        log.info("first detection (loads the profiles): {} ms, heap +{} MB", millis, (after - before) >> 20);
    }

    private static void grid(int minWeight, double minProbability, List<String[]> items) {
        int answered = 0;
        int en = 0;
        for (String[] item : items) {
            ArticleLanguage.Language l = ArticleLanguage.detect(item[0], minWeight, minProbability);
            if (l.tag() != null) {
                answered++;
                en += l.tag().equals("en") ? 1 : 0;
            }
        }
        log.info(
                "agnews titles, weight >= {}, probability >= {}: coverage {}%, accuracy {}% ({} wrong)",
                minWeight, minProbability, percent(answered, items.size()), percent(en, answered), answered - en);
    }

    private static void timing(List<String[]> items) {
        long sink = 0;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (String[] item : items) {
                sink += ArticleLanguage.of(null, item[0], item[1]).source().length();
            }
            long perItem = (System.nanoTime() - start) / items.size();
            log.info(
                    "round {}: {} us per article (title + description), {} articles",
                    round,
                    perItem / 1000.0,
                    items.size());
        }
        long start = System.nanoTime();
        String cjk = String.join(" ", CjkFixtures.TITLES.get("ko"));
        for (int i = 0; i < 2000; i++) {
            sink += ArticleLanguage.detect(cjk).source().length();
        }
        log.info(
                "Korean headline pair: {} us per detection (sink {})",
                (System.nanoTime() - start) / 2000 / 1000.0,
                sink);
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f", 100.0 * part / whole);
    }
}
