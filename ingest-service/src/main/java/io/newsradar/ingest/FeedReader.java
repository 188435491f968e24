package io.newsradar.ingest;

import io.newsradar.avro.NewsArticle;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a feed from an http(s) URL, a local file or bytes in memory, whatever its format (RSS
 * 0.9x/1.0/2.0, RDF, Atom 0.3/1.0 through {@link XmlFeedParser}, JSON Feed 1.0/1.1 through
 * {@link JsonFeedReader}), and normalises each item into a {@link NewsArticle} (channel FEED)
 * with the one {@link ArticleNormalizer}. A bad item is reported with the feed and item index
 * and the other items are still read; a feed that cannot be read at all raises
 * {@link FeedReadException} with the reason (too large, empty, an HTML page, garbage, invalid
 * XML or JSON, an entity-expansion attack, no feed).
 *
 * <p>Security: DOCTYPEs are allowed (old RSS 0.91 feeds declare one) on a parser that resolves
 * no external entity or DTD and bounds entity expansion; see {@link XmlFeedParser}.
 */
public final class FeedReader {
    private static final Logger log = LoggerFactory.getLogger(FeedReader.class);

    /**
     * Limits for fetching a feed.
     *
     * @param connectTimeout  TCP/TLS connect
     * @param requestTimeout  until response headers arrive; the whole download gets twice this
     * @param maxBytes        largest feed document accepted (over HTTP or from a file)
     * @param userAgent       sent with every request; some outlets refuse requests without one
     */
    public record Options(Duration connectTimeout, Duration requestTimeout, long maxBytes, String userAgent) {
        public Options {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            Objects.requireNonNull(userAgent, "userAgent");
            if (maxBytes <= 0) {
                throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
            }
        }

        public static Options defaults() {
            return new Options(
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(20),
                    10L * 1024 * 1024,
                    "newsradar-ingest/0.1 (+https://example.org/newsradar)");
        }

        public Options withMaxBytes(long bytes) {
            return new Options(connectTimeout, requestTimeout, bytes, userAgent);
        }
    }

    private final ArticleNormalizer normalizer;
    private final Options options;
    private final FeedFetcher fetcher;

    public FeedReader(ArticleNormalizer normalizer) {
        this(normalizer, Options.defaults());
    }

    public FeedReader(ArticleNormalizer normalizer, Options options) {
        this(normalizer, new FeedFetcher(options));
    }

    /** Reading URLs through the given fetcher (a service shares its one HTTP client this way). */
    public FeedReader(ArticleNormalizer normalizer, FeedFetcher fetcher) {
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.options = fetcher.options();
    }

    /** A document as loaded: its bytes, how it was labelled, its name, and its base for links. */
    private record Source(byte[] bytes, String contentType, String feedUrl, URI base) {}

    /** An {@code http://} or {@code https://} URL is fetched; anything else is a local path. */
    public ArticleReadResult read(String urlOrPath) throws FeedReadException {
        Source source = load(urlOrPath);
        return parse(source.bytes(), source.contentType(), source.feedUrl(), source.base());
    }

    /**
     * Fetches and parses a feed. Articles and errors name the feed by the URL asked for (how its
     * owner configured it); relative links resolve against the URL it was found at after
     * redirects, the document's real base.
     */
    public ArticleReadResult readUrl(URI uri) throws FeedReadException {
        Source source = fetch(uri);
        return parse(source.bytes(), source.contentType(), source.feedUrl(), source.base());
    }

    public ArticleReadResult readFile(Path file) throws FeedReadException {
        Source source = loadFile(file);
        return parse(source.bytes(), null, source.feedUrl());
    }

