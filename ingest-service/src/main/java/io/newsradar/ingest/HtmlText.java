package io.newsradar.ingest;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns HTML or plain text into plain text that keeps its paragraphs: block elements become blank
 * lines and {@code <br>} a line break, so the scorer can still find sentence and paragraph
 * boundaries. Entities are decoded, whitespace runs collapse to one space, lines are trimmed.
 */
final class HtmlText {
    private static final Pattern SPACES = Pattern.compile("[\\p{Zs}\\t\\x0B\\f]+");
    private static final Pattern ALL_WHITESPACE = Pattern.compile("[\\s\\p{Zs}]+");
    /** Control characters, zero-width space and BOM, and the bidi controls with a scope ({@link BidiControls}). */
    private static final Pattern CONTROL =
            Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B\\uFEFF" + BidiControls.SCOPED_CLASS + "]");

    private static final Pattern LINE_SEPARATORS = Pattern.compile("\\r\\n?|[\\u2028\\u2029\\x85]");
    private static final Pattern SPACE_AROUND_NEWLINE = Pattern.compile(" *\\n *");
    private static final Pattern MANY_NEWLINES = Pattern.compile("\\n{3,}");

    /** Elements that start a new paragraph. */
    private static final Set<String> BLOCKS = Set.of(
            "p",
            "div",
            "li",
            "ul",
            "ol",
            "dl",
            "dt",
            "dd",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "pre",
            "table",
            "tr",
            "section",
            "article",
            "header",
            "footer",
            "aside",
            "nav",
            "figure",
            "figcaption",
            "hr",
            "address",
            "main",
            "details",
            "summary",
            "form",
            "fieldset",
            "caption");
    /** Elements whose text is never article text. */
    private static final Set<String> SKIPPED = Set.of(
            "script",
            "style",
            "noscript",
            "template",
            "iframe",
            "object",
            "embed",
            "svg",
            "canvas",
            "head",
            "button",
            "select");

    private HtmlText() {}

    /** Multi-line text with paragraphs separated by a blank line; empty string for null. */
    static String toText(String htmlOrText) {
        if (htmlOrText == null || htmlOrText.isBlank()) {
            return "";
        }
        String raw = LINE_SEPARATORS.matcher(htmlOrText).replaceAll("\n");
        String text;
        if (TagScan.containsTagOrComment(raw)) {
            text = htmlToText(raw);
        } else {
            // Plain text keeps its own line structure; only entities (common in feed summaries
            // that were escaped once too often) are decoded.
            text = raw.indexOf('&') >= 0 ? Parser.unescapeEntities(raw, false) : raw;
        }
        return normalizeLines(text);
    }

    /**
     * Single-line text: every whitespace run, line breaks included, becomes one space, and no
     * bidi control is left (not even the direction marks that running text keeps).
     */
    static String toSingleLine(String htmlOrText) {
        return ALL_WHITESPACE
                .matcher(BidiControls.withoutMarks(toText(htmlOrText)))
                .replaceAll(" ")
                .strip();
    }

    private static String htmlToText(String html) {
        Element body = Jsoup.parseBodyFragment(html, "").body();
        StringBuilder out = new StringBuilder(html.length());
        NodeTraversor.traverse(
                new NodeVisitor() {
                    private int skipDepth;
                    private int preDepth;

                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof Element el) {
                            String name = el.normalName();
                            if (SKIPPED.contains(name)) {
                                skipDepth++;
                            } else if (skipDepth == 0) {
                                if (name.equals("br")) {
                                    out.append('\n');
                                } else if (BLOCKS.contains(name)) {
                                    out.append("\n\n");
                                } else if (name.equals("td") || name.equals("th")) {
                                    out.append(' ');
                                }
                                if (name.equals("pre")) {
                                    preDepth++;
                                }
                            }
                        } else if (node instanceof TextNode t && skipDepth == 0) {
                            String whole = t.getWholeText();
                            // Outside <pre>, source line breaks are only formatting.
                            out.append(
                                    preDepth > 0
                                            ? whole
                                            : ALL_WHITESPACE.matcher(whole).replaceAll(" "));
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element el) {
                            String name = el.normalName();
                            if (SKIPPED.contains(name)) {
                                skipDepth--;
                            } else if (skipDepth == 0) {
                                if (BLOCKS.contains(name)) {
                                    out.append("\n\n");
                                }
                                if (name.equals("pre")) {
                                    preDepth--;
                                }
                            }
                        }
                    }
                },
                body);
        return out.toString();
    }

    private static String normalizeLines(String text) {
        String s = CONTROL.matcher(text).replaceAll("");
        s = SPACES.matcher(s).replaceAll(" ");
        s = SPACE_AROUND_NEWLINE.matcher(s).replaceAll("\n");
        s = MANY_NEWLINES.matcher(s).replaceAll("\n\n");
        return s.strip();
    }
}
