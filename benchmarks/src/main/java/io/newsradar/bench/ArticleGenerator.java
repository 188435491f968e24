package io.newsradar.bench;

import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Articles of realistic lengths made of {@link WordLists} words with a fixed seed: the same text
 * on every run and every machine. Half of them are on topic (defense, AI, places, amounts: the
 * scorer's pairs, specificity and key points do real work), half are background news that the
 * default taxonomy mostly ignores.
 */
final class ArticleGenerator {
    /** The made-up names both articles and generated rules draw from (see {@link RulesetGenerator}). */
    static final List<String> NAMES = WordLists.madeUpWords(20_000, 7L);

    private static final Instant PUBLISHED = Instant.parse("2026-06-01T08:00:00Z");

    private final Random random;

    ArticleGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} articles whose bodies have about {@code words} words each. */
    List<NewsArticle> articles(int count, int words, String label) {
        List<NewsArticle> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean onTopic = i % 2 == 0;
            String title = sentence(8 + random.nextInt(6), onTopic, false);
            title = title.substring(0, title.length() - 1);
            String body = body(words, onTopic);
            Instant published = PUBLISHED.plus(Duration.ofMinutes(17L * i));
            out.add(NewsArticle.newBuilder()
                    .setId(label + "-" + i)
                    .setSource("Generated Wire")
                    .setTitle(title)
                    .setBody(body)
                    .setLanguage("en")
                    .setPublishedAt(published)
                    .setFetchedAt(published.plus(Duration.ofMinutes(3)))
                    .setContentHash(SampleArticles.sha256(title + "\n" + body))
                    .setChannel(IngestChannel.FEED)
                    .build());
        }
        return out;
    }

    private String body(int words, boolean onTopic) {
        StringBuilder body = new StringBuilder();
        int written = 0;
        int inParagraph = 0;
        while (written < words) {
            int length = Math.min(words - written, 8 + random.nextInt(15));
            length = Math.max(length, 3);
            body.append(sentence(length, onTopic, true));
            written += length;
            // wire copy has short paragraphs: a blank line every three or four sentences
            if (++inParagraph >= 3 + random.nextInt(2)) {
                body.append("\n\n");
                inParagraph = 0;
            } else {
                body.append(' ');
            }
        }
        return body.toString().strip();
    }

    /** One sentence of about {@code length} words, capitalised, ending with a full stop. */
    private String sentence(int length, boolean onTopic, boolean mayCarryFact) {
        double domainShare = onTopic ? 0.08 : 0.01;
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < length; w++) {
            double roll = random.nextDouble();
            String word;
            if (roll < domainShare) {
                word = WordLists.DOMAIN.get(random.nextInt(WordLists.DOMAIN.size()));
            } else if (roll < domainShare + 0.06) {
                word = capitalised(name());
            } else {
                word = WordLists.COMMON.get(random.nextInt(WordLists.COMMON.size()));
            }
            if (w > 0) {
                s.append(' ');
            }
            s.append(w == 0 ? capitalised(word) : word);
        }
        if (mayCarryFact && onTopic && random.nextDouble() < 0.15) {
            s.append(' ').append(WordLists.FACTS.get(random.nextInt(WordLists.FACTS.size())));
        }
        return s.append('.').toString();
    }

    /** A made-up name, the first few hundred far more often than the rest (as names in news are). */
    private String name() {
        double skew = random.nextDouble();
        return NAMES.get((int) (skew * skew * skew * NAMES.size()));
    }

    private static String capitalised(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
