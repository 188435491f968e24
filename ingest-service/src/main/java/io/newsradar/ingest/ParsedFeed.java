package io.newsradar.ingest;

import java.util.List;

/**
 * A feed document as its format parser read it, before normalisation and before any article id
 * is derived: what the conformance test compares against other parsers' expectations, and what
 * {@link FeedReader} hands to the one {@link ArticleNormalizer}.
 *
 * @param format   the format and version found, e.g. {@code rss_2.0}, {@code atom_1.0},
 *                 {@code json_1.1} (ROME's feed-type names; {@code json_*} for JSON Feed)
 * @param title    the feed's own title as given (may be null)
 * @param link     the feed's site link, resolved against the document's URL when relative
 *                 (may be null)
 * @param language the feed-level language as declared (may be null)
 * @param items    the items in document order; links already resolved, dates already read
 */
public record ParsedFeed(String format, String title, String link, String language, List<RawArticle> items) {
    public ParsedFeed {
        items = List.copyOf(items);
    }
}
