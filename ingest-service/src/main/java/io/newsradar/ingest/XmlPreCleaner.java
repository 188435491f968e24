package io.newsradar.ingest;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Cheap repairs for feed XML that is sloppy in the usual ways, applied before the strict parser:
 * <ul>
 *   <li>a bare {@code &} that starts no entity ({@code AT&T}, {@code ?a=1&b=2}) becomes {@code &amp;};
 *   <li>HTML named entities ({@code &nbsp;}, {@code &eacute;}), undefined in XML, become numeric
 *       references; unknown names are escaped as text;
 *   <li>characters and numeric references that XML 1.0 forbids (control characters) are dropped.
 * </ul>
 * CDATA sections, comments and the DOCTYPE declaration are copied untouched: a bare {@code &}
 * is legal in the first two, and the entities a DOCTYPE declares are left for the parser, so
 * references to them are not escaped either (the parser's limits, not this class, stop an
 * expansion attack; external entities stay unresolved, see {@link XmlFeedParser}). This never
 * adds a DOCTYPE or entity declaration, so it cannot weaken the parser's XXE defences.
 */
final class XmlPreCleaner {
    private static final Pattern ENTITY =
            Pattern.compile("&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{0,31}));");

    private static final Pattern DECLARED_ENTITY = Pattern.compile("<!ENTITY\\s+([A-Za-z_:][-A-Za-z0-9._:]*)");

    private XmlPreCleaner() {}

    static String clean(String xml) {
        StringBuilder out = new StringBuilder(xml.length() + 64);
        Matcher entity = ENTITY.matcher(xml);
        int n = xml.length();
        int i = 0;
        Set<String> declared = new HashSet<>();
        while (i < n) {
            char c = xml.charAt(i);
            if (c == '<' && xml.startsWith("<!DOCTYPE", i)) {
                int end = doctypeEnd(xml, i);
                Matcher d = DECLARED_ENTITY.matcher(xml).region(i, end);
                while (d.find()) {
                    declared.add(d.group(1));
                }
                out.append(xml, i, end);
                i = end;
            } else if (c == '<' && xml.startsWith("<![CDATA[", i)) {
                i = copyThrough(xml, i, "]]>", out);
            } else if (c == '<' && xml.startsWith("<!--", i)) {
                i = copyThrough(xml, i, "-->", out);
            } else if (c == '&') {
                entity.region(i, n);
                if (entity.lookingAt()) {
                    appendEntity(entity, declared, out);
                    i = entity.end();
                } else {
                    out.append("&amp;");
                    i++;
                }
            } else {
                if (isXmlChar(c) || Character.isSurrogate(c)) {
                    out.append(c);
                }
                i++;
            }
        }
        return out.toString();
    }

    private static int copyThrough(String xml, int start, String terminator, StringBuilder out) {
        int end = xml.indexOf(terminator, start);
        int stop = end < 0 ? xml.length() : end + terminator.length();
        out.append(xml, start, stop);
        return stop;
    }

    /** Just past the {@code >} that closes the DOCTYPE, skipping an internal subset in brackets. */
    private static int doctypeEnd(String xml, int start) {
        int close = xml.indexOf('>', start);
        int bracket = xml.indexOf('[', start);
        if (bracket >= 0 && (close < 0 || bracket < close)) {
            int subsetEnd = xml.indexOf("]", bracket);
            close = subsetEnd < 0 ? -1 : xml.indexOf('>', subsetEnd);
        }
        return close < 0 ? xml.length() : close + 1;
    }

    private static void appendEntity(Matcher m, Set<String> declared, StringBuilder out) {
        if (m.group(1) != null || m.group(2) != null) {
            int cp = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
            if (isXmlCodePoint(cp)) {
                out.append(m.group());
            }
            return;
        }
        String name = m.group(3);
        if (declared.contains(name)) {
            out.append(m.group());
            return;
        }
        switch (name) {
            case "amp", "lt", "gt", "quot", "apos" -> out.append(m.group());
            default -> {
                int[] cps = new int[2];
                int count = Entities.isNamedEntity(name) ? Entities.codepointsForName(name, cps) : 0;
                if (count == 0) {
                    out.append("&amp;").append(name).append(';');
                } else {
                    for (int k = 0; k < count; k++) {
                        out.append("&#").append(cps[k]).append(';');
                    }
                }
            }
        }
    }

    private static boolean isXmlChar(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    private static boolean isXmlCodePoint(int cp) {
        return cp == 0x9
                || cp == 0xA
                || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
