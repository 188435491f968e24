package io.newsradar.bench;

import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.ingest.ArticleNormalizer;
import io.newsradar.ingest.RawArticle;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per article of the ingest normaliser (HTML to text, canonical URL and id, content hash,
 * v2 metadata), through its public API. With {@code language=declared} every article names its
 * language; with {@code language=detected} none does, so the difference between the two is the
 * cost of language detection per article. The articles are one short news item each in English,
 * Korean, Japanese and Chinese (a headline and a three-sentence body), taken round robin: one
 * operation is one article.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class NormalizeBenchmark {
    @Param({"declared", "detected"})
    public String language;

    private static final String[][] ITEMS = {
        {
            "en",
            "City council approves new budget for public libraries",
            "<p>The city council approved a new budget for public libraries after a long debate on Tuesday"
                    + " evening.</p><p>Opening hours will be extended on weekends. The mayor said the plan would"
                    + " be reviewed next year.</p>"
        },
        {
            "ko",
            "시의회, 공공 도서관 새 예산 승인",
            "<p>시의회는 화요일 저녁 긴 토론 끝에 공공 도서관을 위한 새 예산을 승인했다.</p><p>주말 개관 시간이" + " 늘어난다. 시장은 내년에 계획을 다시 검토하겠다고 말했다.</p>"
        },
        {
            "ja",
            "市議会、公立図書館の新予算を承認",
            "<p>市議会は火曜日の夜、長い議論の末に公立図書館の新しい予算を承認しました。</p><p>週末の開館時間が" + "延長されます。市長は来年計画を見直すと述べました。</p>"
        },
        {"zh-CN", "市议会批准公共图书馆新预算", "<p>市议会在星期二晚上经过长时间的辩论后，批准了公共图书馆的新预算。</p><p>周末的开放时间将会延长。" + "市长表示明年将重新审查该计划。</p>"},
    };

    private final ArticleNormalizer normalizer = new ArticleNormalizer();
    private List<RawArticle> articles;
    private int next;

    @Setup
    public void setUp() {
        boolean declared = language.equals("declared");
        Instant published = Instant.parse("2025-03-01T08:00:00Z");
        articles = java.util.Arrays.stream(ITEMS)
                .map(item -> new RawArticle(
                        "https://news.example/" + item[0] + "/1",
                        null,
                        "Example News",
                        item[1],
                        item[2],
                        null,
                        declared ? item[0] : null,
                        published,
                        null,
                        IngestChannel.FEED))
                .toList();
        // the first detection loads the profiles: not part of any measured iteration
        normalizer.normalize(articles.get(0));
    }

    @Benchmark
    public NewsArticle normalize() {
        RawArticle raw = articles.get(next);
        next = (next + 1) % articles.size();
        return normalizer.normalize(raw);
    }
}
