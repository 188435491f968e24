package io.newsradar.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the parts of a body that say where and by whom a story was filed rather than what it is
 * about: a leading byline ("By Jane Doe"), the dateline ("SEOUL, Nov 3 (Reuters) -") and a
 * closing credit ("(Reporting by ...; Editing by ...)"). A place named there is the reporter's
 * desk, so the scorer counts a tag found only there for little (DESIGN.md: a dateline country
 * weighs less than one in the lead). Conservative on purpose: a dateline needs an upper-case
 * place or an agency in brackets, so an ordinary first sentence is never taken for one.
 */
final class Placelines {
    /** A parts-of-text range [start, end) in body offsets. */
    record Span(int start, int end) {
        boolean holds(int s, int e) {
            return s >= start && e <= end;
        }
    }

    // one line of at most 100 characters, starting with "By " and a capitalised name
    private static final Pattern BYLINE = Pattern.compile("\\A\\s*+By\\s++[A-Z][^\\n]{0,96}+\\n");
    private static final String PLACE_WORD = "[A-Z][\\p{L}.'-]*+";
    private static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*+\\.?+";
    // PLACE[, REGION][, Mon D[, YYYY]] [(AGENCY)] followed by a dash; the region may give back a
    // month it took ("SEOUL, Nov 3"), so that part backtracks (bounded: at most three words)
    private static final Pattern DATELINE = Pattern.compile("\\A\\s*+(?<place>" + PLACE_WORD + "(?:[ ]" + PLACE_WORD
            + "){0,3}+)" + "(?:,[ ]" + PLACE_WORD + "(?:[ ]" + PLACE_WORD + "){0,2}(?=[ ,(\\-\\u2013\\u2014]))?"
            + "(?:,?+[ ]" + MONTH + "[ ]\\d{1,2}(?:,[ ]\\d{4})?+)?+"
            + "[ ]?+(?<agency>\\([^()\\n]{1,40}\\))?+[ ]?+(?:--?+|\\u2013|\\u2014)[ ]");
    private static final Pattern CREDIT =
            Pattern.compile("\\((?:Reporting|Writing|Additional reporting|Editing|Compiled)[^()]{0,300}\\)\\s*+\\z");

    private Placelines() {}

    /** The byline, dateline and closing credit of a body, in order; empty when it has none. */
    static List<Span> find(String body) {
        List<Span> spans = new ArrayList<>(2);
        if (body == null || body.isEmpty()) {
            return spans;
        }
        int from = 0;
        Matcher by = BYLINE.matcher(body);
        if (by.find()) {
            spans.add(new Span(0, by.end()));
            from = by.end();
        }
        Matcher dl = DATELINE.matcher(body).region(from, body.length());
        dl.useTransparentBounds(false).useAnchoringBounds(true);
        if (dl.lookingAt() && isDateline(dl)) {
            spans.add(new Span(from, dl.end()));
        }
        // the credit line is at the very end; only the tail is searched, whatever the body's length
        int tail = Math.max(0, body.length() - 400);
        Matcher credit = CREDIT.matcher(body).region(tail, body.length());
        if (credit.find()) {
            spans.add(new Span(credit.start(), credit.end()));
        }
        return spans;
    }

    /** An agency in brackets, or a place in capitals ("SEOUL"), makes it a dateline. */
    private static boolean isDateline(Matcher m) {
        if (m.group("agency") != null) {
            return true;
        }
        String place = m.group("place");
        int letters = 0;
        for (int i = 0; i < place.length(); i++) {
            char c = place.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    static boolean inAny(List<Span> spans, int start, int end) {
        for (Span s : spans) {
            if (s.holds(start, end)) {
                return true;
            }
        }
        return false;
    }
}
