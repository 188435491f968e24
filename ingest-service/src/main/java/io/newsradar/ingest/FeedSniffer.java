package io.newsradar.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides from a decoded document (and, when the document cannot tell, the Content-Type) which
 * parser gets it, and turns away what is no feed at all with a reason a person can act on.
 */
final class FeedSniffer {
    /** What a document looks like. */
    enum Kind {
        XML,
        JSON,
        HTML,
        EMPTY,
        GARBAGE
    }

    /** How far to look for the root element or a feed's root tag behind leading junk. */
    private static final int SNIFF_CHARS = 4096;

    private static final Pattern DOCTYPE_NAME = Pattern.compile("<!DOCTYPE\\s+([^\\s>\\[]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FEED_ROOT =
            Pattern.compile("<(?:[A-Za-z][-\\w.]*:)?(?:rss|feed|RDF|channel)[\\s>/]", Pattern.CASE_INSENSITIVE);

    private FeedSniffer() {}

    static Kind sniff(String text, String contentType) {
        int start = skipWhitespaceAndBom(text);
        if (start >= text.length()) {
            return Kind.EMPTY;
        }
        char first = text.charAt(start);
        if (first == '{' || first == '[') {
            return Kind.JSON;
        }
        String head = text.substring(start, Math.min(text.length(), start + SNIFF_CHARS));
        if (first == '<') {
            return isHtml(head) ? Kind.HTML : Kind.XML;
        }
        // Junk before the prolog (a stray line from a broken server script) is trimmed by ROME's
        // healer when a feed follows; without one the bytes are no feed we know.
        if (head.contains("<?xml") || FEED_ROOT.matcher(head).find()) {
            return Kind.XML;
        }
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html") && head.contains("<")) {
            return Kind.HTML;
        }
        return Kind.GARBAGE;
    }

    /** An HTML page: its DOCTYPE says html, or its first element is {@code html}, {@code head} or {@code body}. */
    private static boolean isHtml(String head) {
        Matcher doctype = DOCTYPE_NAME.matcher(head);
        if (doctype.find() && doctype.group(1).equalsIgnoreCase("html")) {
            return true;
        }
        String root = firstElementName(head);
        return root != null && (root.equals("html") || root.equals("head") || root.equals("body"));
    }

    /** The first element's name, lower case, skipping the XML declaration, comments and DOCTYPE. */
    private static String firstElementName(String head) {
        int i = 0;
        while (i < head.length()) {
            int lt = head.indexOf('<', i);
            if (lt < 0 || lt + 1 >= head.length()) {
                return null;
            }
            char next = head.charAt(lt + 1);
            if (next == '?' || next == '!') {
                String close = head.startsWith("<!--", lt) ? "-->" : ">";
                int end = head.indexOf(close, lt + 2);
                if (end < 0) {
                    return null;
                }
                i = end + close.length();
                continue;
            }
            int end = lt + 1;
            while (end < head.length()
                    && !Character.isWhitespace(head.charAt(end))
                    && "/>".indexOf(head.charAt(end)) < 0) {
                end++;
            }
            return head.substring(lt + 1, end).toLowerCase(Locale.ROOT);
        }
        return null;
    }

    private static int skipWhitespaceAndBom(String text) {
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        return i;
    }
}
