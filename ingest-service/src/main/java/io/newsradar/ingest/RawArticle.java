package io.newsradar.ingest;

import io.newsradar.avro.IngestChannel;
import java.time.Instant;
import java.util.List;

/**
 * An article as an input channel delivered it, before normalisation. Every field may be null or
 * blank; {@link ArticleNormalizer} decides what is acceptable.
 *
 * @param url             link to the article, as given (canonicalised later)
 * @param guid            feed item GUID / Atom id, when there is one
 * @param source          outlet name; the URL host is used when absent
 * @param title           title, plain text or HTML
 * @param bodyHtmlOrText  body, summary or content, plain text or HTML
 * @param author          author name(s)
 * @param language        language tag (BCP 47) declared by the source, when it declares one
 * @param publishedAt     publish time; the fetch time is used when null
 * @param feedUrl         the feed the article came from, when it came from a feed
 * @param channel         how the article entered the system
 * @param categories      the item's own categories as given, possibly empty (null: none)
 * @param bodyKind        {@code ArticleMarks.FULL_TEXT} or {@code SUMMARY} when the source makes it
 *                        clear which the body is; null or {@code UNKNOWN} otherwise
 * @param feedId          the listed feed's stable id, when the article came from a listed feed
 */
public record RawArticle(
        String url,
        String guid,
        String source,
        String title,
        String bodyHtmlOrText,
        String author,
        String language,
        Instant publishedAt,
        String feedUrl,
        IngestChannel channel,
        List<String> categories,
        String bodyKind,
        String feedId) {

    public RawArticle {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** An article without categories, body kind or feed id (files, pushes, older call sites). */
    public RawArticle(
            String url,
            String guid,
            String source,
            String title,
            String bodyHtmlOrText,
            String author,
            String language,
            Instant publishedAt,
            String feedUrl,
            IngestChannel channel) {
        this(
                url,
                guid,
                source,
                title,
                bodyHtmlOrText,
                author,
                language,
                publishedAt,
                feedUrl,
                channel,
                List.of(),
                null,
                null);
    }
}
