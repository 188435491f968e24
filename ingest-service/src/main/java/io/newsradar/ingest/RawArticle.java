package io.newsradar.ingest;

import io.newsradar.avro.IngestChannel;
import java.time.Instant;

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
 * @param language        language tag (BCP 47), when known
 * @param publishedAt     publish time; the fetch time is used when null
 * @param feedUrl         the feed the article came from, when it came from a feed
 * @param channel         how the article entered the system
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
        IngestChannel channel) {}
