package io.newsradar.ingest;

import java.util.Map;

/**
 * Why the parser disagrees with another parser's expectation, by category of fixture: every
 * disagreement in the conformance report carries one of these reasons. Keyed by a part of the
 * fixture's file name; each category is a deliberate difference, explained once.
 */
final class Disagreements {
    private static final Map<String, String> BY_FIXTURE = Map.of(
            "_links.xml",
            "several <link> elements: gofeed keeps the last, we keep the first (ROME)",
            "_base64",
            "a title typed application/octet-stream (no Atom 1.0 text construct): gofeed decodes base64, we keep"
                    + " the text as given");

    private Disagreements() {}

    /** A document we refuse: malformed XML is refused on purpose, where gofeed's parser recovers. */
    static String rejected(String reason) {
        return reason.startsWith("invalid XML")
                ? "malformed XML, refused on purpose (gofeed's lenient parser recovers): " + reason
                : "we reject the document: " + reason;
    }

    static String reason(String where, String field) {
        for (Map.Entry<String, String> e : BY_FIXTURE.entrySet()) {
            if (where.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return "unclassified";
    }
}
