package io.newsradar.ingest;

import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.limits.ArticleLimits;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link RawArticle} from any channel into the {@link NewsArticle} published to
 * {@code news.raw.v1}: canonical URL and id, plain text title and body, defaults for missing
 * source and publish time, content hash, and the v2 metadata: feed id, categories, body kind,
 * language and where it came from ({@link ArticleLanguage}), publish-time status ({@link
 * ArticleMarkers}). It never sets {@code alertHold}: holding alerts back is the poller's decision
 * (first poll, age gate). Thread-safe.
 *
 * <p>The content hash covers the normalised title and body only, so a change of categories,
 * language or body kind alone is not a new revision.
 */
public final class ArticleNormalizer {
    private final Clock clock;

    public ArticleNormalizer() {
        this(Clock.systemUTC());
    }

    /**
     * Loads the language detector's profiles now (about 3 s and 70 MB once per process) rather
     * than on the first article a service normalises, which would otherwise wait for it.
     */
    public static void warmUp() {
        ArticleLanguage.detect("newsradar loads its language profiles before the first article arrives");
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
     *     body, has neither a URL nor a source and GUID, has a URL that is not http(s), or has a
     *     field over its size limit that is not cut to fit (see {@link #normalizeWithNotes})
     */
    public NewsArticle normalize(RawArticle raw) {
        return normalizeWithNotes(raw).article();
    }

    /**
     * As {@link #normalize}, with a note for each change the supplier should hear about.
     *
     * <p>Size limits ({@link ArticleLimits}, the ones the scoring stream validates): a body over
     * its limit is cut at a word boundary under it, because a long article's first 256 KiB are
     * worth scoring; an author list over its limit is cut the same way and a feed URL or language
     * over it is dropped, all being optional metadata. A title, URL, GUID or source over the limit is
     * rejected: no real one is that long, and cutting a URL or GUID would change the article's
     * identity.
     */
    public NormalizedArticle normalizeWithNotes(RawArticle raw) {
        if (raw == null) {
            throw new InvalidArticleException("no article");
        }
        List<String> notes = new ArrayList<>();
        Instant fetchedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        // HtmlText drops the bidi controls that could reorder a printed line (BidiControls)
        String title = HtmlText.toSingleLine(raw.title());
        String body = HtmlText.toText(raw.bodyHtmlOrText());
        if (title.isEmpty() && body.isEmpty()) {
            throw new InvalidArticleException("title and body are both empty");
        }
        if (title.isEmpty()) {
            // downstream every article needs a title (the scoring stream dead-letters one without)
            title = BidiControls.line(DerivedTitle.fromBody(body));
        }
        requireWithinLimit("title", title);
        body = capped("body", body, ArticleLimits.MAX_BODY_BYTES, notes);

        String guid = blankToNull(raw.guid());
        requireWithinLimit("guid", guid);
        String url = null;
        String id;
        String source = singleLine(raw.source());
        requireWithinLimit("source", source);
        if (raw.url() != null && !raw.url().isBlank()) {
            url = ArticleIds.canonicalUrl(raw.url());
            requireWithinLimit("url", url);
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
        String author = singleLine(raw.author());
        author = author == null ? null : capped("author", author, ArticleLimits.MAX_FIELD_BYTES, notes);
        String feedUrl = blankToNull(raw.feedUrl());
        if (ArticleLimits.utf8Length(feedUrl) > ArticleLimits.MAX_FIELD_BYTES) {
            notes.add("feedUrl is " + ArticleLimits.utf8Length(feedUrl) + " bytes of UTF-8, over the "
                    + ArticleLimits.MAX_FIELD_BYTES + "-byte limit: left out of the article");
            feedUrl = null;
        }

        String feedId = blankToNull(raw.feedId());
        if (ArticleLimits.utf8Length(feedId) > ArticleLimits.MAX_FIELD_BYTES) {
            notes.add("feedId is " + ArticleLimits.utf8Length(feedId) + " bytes of UTF-8, over the "
                    + ArticleLimits.MAX_FIELD_BYTES + "-byte limit: left out of the article");
            feedId = null;
        }

        ArticleLanguage.Language language = ArticleLanguage.of(raw.language(), title, body);
        if (ArticleLimits.utf8Length(language.tag()) > ArticleLimits.MAX_FIELD_BYTES) {
            notes.add("language is " + ArticleLimits.utf8Length(language.tag()) + " bytes of UTF-8, over the "
                    + ArticleLimits.MAX_FIELD_BYTES + "-byte limit: left out of the article");
            language = ArticleLanguage.Language.UNKNOWN;
        }

        NewsArticle article = NewsArticle.newBuilder()
                .setId(id)
                .setUrl(url)
                .setGuid(guid)
                .setSource(source)
                .setTitle(title)
                .setBody(body)
                .setAuthor(author)
                .setLanguage(language.tag())
                .setLanguageSource(language.source())
                .setPublishedAt(publishedAt(raw.publishedAt(), fetchedAt))
                .setPublishedAtStatus(ArticleMarkers.publishedAtStatus(raw.publishedAt(), fetchedAt))
                .setFetchedAt(fetchedAt)
                .setContentHash(ArticleIds.contentHash(title, body))
                .setChannel(raw.channel() == null ? IngestChannel.UNKNOWN : raw.channel())
                .setFeedUrl(feedUrl)
                .setFeedId(feedId)
                .setCategories(ArticleMarkers.categories(raw.categories(), notes))
                .setBodyKind(ArticleMarkers.bodyKind(raw.bodyKind(), body))
                .build();
        // every field was handled above; this guards the ones a later change might add
        ArticleLimits.violation(article).ifPresent(v -> {
            throw new InvalidArticleException(v);
        });
        return new NormalizedArticle(article, notes);
    }

    private static void requireWithinLimit(String field, String value) {
        long bytes = ArticleLimits.utf8Length(value);
        if (bytes > ArticleLimits.MAX_FIELD_BYTES) {
            throw new InvalidArticleException(field + " is " + bytes + " bytes of UTF-8, over the "
                    + ArticleLimits.MAX_FIELD_BYTES + "-byte limit for that field");
        }
    }

    /** The text cut to {@code maxBytes} at a word boundary, with a note when it was cut. */
    private static String capped(String field, String text, int maxBytes, List<String> notes) {
        String cut = SizeCap.cut(text, maxBytes);
        if (cut.length() < text.length()) {
            long before = ArticleLimits.utf8Length(text);
            notes.add(field + " is " + before + " bytes of UTF-8, over the " + maxBytes
                    + "-byte limit: truncated to its first " + ArticleLimits.utf8Length(cut)
                    + " bytes (cut between words where there is a space near the limit)");
        }
        return cut;
    }

    /** A metadata field on one line (without bidi controls); null when blank. */
    private static String singleLine(String s) {
        if (blankToNull(s) == null) {
            return null;
        }
        String line = HtmlText.toSingleLine(s);
        return line.isEmpty() ? null : line;
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
        // not java.net.URI: it has no host for a name with '_'
        String host = CanonicalUrl.parse(canonicalUrl).host();
        // "www.example.com" and "example.com" are one outlet.
        return host.startsWith("www.") && host.length() > 4 ? host.substring(4) : host;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
