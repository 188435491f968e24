package io.newsradar.ingest;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Parses RSS 0.9x/1.0/2.0, RDF and Atom 0.3/1.0 text with ROME, on an XML parser we configure
 * ourselves rather than ROME's, because ROME can only refuse DOCTYPEs or allow them with JDOM
 * settings we cannot bound. Here a DOCTYPE is allowed (old RSS 0.91 feeds declare the Netscape
 * DTD) and made harmless:
 * <ul>
 *   <li>an entity resolver that resolves nothing: every external DTD or entity reads as empty
 *       text, so no file is opened and no request is made;
 *   <li>external general and parameter entities and external DTD loading switched off, and the
 *       JDK's {@code accessExternalDTD}/{@code accessExternalSchema} set to no protocol at all, in
 *       case a parser ignored the resolver;
 *   <li>secure processing on, with explicit limits on entity expansions, expanded entity size
 *       and element depth, so "billion laughs" and quadratic blow-up stop after a bounded amount
 *       of work with a clear reason.
 * </ul>
 * Entities declared in the document's own internal subset still expand within those limits.
 */
final class XmlFeedParser {
    /** Entity references one document may expand; real feeds need none or a handful. */
    static final int MAX_ENTITY_EXPANSIONS = 10_000;
    /** Characters all entity expansions of one document may add together. */
    static final int MAX_TOTAL_ENTITY_CHARS = 1_000_000;
    /** Element nesting; feeds are a few levels deep, embedded XHTML some more. */
    static final int MAX_ELEMENT_DEPTH = 256;

    private static final String JDK_PROPERTIES = "http://www.oracle.com/xml/jaxp/properties/";

    private XmlFeedParser() {}

    /** @param feedUrl names the feed in errors */
    static ParsedFeed parse(String text, String feedUrl, String base) throws FeedReadException {
        Document document = buildDocument(text, feedUrl);
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(document);
        } catch (FeedException e) {
            throw new FeedReadException(
                    "feed " + feedUrl + ": not a usable RSS or Atom document (" + rootMessage(e) + ")", e);
        } catch (IllegalArgumentException e) {
            String root = document.getRootElement().getQualifiedName();
            throw new FeedReadException(
                    "feed " + feedUrl + ": not an RSS or Atom feed (the document's root element is <" + root + ">)", e);
        } catch (RuntimeException e) {
            // ROME's converters assume the parts a feed must have (an RSS 0.9x without a channel)
            throw new FeedReadException(
                    "feed " + feedUrl + ": not a usable RSS or Atom document ("
                            + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    e);
        }
        return SyndFeedMapping.toParsedFeed(feed, document, feedUrl, base);
    }

    private static Document buildDocument(String text, String feedUrl) throws FeedReadException {
        SAXBuilder builder = newBuilder();
        // ROME's healer trims junk before the prolog; the pre-cleaner repairs '&' and HTML entities;
        // undeclared namespace prefixes get declared.
        try (XmlFixerReader reader =
                new XmlFixerReader(new StringReader(UndeclaredPrefixes.declareMissing(XmlPreCleaner.clean(text))))) {
            return builder.build(reader);
        } catch (JDOMException e) {
            throw new FeedReadException("feed " + feedUrl + ": " + describe(e), e);
        } catch (IOException e) {
            throw new FeedReadException("feed " + feedUrl + ": cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new FeedReadException("feed " + feedUrl + ": cannot parse: " + e, e);
        }
    }

    static SAXBuilder newBuilder() {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        // Resolves nothing: any external DTD or entity is empty text (no file, no network).
        builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        // Each setting below is a defence on its own; an unsupported one fails the build, closed.
        builder.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        builder.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        builder.setProperty(JDK_PROPERTIES + "entityExpansionLimit", String.valueOf(MAX_ENTITY_EXPANSIONS));
        builder.setProperty(JDK_PROPERTIES + "totalEntitySizeLimit", String.valueOf(MAX_TOTAL_ENTITY_CHARS));
        builder.setProperty(JDK_PROPERTIES + "maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
        // Internal entities are expanded (within the limits above) so declared text is not lost.
        builder.setExpandEntities(true);
        return builder;
    }

    private static String describe(JDOMException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SAXParseException sax) {
                String m = String.valueOf(sax.getMessage());
                if (m.contains("maxElementDepth")) {
                    return "refused: elements nested deeper than " + MAX_ELEMENT_DEPTH + " levels";
                }
                if (m.contains("JAXP0001") || m.contains("entity expansion") || m.contains("EntitySize")) {
                    return "refused: entity expansion over the parser's limits (an entity-expansion attack such"
                            + " as \"billion laughs\"?): " + m;
                }
                return "invalid XML at line " + sax.getLineNumber() + ", column " + sax.getColumnNumber() + ": " + m;
            }
        }
        return "invalid XML: " + rootMessage(e);
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return m == null ? c.getClass().getSimpleName() : m;
    }
}
