package io.newsradar.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.XMLOutputter;

/**
 * Reads from the parsed XML what ROME's model loses, for one feed or item element:
 * <ul>
 *   <li>a title written as naked markup ({@code <title><p>Title</p></title>}, against the RSS
 *       and Atom rules but common): ROME keeps only the text directly inside, which may be
 *       nothing; we keep the markup and the normaliser makes text of it;
 *   <li>a Dublin Core {@code dc:title} when there is no title;
 *   <li>the Atom {@code alternate} link (or one without {@code rel}) as the site link, where
 *       ROME may give the feed's {@code self} link;
 *   <li>the effective {@code xml:base}, against which relative links resolve first, and the
 *       feed's {@code self} link, against which they resolve when the document has no URL of its own
 *       (a file).
 * </ul>
 */
final class FeedElements {
    private static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");

    private FeedElements() {}

    /** ROME's title, or the element's title markup when that has child elements, or dc:title. */
    static String title(String romeTitle, Element parent) {
        if (parent == null) {
            return romeTitle;
        }
        Element title = child(parent, "title");
        if (title != null && !title.getChildren().isEmpty()) {
            return new XMLOutputter().outputString(title.getContent());
        }
        if (FeedLinks.notBlank(romeTitle)) {
            return romeTitle;
        }
        String dcTitle = parent.getChildTextNormalize("title", DC);
        return FeedLinks.notBlank(dcTitle) ? dcTitle : romeTitle;
    }

    /**
     * The Atom alternate link of a feed element, else ROME's link. (RSS channels have one
     * {@code link}; ROME's choice is kept there, and an {@code atom:link} alternate is used only
     * when there is none.)
     */
    static String siteLink(String romeLink, Element channel) {
        if (channel != null && ("feed".equals(channel.getName()) || !FeedLinks.notBlank(romeLink))) {
            for (Element link : channel.getChildren()) {
                String rel = link.getAttributeValue("rel");
                String href = link.getAttributeValue("href");
                if ("link".equals(link.getName())
                        && FeedLinks.notBlank(href)
                        && (rel == null || "alternate".equals(rel))) {
                    return href.strip();
                }
            }
        }
        return romeLink;
    }

    /**
     * The feed's {@code rel="self"} link (Atom {@code link} or RSS {@code atom:link}): where the
     * feed says it lives, the base for its relative links when the document was read from a file.
     */
    static String selfLink(Element channel) {
        if (channel == null) {
            return null;
        }
        for (Element link : channel.getChildren()) {
            String href = link.getAttributeValue("href");
            if ("link".equals(link.getName())
                    && "self".equals(link.getAttributeValue("rel"))
                    && FeedLinks.notBlank(href)) {
                return href.strip();
            }
        }
        return null;
    }

    /** The item's {@code link} child, where an {@code xml:base} of its own would apply, or the item. */
    static Element linkOrSelf(Element item) {
        Element link = child(item, "link");
        return link != null ? link : item;
    }

    /** The effective {@code xml:base} at an element (nested relative bases resolved), or null. */
    static String xmlBase(Element element) {
        Deque<String> bases = new ArrayDeque<>();
        for (Element e = element; e != null; e = e.getParentElement()) {
            String b = e.getAttributeValue("base", Namespace.XML_NAMESPACE);
            if (FeedLinks.notBlank(b)) {
                bases.push(b.strip());
            }
        }
        String resolved = null;
        for (String b : bases) {
            resolved = resolved == null ? b : FeedLinks.resolve(b, resolved);
        }
        return resolved;
    }

    /** The first child of that local name in the parent's namespace or in none. */
    private static Element child(Element parent, String name) {
        for (Element c : parent.getChildren()) {
            if (name.equals(c.getName())
                    && (c.getNamespace().equals(parent.getNamespace())
                            || c.getNamespace().equals(Namespace.NO_NAMESPACE))) {
                return c;
            }
        }
        return null;
    }
}