    private Source load(String urlOrPath) throws FeedReadException {
        if (urlOrPath == null || urlOrPath.isBlank()) {
            throw new FeedReadException("no feed URL or path given");
        }
        String s = urlOrPath.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            URI uri;
            try {
                uri = URI.create(s);
            } catch (IllegalArgumentException e) {
                throw new FeedReadException("feed URL is not valid: '" + s + "'", e);
            }
            return fetch(uri);
        }
        try {
            return loadFile(lower.startsWith("file:") ? Path.of(URI.create(s)) : Path.of(s));
        } catch (IllegalArgumentException e) {
            throw new FeedReadException("feed path is not valid: '" + s + "'", e);
        }
    }

    private Source fetch(URI uri) throws FeedReadException {
        FeedFetcher.Fetched fetched = fetcher.fetch(uri);
        return new Source(fetched.body(), fetched.contentType(), uri.toString(), fetched.finalUri());
    }

    private Source loadFile(Path file) throws FeedReadException {
        String name = file.toAbsolutePath().normalize().toUri().toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new FeedReadException("feed file not found: " + file.toAbsolutePath());
            }
            if (Files.size(file) > options.maxBytes()) {
                throw new FeedReadException(
                        "feed " + name + ": larger than the limit of " + options.maxBytes() + " bytes");
            }
            return new Source(Files.readAllBytes(file), null, name, null);
        } catch (IOException e) {
            throw new FeedReadException("feed " + name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Parses a feed document already in memory (the poller, the push API and tests use this).
     *
     * @param contentType the HTTP Content-Type, or null; with the BOM and the XML declaration it
     *     decides the charset ({@link FeedCharset})
     * @param feedUrl     where the document came from; recorded on each article and in errors, and
     *     the base of relative links
     */
    public ArticleReadResult parse(byte[] document, String contentType, String feedUrl) throws FeedReadException {
        return parse(document, contentType, feedUrl, null);
    }

    /**
     * As {@link #parse(byte[], String, String)}, with relative links resolved against {@code
     * baseUri} (the URL after redirects) when it is given.
     */
    public ArticleReadResult parse(byte[] document, String contentType, String feedUrl, URI baseUri)
            throws FeedReadException {
        return normalize(parseFeed(document, contentType, feedUrl, baseUri), feedUrl);
    }

    /**
     * The one entry point for every format: RSS 0.9x/1.0/2.0, RDF, Atom 0.3/1.0 and JSON Feed
     * 1.0/1.1, told apart by the document itself (a JSON object, or XML markup), at parser level:
     * the items as {@link RawArticle}s, not yet normalised, no ids derived.
     *
     * @throws FeedReadException with a reason when the document is too large, empty, an HTML page,
     *     garbage, malformed, or a well-formed document that is no feed
     */
    public ParsedFeed parseFeed(byte[] document, String contentType, String feedUrl, URI baseUri)
            throws FeedReadException {
        if (document.length > options.maxBytes()) {
            throw new FeedReadException(
                    "feed " + feedUrl + ": larger than the limit of " + options.maxBytes() + " bytes");
        }
        if (document.length >= 2 && (document[0] & 0xFF) == 0x1F && (document[1] & 0xFF) == 0x8B) {
            // Compressed bytes stored or sent as the document itself (gzip over HTTP belongs in
            // Content-Encoding and is undone before parsing): say so rather than "garbage".
            throw new FeedReadException("feed " + feedUrl + ": gzip-compressed data, not a feed document");
        }
        String base = baseUri == null ? feedUrl : baseUri.toString();
        String text;
        try {
            text = FeedCharset.decode(document, contentType);
        } catch (IOException e) {
            throw new FeedReadException("feed " + feedUrl + ": cannot decode characters: " + e.getMessage(), e);
        }
        return switch (FeedSniffer.sniff(text, contentType)) {
            case EMPTY -> throw new FeedReadException("feed " + feedUrl + ": empty document");
            case HTML -> throw new FeedReadException("feed " + feedUrl + ": an HTML page, not a feed");
            case GARBAGE ->
                throw new FeedReadException("feed " + feedUrl
                        + ": not a feed (neither XML nor JSON: the document does not start with markup)");
            case JSON -> JsonFeedReader.parse(text, feedUrl, base);
            case XML -> XmlFeedParser.parse(text, feedUrl, base);
        };
    }

    /** As {@link #read(String)} at parser level: the feed's items before normalisation. */
    public ParsedFeed readFeed(String urlOrPath) throws FeedReadException {
        Source source = load(urlOrPath);
        return parseFeed(source.bytes(), source.contentType(), source.feedUrl(), source.base());
    }

    /** Normalises a parsed feed's items through the one {@link ArticleNormalizer}, in feed order. */
    public ArticleReadResult normalize(ParsedFeed feed, String feedUrl) {
        List<NewsArticle> articles = new ArrayList<>();
        List<IngestError> errors = new ArrayList<>();
        List<IngestError> notes = new ArrayList<>();
        List<RawArticle> items = feed.items();
        for (int i = 0; i < items.size(); i++) {
            int index = i + 1;
            try {
                NormalizedArticle n = normalizer.normalizeWithNotes(items.get(i));
                articles.add(n.article());
                for (String note : n.notes()) {
                    notes.add(new IngestError("feed " + feedUrl, "item " + index, note));
                }
            } catch (InvalidArticleException e) {
                errors.add(new IngestError("feed " + feedUrl, "item " + index, e.getMessage()));
            } catch (RuntimeException e) {
                // One odd item must not cost the rest of the feed.
                errors.add(new IngestError(
                        "feed " + feedUrl,
                        "item " + index,
                        "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            log.debug("feed {}: {} of {} items rejected", feedUrl, errors.size(), items.size());
        }
        return new ArticleReadResult("feed " + feedUrl, articles, errors, notes);
    }
}
