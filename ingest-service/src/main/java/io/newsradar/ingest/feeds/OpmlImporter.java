package io.newsradar.ingest.feeds;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an OPML subscription list, as feed readers export it, into feed list entries: each
 * {@code outline} with an {@code xmlUrl} is a feed ({@code title}, else {@code text}, is its
 * source; {@code htmlUrl} its site); an outline without one is a folder, and the folders around
 * a feed become its {@code category} ("News/Defense"). The entries are checked like feed list
 * entries; an outline that fails is skipped with a note, and so is a feed that is already listed
 * (readers let one feed sit in two folders).
 *
 * <p>The XML is read with DTDs and external entities off, and a document with a DOCTYPE is
 * refused outright: OPML never needs one, and a hostile file could use it to read local files
 * (XXE) or exhaust memory (billion laughs).
 */
public final class OpmlImporter {
    /** Exports of thousands of feeds are well under a megabyte. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private OpmlImporter() {}

    public static OpmlImport read(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new FeedListException("OPML " + file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return read(bytes, file.toString());
    }

    /** @param origin names the file in errors and notes */
    public static OpmlImport read(byte[] bytes, String origin) {
        String prefix = "OPML " + origin + ": ";
        if (bytes.length > MAX_BYTES) {
            throw new FeedListException(List.of(prefix + "larger than " + MAX_BYTES / (1024 * 1024) + " MB"));
        }
        try {
            XMLStreamReader r = factory().createXMLStreamReader(new ByteArrayInputStream(bytes));
            try {
                return new Walk(prefix).run(r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            String where =
                    e.getLocation() == null ? "" : "line " + e.getLocation().getLineNumber() + ": ";
            String msg = e.getMessage() == null
                    ? ""
                    : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col]:\\[\\d+,\\d+]\\s*Message: ", "");
            throw new FeedListException(prefix + where + "not well-formed XML (" + msg.strip() + ")", e);
        }
    }

    private static XMLInputFactory factory() {
        // the JDK's own StAX parser, whatever else is on the class path, so the settings below hold
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        // no DTD processing and no external entities: XXE and entity expansion are impossible
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        return f;
    }

    /** One pass over the document, keeping the folder path. */
    private static final class Walk {
        private final String prefix;
        private final Deque<String> folders = new ArrayDeque<>();
        /** Per open outline, whether it pushed a folder name (only folders do). */
        private final Deque<Boolean> pushed = new ArrayDeque<>();

        private final List<FeedEntry> feeds = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final Map<String, Integer> seen = new HashMap<>();
        private int outlines;

        Walk(String prefix) {
            this.prefix = prefix;
        }

        OpmlImport run(XMLStreamReader r) throws XMLStreamException {
            boolean root = true;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new FeedListException(List.of(prefix + "refused: the file has a DOCTYPE; OPML needs none, and"
                            + " DTDs and entities are not read (they can reach local files or exhaust memory)"));
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (root) {
                        if (!"opml".equals(name)) {
                            throw new FeedListException(
                                    List.of(prefix + "not an OPML file (the root element is <" + name + ">)"));
                        }
                        root = false;
                    } else if ("outline".equals(name)) {
                        outline(r);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "outline".equals(r.getLocalName())) {
                    if (pushed.pop()) {
                        folders.removeLast();
                    }
                }
            }
            if (root) {
                throw new FeedListException(List.of(prefix + "not an OPML file (no root element)"));
            }
            return new OpmlImport(feeds, notes);
        }

        private void outline(XMLStreamReader r) {
            int n = outlines++;
            String xmlUrl = attr(r, "xmlUrl");
            String title = attr(r, "title");
            String name = title != null ? title : attr(r, "text");
            if (xmlUrl == null) {
                // a folder; one without a name adds no level
                pushed.push(name != null);
                if (name != null) {
                    folders.addLast(name.replace('/', '-'));
                }
                return;
            }
            // a feed that has outlines inside it is not a folder for them
            pushed.push(false);
            String where = "outline " + (n + 1) + (name != null ? " (" + name + ")" : "") + " at line "
                    + r.getLocation().getLineNumber();
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("url", xmlUrl);
            if (name != null) {
                node.put("source", name);
            }
            String htmlUrl = attr(r, "htmlUrl");
            if (htmlUrl != null) {
                if (FeedUrl.isHttp(htmlUrl)) {
                    node.put("site", htmlUrl);
                } else {
                    notes.add(prefix + where + ": htmlUrl '" + htmlUrl + "' is not an http(s) URL; left out");
                }
            }
            if (!folders.isEmpty()) {
                node.put("category", String.join("/", folders));
            }
            if (!FeedUrl.isHttp(xmlUrl)) {
                notes.add(prefix + where + ": skipped: xmlUrl must be an http(s) URL (got '" + xmlUrl + "')");
                return;
            }
            List<String> problems = new ArrayList<>();
            FeedEntry e = FeedEntryChecks.entry(
                    node, FeedEntryChecks.Defaults.BUILT_IN, (f, what) -> problems.add(toOpml(f) + ": " + what));
            if (e == null) {
                notes.add(prefix + where + ": skipped: " + String.join("; ", problems));
                return;
            }
            Integer first = seen.putIfAbsent(e.id(), n);
            if (first != null) {
                notes.add(prefix + where + ": skipped: the same feed as outline " + (first + 1));
                return;
            }
            feeds.add(e);
        }

        private static String toOpml(String field) {
            return switch (field) {
                case ".url" -> "xmlUrl";
                case ".source" -> "title";
                case ".site" -> "htmlUrl";
                default -> field.startsWith(".") ? field.substring(1) : field;
            };
        }

        /** The attribute, stripped, or null when absent or blank; attribute names vary in case between readers. */
        private static String attr(XMLStreamReader r, String name) {
            for (int i = 0; i < r.getAttributeCount(); i++) {
                if (r.getAttributeLocalName(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    String v = r.getAttributeValue(i).strip();
                    return v.isEmpty() ? null : v;
                }
            }
            return null;
        }
    }
}
