package io.newsradar.ingest;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import io.newsradar.avro.IngestChannel;
import io.newsradar.schemas.article.ArticleMarks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdom2.Document;
import org.jdom2.Element;

/**
 * Maps ROME's feed model to {@link RawArticle}s. Body kind: an RSS {@code content:encoded} or an
 * Atom {@code content} is the full text; a body that comes only from an RSS {@code description}
 * or Atom {@code summary} is a summary. Categories: the item's categories (RSS {@code category},
 * Atom {@code category term}, Dublin Core {@code subject}) as given, blanks and repeats dropped.
 * Dates: ROME's, and where ROME returned none although the item has a date element, our lenient
 * {@link FeedDates} on that element's text.
 */
final class SyndFeedMapping {
    /** Item date elements (any namespace), most specific first; the update time comes last. */
    private static final List<String> DATE_ELEMENTS =
            List.of("pubDate", "published", "issued", "date", "created", "updated", "modified");

    private SyndFeedMapping() {}

    static ParsedFeed toParsedFeed(SyndFeed feed, Document document, String feedUrl, String base) {
        Element channel = channelElement(document);
        String feedTitle = FeedElements.title(feed.getTitle(), channel);
        // a relative site link is relative to xml:base, else to the feed document: its URL, or for a
        // file the self link the feed gives
        String siteLink = FeedLinks.resolve(
                FeedElements.siteLink(feed.getLink(), channel),
                FeedElements.xmlBase(channel),
                base,
                FeedElements.selfLink(channel));
        List<SyndEntry> entries = feed.getEntries();
        List<Element> elements = itemElements(document);
        boolean aligned = elements.size() == entries.size();
        List<RawArticle> items = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            SyndEntry entry = entries.get(i);
            Element element = aligned ? elements.get(i) : null;
            Instant published =
                    toInstant(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate());
            if (published == null && element != null) {
                published = fallbackDate(element);
            }
            items.add(toRaw(feedTitle, feed.getLanguage(), entry, element, published, feedUrl, siteLink, base));
        }
        return new ParsedFeed(feed.getFeedType(), feedTitle, siteLink, feed.getLanguage(), items);
    }

    /** The element holding the feed's own title and link: RSS/RDF {@code channel}, else the root. */
    private static Element channelElement(Document document) {
        Element root = document.getRootElement();
        for (Element child : root.getChildren()) {
            if ("channel".equals(child.getName())) {
                return child;
            }
        }
        return root;
    }

    private static RawArticle toRaw(
            String feedTitle,
            String feedLanguage,
            SyndEntry entry,
            Element element,
            Instant published,
            String feedUrl,
            String siteLink,
            String base) {
        String contents = entry.getContents().stream()
                .map(SyndContent::getValue)
                .filter(FeedLinks::notBlank)
                .collect(Collectors.joining("\n\n"));
        String body;
        String bodyKind;
        if (!contents.isBlank()) {
            body = contents;
            bodyKind = ArticleMarks.FULL_TEXT;
        } else if (entry.getDescription() != null
                && FeedLinks.notBlank(entry.getDescription().getValue())) {
            body = entry.getDescription().getValue();
            bodyKind = ArticleMarks.SUMMARY;
        } else {
            body = null;
            bodyKind = null;
        }
        // xml:base of the item (or of its link) comes first, then the site link, then the feed's URL
        String itemBase = element == null ? null : FeedElements.xmlBase(FeedElements.linkOrSelf(element));
        return new RawArticle(
                FeedLinks.resolve(articleLink(entry), itemBase, siteLink, base),
                entry.getUri(),
                feedTitle,
                FeedElements.title(entry.getTitle(), element),
                body,
                author(entry),
                feedLanguage,
                published,
                feedUrl,
                IngestChannel.FEED,
                categories(entry),
                bodyKind,
                null);
    }

    private static String articleLink(SyndEntry entry) {
        if (FeedLinks.notBlank(entry.getLink())) {
            return entry.getLink();
        }
        for (SyndLink l : entry.getLinks()) {
            if (FeedLinks.notBlank(l.getHref()) && (l.getRel() == null || "alternate".equals(l.getRel()))) {
                return l.getHref();
            }
        }
        // An RSS guid is a permalink unless it says otherwise; an Atom id may be an http URL too.
        String uri = entry.getUri();
        return uri != null && FeedLinks.isHttp(uri.strip()) ? uri : null;
    }

    private static String author(SyndEntry entry) {
        String names = entry.getAuthors().stream()
                .map(SyndPerson::getName)
                .filter(FeedLinks::notBlank)
                .map(String::strip)
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? entry.getAuthor() : names;
    }

    private static List<String> categories(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndCategory c : entry.getCategories()) {
            if (FeedLinks.notBlank(c.getName())) {
                names.add(c.getName().strip());
            }
        }
        return List.copyOf(names);
    }

    /**
     * The item elements in document order, as ROME lists its entries: Atom {@code entry}
     * children of the root, or RSS/RDF {@code item}s of the root or of its {@code channel}.
     */
    private static List<Element> itemElements(Document document) {
        Element root = document.getRootElement();
        List<Element> items = new ArrayList<>();
        String wanted = "feed".equals(root.getName()) ? "entry" : "item";
        for (Element child : root.getChildren()) {
            if (wanted.equals(child.getName())) {
                items.add(child);
            } else if ("channel".equals(child.getName())) {
                for (Element grandChild : child.getChildren()) {
                    if (wanted.equals(grandChild.getName())) {
                        items.add(grandChild);
                    }
                }
            }
        }
        return items;
    }

    private static Instant fallbackDate(Element item) {
        for (String name : DATE_ELEMENTS) {
            for (Element child : item.getChildren()) {
                if (name.equals(child.getName())) {
                    Instant parsed = FeedDates.parse(child.getTextNormalize()).orElse(null);
                    if (parsed != null) {
                        return parsed;
                    }
                }
            }
        }
        return null;
    }

    private static Instant toInstant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
