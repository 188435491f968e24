package io.newsradar.ingest;

import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * Turns a {@link RawArticle} from any channel into the {@link NewsArticle} published to
 * {@code news.raw.v1}: canonical URL and id, plain text title and body, defaults for missing
 * source and publish time, content hash. Thread-safe.
 */
public final class ArticleNormalizer {
    private final Clock clock;

    public ArticleNormalizer() {
        this(Clock.systemUTC());
    }

    /** With the clock that stamps {@code fetchedAt} (tests pass a fixed one). */
    public ArticleNormalizer(Clock clock) {
        this.clock = clock;
    }

    /**
     * An item without a title gets one derived from its body ({@link DerivedTitle}); an item
     * without a body keeps an empty one, which the scoring stream accepts.
     *
     * @throws InvalidArticleException with the reason, when the article has neither title nor
     *     body, has neither a URL nor a source and GUID, or has a URL that is not http(s)
     */
    public NewsArticle normalize(RawArticle raw) {
        if (raw == null) {
            throw new InvalidArticleException("no article");
        }
        Instant fetchedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        String title = HtmlText.toSingleLine(raw.title());
        String body = HtmlText.toText(raw.bodyHtmlOrText());
        if (title.isEmpty() && body.isEmpty()) {
            throw new InvalidArticleException("title and body are both empty");
        }
        if (title.isEmpty()) {
            // downstream every article needs a title (the scoring stream dead-letters one without)
            title = DerivedTitle.fromBody(body);
        }

        String guid = blankToNull(raw.guid());
        String url = null;
        String id;
        String source = blankToNull(raw.source()) == null ? null : HtmlText.toSingleLine(raw.source());
        if (raw.url() != null && !raw.url().isBlank()) {
            url = ArticleIds.canonicalUrl(raw.url());
            id = ArticleIds.idForUrl(url);
            if (source == null || source.isEmpty()) {
                source = hostOf(url);
            }
        } else {
            if (source == null || source.isEmpty() || guid == null) {
                throw new InvalidArticleException("article has no url, and no source and guid to identify it");
            }
            id = ArticleIds.idForGuid(source, guid);
        }

        return NewsArticle.newBuilder()
                .setId(id)
                .setUrl(url)
                .setGuid(guid)
                .setSource(source)
                .setTitle(title)
                .setBody(body)
                .setAuthor(blankToNull(raw.author()) == null ? null : HtmlText.toSingleLine(raw.author()))
                .setLanguage(languageTag(raw.language()))
                .setPublishedAt(publishedAt(raw.publishedAt(), fetchedAt))
                .setFetchedAt(fetchedAt)
                .setContentHash(ArticleIds.contentHash(title, body))
                .setChannel(raw.channel() == null ? IngestChannel.UNKNOWN : raw.channel())
                .setFeedUrl(blankToNull(raw.feedUrl()))
                .build();
    }

    /**
     * The publish time is the record's event time. Missing means "now". A time after the fetch
     * is a feed's time-zone or clock error; it is capped at the fetch time because recency
     * scoring would otherwise favour it, and brokers reject timestamps too far in the future
     * ({@code log.message.timestamp.after.max.ms}).
     */
    private static Instant publishedAt(Instant given, Instant fetchedAt) {
        if (given == null || given.isAfter(fetchedAt)) {
            return fetchedAt;
        }
        return given.truncatedTo(ChronoUnit.MILLIS);
    }

    private static String hostOf(String canonicalUrl) {
        String host = URI.create(canonicalUrl).getHost();
        // "www.example.com" and "example.com" are one outlet.
        return host.startsWith("www.") && host.length() > 4 ? host.substring(4) : host;
    }

    private static String languageTag(String language) {
        String lang = blankToNull(language);
        if (lang == null) {
            return null;
        }
        try {
            // Feeds write "en-us", "en_GB", "EN": normalise to BCP 47 ("en-US", "en-GB", "en").
            Locale locale =
                    new Locale.Builder().setLanguageTag(lang.replace('_', '-')).build();
            String tag = locale.toLanguageTag();
            return tag.equals("und") ? null : tag;
        } catch (IllformedLocaleException e) {
            // An unknown language is not a reason to drop an article.
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
