package io.newsradar.ingest;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Declares on the root element the namespace prefixes a feed uses but never declares
 * ({@code <content:encoded>} without {@code xmlns:content}, a common slip of hand-made feeds),
 * which a namespace-aware parser otherwise refuses as a whole. Well-known prefixes get their
 * usual namespace, so ROME recognises the element (content:encoded becomes the full text);
 * unknown ones a private URN. A feed that declares everything is returned unchanged.
 */
final class UndeclaredPrefixes {
    private static final Map<String, String> WELL_KNOWN = Map.ofEntries(
            Map.entry("content", "http://purl.org/rss/1.0/modules/content/"),
            Map.entry("dc", "http://purl.org/dc/elements/1.1/"),
            Map.entry("atom", "http://www.w3.org/2005/Atom"),
            Map.entry("media", "http://search.yahoo.com/mrss/"),
            Map.entry("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
            Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            Map.entry("sy", "http://purl.org/rss/1.0/modules/syndication/"),
            Map.entry("slash", "http://purl.org/rss/1.0/modules/slash/"),
            Map.entry("wfw", "http://wellformedweb.org/CommentAPI/"),
            Map.entry("georss", "http://www.georss.org/georss"));

    private static final String NAME = "[A-Za-z_][\\w.-]*";
    private static final Pattern USED_ON_ELEMENT = Pattern.compile("</?(" + NAME + "):" + NAME);
    private static final Pattern USED_ON_ATTRIBUTE = Pattern.compile("\\s(" + NAME + "):" + NAME + "\\s*=");
    private static final Pattern DECLARED = Pattern.compile("xmlns:(" + NAME + ")\\s*=");

    private UndeclaredPrefixes() {}

    static String declareMissing(String xml) {
        Set<String> used = new LinkedHashSet<>();
        collect(USED_ON_ELEMENT.matcher(xml), used);
        collect(USED_ON_ATTRIBUTE.matcher(xml), used);
        used.remove("xml");
        used.remove("xmlns");
        if (used.isEmpty()) {
            return xml;
        }
        Set<String> declared = new LinkedHashSet<>();
        collect(DECLARED.matcher(xml), declared);
        used.removeAll(declared);
        int insertAt = endOfRootName(xml);
        if (used.isEmpty() || insertAt < 0) {
            return xml;
        }
        StringBuilder declarations = new StringBuilder();
        for (String prefix : used) {
            String uri = WELL_KNOWN.getOrDefault(prefix, "urn:x-newsradar:undeclared-prefix:" + prefix);
            declarations
                    .append(" xmlns:")
                    .append(prefix)
                    .append("=\"")
                    .append(uri)
                    .append('"');
        }
        return xml.substring(0, insertAt) + declarations + xml.substring(insertAt);
    }

    private static void collect(Matcher m, Set<String> into) {
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    /** Index just after the root element's name, skipping prolog, comments and DOCTYPE; or -1. */
    private static int endOfRootName(String xml) {
        int i = 0;
        while (true) {
            int lt = xml.indexOf('<', i);
            if (lt < 0 || lt + 1 >= xml.length()) {
                return -1;
            }
            char next = xml.charAt(lt + 1);
            if (next == '?' || next == '!') {
                i = skipMarkupDeclaration(xml, lt);
                if (i < 0) {
                    return -1;
                }
                continue;
            }
            int end = lt + 1;
            while (end < xml.length()
                    && !Character.isWhitespace(xml.charAt(end))
                    && "/>".indexOf(xml.charAt(end)) < 0) {
                end++;
            }
            return end;
        }
    }

    private static int skipMarkupDeclaration(String xml, int lt) {
        if (xml.startsWith("<!--", lt)) {
            int end = xml.indexOf("-->", lt + 4);
            return end < 0 ? -1 : end + 3;
        }
        int close = xml.indexOf('>', lt);
        int bracket = xml.indexOf('[', lt);
        if (xml.startsWith("<!DOCTYPE", lt) && bracket >= 0 && bracket < close) {
            int subsetEnd = xml.indexOf(']', bracket);
            close = subsetEnd < 0 ? -1 : xml.indexOf('>', subsetEnd);
        }
        return close < 0 ? -1 : close + 1;
    }
}
