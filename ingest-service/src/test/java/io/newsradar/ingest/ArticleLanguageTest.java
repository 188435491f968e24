package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.schemas.article.ArticleMarks;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleLanguageTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | The city council approved a new budget for public libraries after a long debate on Tuesday evening.
            de | Der Stadtrat hat nach einer langen Debatte am Dienstagabend einen neuen Haushalt für die Bibliotheken beschlossen.
            fr | Le conseil municipal a adopté mardi soir un nouveau budget pour les bibliothèques après un long débat.
            ko | 시의회는 화요일 저녁 긴 토론 끝에 공공 도서관을 위한 새 예산을 승인했다.
            ja | 市議会は火曜日の夜、長い議論の末に公立図書館の新しい予算を承認しました。
            zh-Hans | 市议会在星期二晚上经过长时间的辩论后，批准了公共图书馆的新预算。
            zh-Hant | 市議會在星期二晚上經過長時間的辯論後，批准了公共圖書館的新預算。
            """)
    void shouldDetectTheLanguageOfOneSentence(String expected, String sentence) {
        ArticleLanguage.Language language = ArticleLanguage.of(null, sentence, "");

        assertThat(language.tag()).isEqualTo(expected);
        assertThat(language.source()).isEqualTo(ArticleMarks.DETECTED);
    }

    @Test
    void shouldDetectTheCjkFixtureHeadlines() {
        CjkFixtures.TITLES.forEach((lang, titles) -> assertThat(
                        ArticleLanguage.of(null, titles.get(0), titles.get(1)).tag())
                .as(lang)
                .isEqualTo(lang));
    }

    @Test
    void shouldPreferTheDeclaredLanguageNormalisedToBcp47() {
        String korean = "시의회는 화요일 저녁 긴 토론 끝에 공공 도서관을 위한 새 예산을 승인했다.";

        assertThat(ArticleLanguage.of("en_us", korean, ""))
                .isEqualTo(new ArticleLanguage.Language("en-US", ArticleMarks.DECLARED));
        assertThat(ArticleLanguage.of("ZH-tw", korean, ""))
                .isEqualTo(new ArticleLanguage.Language("zh-TW", ArticleMarks.DECLARED));
    }

    @Test
    void shouldDetectWhenTheDeclaredLanguageIsUnusable() {
        String korean = "시의회는 화요일 저녁 긴 토론 끝에 공공 도서관을 위한 새 예산을 승인했다.";

        assertThat(ArticleLanguage.of("und", korean, "").source()).isEqualTo(ArticleMarks.DETECTED);
        assertThat(ArticleLanguage.of("not a tag!", korean, "").tag()).isEqualTo("ko");
        assertThat(ArticleLanguage.of("  ", korean, "").tag()).isEqualTo("ko");
    }

    @Test
    void shouldLeaveTooShortTextsUnknown() {
        // 27 letters, and 8 Hangul syllables (weight 24): under the threshold of 36
        assertThat(ArticleLanguage.of(null, "Budget approved for libraries", ""))
                .isEqualTo(ArticleLanguage.Language.UNKNOWN);
        assertThat(ArticleLanguage.of(null, "도서관 예산 승인했다", "")).isEqualTo(ArticleLanguage.Language.UNKNOWN);
        assertThat(ArticleLanguage.of(null, "2025-03-01 12:00 #42 ++ 1,000,000", ""))
                .isEqualTo(ArticleLanguage.Language.UNKNOWN);
    }

    @Test
    void shouldWeighCjkCharactersThreeTimesALetter() {
        assertThat(ArticleLanguage.letterWeight("abc 123")).isEqualTo(3);
        assertThat(ArticleLanguage.letterWeight("한국 東京 ひら カタ")).isEqualTo(24);
    }

    @Test
    void shouldGiveTheSameAnswersFromManyThreads() throws Exception {
        List<String> texts = List.of(
                "The city council approved a new budget for public libraries after a long debate.",
                "시의회는 화요일 저녁 긴 토론 끝에 공공 도서관을 위한 새 예산을 승인했다.",
                "市議会は火曜日の夜、長い議論の末に公立図書館の新しい予算を承認しました。");
        List<String> expected =
                texts.stream().map(t -> ArticleLanguage.of(null, t, "").tag()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<String>>> jobs = IntStream.range(0, 8)
                    .<Callable<List<String>>>mapToObj(i -> () -> texts.stream()
                            .map(t -> ArticleLanguage.of(null, t, "").tag())
                            .toList())
                    .toList();
            for (Future<List<String>> f : pool.invokeAll(jobs)) {
                assertThat(f.get()).isEqualTo(expected).containsExactly("en", "ko", "ja");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
