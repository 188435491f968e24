package io.newsradar.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXParseException;

/**
 * Reads an RSS or Atom feed (ROME) from an http(s) URL or a local file and normalises each item
 * into a {@link NewsArticle} (channel FEED). A bad item is reported with the feed and item index
 * and the other items are still read; a feed that cannot be read at all raises
 * {@link FeedReadException}.
 *
 * <p>Security: the XML parser runs with ROME's defaults, which refuse any DOCTYPE and turn off
 * external entities and external DTD loading; with no DOCTYPE there are no entity declarations,
 * so neither XXE nor entity expansion ("billion laughs") can happen. Allowing DOCTYPEs (old RSS
 * 0.91 feeds) needs an entity resolver that resolves nothing and is not done here.
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
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.options = Objects.requireNonNull(options, "options");
        this.fetcher = new FeedFetcher(options);
    }

    /** An {@code http://} or {@code https://} URL is fetched; anything else is a local path. */
    public ArticleReadResult read(String urlOrPath) throws FeedReadException {
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
            return readUrl(uri);
        }
        if (lower.startsWith("file:")) {
            return readFile(Path.of(URI.create(s)));
        }
        return readFile(Path.of(s));
    }

    /**
     * Fetches and parses a feed. Articles and errors name the feed by the URL asked for (how its
     * owner configured it); relative links resolve against the URL it was found at after
     * redirects, the document's real base.
     */
    public ArticleReadResult readUrl(URI uri) throws FeedReadException {
        FeedFetcher.Fetched fetched = fetcher.fetch(uri);
        return parse(fetched.body(), fetched.contentType(), uri.toString(), fetched.finalUri());
    }

    public ArticleReadResult readFile(Path file) throws FeedReadException {
        String name = file.toAbsolutePath().normalize().toUri().toString();
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new FeedReadException("feed file not found: " + file.toAbsolutePath());
            }
            if (Files.size(file) > options.maxBytes()) {
                throw new FeedReadException(
                        "feed " + name + ": larger than the limit of " + options.maxBytes() + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FeedReadException("feed " + name + ": cannot read: " + e.getMessage(), e);
        }
        return parse(bytes, null, name);
    }

    /**
     * Parses a feed document already in memory (the push API and tests use this).
     *
     * @param contentType the HTTP Content-Type, or null; with the BOM and the XML declaration it
     *     decides the charset ({@link FeedCharset})
     * @param feedUrl     where the document came from; recorded on each article and in errors, and
     *     the base of relative links
     */
    public ArticleReadResult parse(byte[] xml, String contentType, String feedUrl) throws FeedReadException {
        return parse(xml, contentType, feedUrl, null);
    }

    /**
     * As {@link #parse(byte[], String, String)}, with relative links resolved against {@code
     * baseUri} (the URL after redirects) when it is given.
     */
    public ArticleReadResult parse(byte[] xml, String contentType, String feedUrl, URI baseUri)
            throws FeedReadException {
        String base = baseUri == null ? feedUrl : baseUri.toString();
        SyndFeed feed = parseFeed(xml, contentType, feedUrl);
        List<NewsArticle> articles = new ArrayList<>();
        List<IngestError> errors = new ArrayList<>();
        List<IngestError> notes = new ArrayList<>();
        List<SyndEntry> entries = feed.getEntries();
        for (int i = 0; i < entries.size(); i++) {
            int index = i + 1;
            try {
                NormalizedArticle n = normalizer.normalizeWithNotes(toRaw(feed, entries.get(i), feedUrl, base));
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
            log.debug("feed {}: {} of {} items rejected", feedUrl, errors.size(), entries.size());
        }
        return new ArticleReadResult("feed " + feedUrl, articles, errors, notes);
    }

    private SyndFeed parseFeed(byte[] xml, String contentType, String feedUrl) throws FeedReadException {
        String text;
        try {
            text = FeedCharset.decode(xml, contentType);
        } catch (IOException e) {
            throw new FeedReadException("feed " + feedUrl + ": cannot decode characters: " + e.getMessage(), e);
        }
        SyndFeedInput input = new SyndFeedInput();
        // The default, stated because it is a security property: a DOCTYPE is refused, so no
        // entity can be declared (XXE, billion laughs).
        input.setAllowDoctypes(false);
        // Trims junk before the prolog and maps HTML entities; we pre-clean the rest.
        input.setXmlHealerOn(true);
        try {
            return input.build(new StringReader(XmlPreCleaner.clean(text)));
        } catch (FeedException e) {
            throw new FeedReadException("feed " + feedUrl + ": " + describeParseError(e), e);
        } catch (IllegalArgumentException e) {
            throw new FeedReadException(
                    "feed " + feedUrl + ": not an RSS or Atom feed"
                            + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"),
                    e);
        } catch (RuntimeException e) {
            throw new FeedReadException("feed " + feedUrl + ": cannot parse: " + e, e);
        }
    }

    private static String describeParseError(FeedException e) {
        String detail = rootMessage(e);
        if (detail.contains("DOCTYPE")) {
            return "refused: the document declares a DOCTYPE (DTDs and entities are disabled against XXE "
                    + "and entity-expansion attacks)";
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SAXParseException sax) {
                return "invalid XML at line " + sax.getLineNumber() + ", column " + sax.getColumnNumber() + ": "
                        + sax.getMessage();
            }
        }
        // Well-formed XML that ROME's RSS/Atom parser could not make sense of (e.g. no <channel>).
        return "not a usable RSS or Atom document (" + detail + ")";
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return m == null ? c.getClass().getSimpleName() : m;
    }

    private static RawArticle toRaw(SyndFeed feed, SyndEntry entry, String feedUrl, String base) {
        String link = articleLink(entry);
        // a relative site link is relative to the feed document itself
        String siteLink = resolve(feed.getLink(), base);
        String url = resolve(link, siteLink, base);
        return new RawArticle(
                url,
                entry.getUri(),
                feed.getTitle(),
                entry.getTitle(),
                body(entry),
                author(entry),
                feed.getLanguage(),
                toInstant(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate()),
                feedUrl,
                IngestChannel.FEED);
    }

    private static String articleLink(SyndEntry entry) {
        if (notBlank(entry.getLink())) {
            return entry.getLink();
        }
        for (SyndLink l : entry.getLinks()) {
            if (notBlank(l.getHref()) && (l.getRel() == null || "alternate".equals(l.getRel()))) {
                return l.getHref();
            }
        }
        // An RSS guid is a permalink unless it says otherwise; an Atom id may be an http URL too.
        String uri = entry.getUri();
        if (uri != null) {
            String lower = uri.strip().toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                return uri;
            }
        }
        return null;
    }

    /**
     * Relative item links are resolved against the site link, then the feed's own URL (after
     * redirects); a link that stays relative is left for the normaliser to report.
     */
    private static String resolve(String link, String... bases) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String l = link.strip();
        String lower = l.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return l;
        }
        for (String base : bases) {
            if (base != null && base.toLowerCase(Locale.ROOT).startsWith("http")) {
                try {
                    return URI.create(base.strip())
                            .resolve(CanonicalUrl.escapeIllegalCharacters(l))
                            .toString();
                } catch (IllegalArgumentException e) {
                    // try the next base; if none works the normaliser reports the link
                }
            }
        }
        return l;
    }

    private static String body(SyndEntry entry) {
        String contents = entry.getContents().stream()
                .map(SyndContent::getValue)
                .filter(FeedReader::notBlank)
                .collect(Collectors.joining("\n\n"));
        if (!contents.isBlank()) {
            return contents;
        }
        SyndContent description = entry.getDescription();
        return description == null ? null : description.getValue();
    }

    private static String author(SyndEntry entry) {
        String names = entry.getAuthors().stream()
                .map(SyndPerson::getName)
                .filter(FeedReader::notBlank)
                .map(String::strip)
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? entry.getAuthor() : names;
    }

    private static Instant toInstant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
