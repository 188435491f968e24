package io.newsradar.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds named programmes, money amounts and dates in English news text with a few regular
 * expressions. Deliberately conservative: a missed fact costs a point, a false one inflates
 * every article that mentions "the programme".
 */
public final class FactFinder {
    /**
     * Facts are looked for in the first this-many characters of a text only. A news article
     * names its programme, money and dates near the top (lede and nut graf), so a longer scan
     * finds little more; and it bounds the work per record whatever the body holds, which keeps
     * a stream task well inside {@code max.poll.interval.ms}.
     */
    static final int MAX_SCANNED_CHARS = 20_000;

    // Every quantifier that a later part of a pattern cannot need back is possessive (*+, ++, ?+),
    // and every number is anchored so it cannot start inside another number: without that, text
    // such as "1,1,1,1,..." made the matcher retry every split of the digits at every digit,
    // which is quadratic in the length of the text (a 20,000-character body took seconds).
    private static final String CAP_WORD = "[A-Z][\\p{L}\\p{N}-]*+";
    // capitalised words that start sentences or describe rather than name
    private static final String NOT_A_NAME = "(?!(?:The|This|That|These|Those|A|An|Its|Their|Our|His|Her|Each|Every"
            + "|No|Any|Such|New|Joint|Other|Another|Some|Both|Which|What|One|National|Defense|Defence|Military"
            + "|Research|Government|State|Federal|AI|ML|Space|Nuclear|Korean|Japanese|American|British|Chinese"
            + "|European)\\b)";
    private static final List<Scan> PROGRAMME = List.of(
            // "Project Tidewatch", "Operation Blue Harbor", "Initiative Kestrel"
            new Scan(
                    MatchStarts.atLiterals("Project", "Program", "Operation", "Initiative"),
                    Pattern.compile("\\b(?:Project|Programme|Program|Operation|Initiative)\\s++" + CAP_WORD + "(?:\\s++"
                            + CAP_WORD + ")*+")),
            // "the Tidewatch programme", "the Blue Harbor Initiative"; only the name is kept. The
            // {0,2} stays greedy-with-backtracking on purpose: in "the Blue Harbor Initiative" it
            // must give "Initiative" back to the keyword; it is bounded, so that costs little.
            new Scan(
                    MatchStarts.atLiterals("the", "The").onlyWith("rogram", "roject", "nitiative"),
                    Pattern.compile(
                            "\\b[Tt]he\\s++(?<f>" + NOT_A_NAME + CAP_WORD + "(?:\\s++" + CAP_WORD + "){0,2}\\s++"
                                    + "(?:programme|program|initiative|project|Programme|Program|Initiative|Project))\\b")),
            // "a programme called/named/dubbed Tidewatch", with or without quotes
            new Scan(
                    MatchStarts.atLiterals("program", "project", "initiative")
                            .onlyWith("called", "named", "dubbed", "known as"),
                    Pattern.compile(
                            "\\b(?:programme|program|project|initiative)\\s++(?:called|named|dubbed|known as)\\s++"
                                    + "[\"\\u201C']?+" + CAP_WORD + "(?:\\s++" + CAP_WORD + ")*+[\"\\u201D']?+")));

    // digits, then commas and digits; never starts right after a digit or comma, so a run of
    // "1,1,1,..." is tried from its first digit only
    private static final String NUMBER = "(?<![\\d,])\\d[\\d,]*+(?:\\.\\d++)?+";
    private static final String SCALE = "(?:trillion|billion|million|thousand|bn|mn|m|k)";
    private static final String CURRENCY_WORD = "(?:dollars|euros|pounds|yen|won|yuan|francs|kronor|rupees)";
    private static final List<Scan> AMOUNT = List.of(
            new Scan(
                    MatchStarts.atLiterals("$", "\u20AC", "\u00A3", "\u00A5", "\u20A9"),
                    Pattern.compile("[$\u20AC\u00A3\u00A5\u20A9]\\s?+" + NUMBER + "(?:\\s?+" + SCALE + "\\b)?+")),
            new Scan(
                    MatchStarts.atLiterals("USD", "EUR", "GBP", "JPY", "KRW", "CNY", "AUD", "CAD"),
                    Pattern.compile(
                            "\\b(?:USD|EUR|GBP|JPY|KRW|CNY|AUD|CAD)\\s?+" + NUMBER + "(?:\\s?+" + SCALE + "\\b)?+")),
            new Scan(
                    MatchStarts.atNumbers(true)
                            .onlyWith("dollars", "euros", "pounds", "yen", "won", "yuan", "francs", "kronor", "rupees"),
                    Pattern.compile(
                            "\\b" + NUMBER + "(?:\\s?+(?:trillion|billion|million))?+\\s++" + CURRENCY_WORD + "\\b")));

    private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)";
    // every spelling in MONTH starts with one of these
    private static final String[] MONTH_STARTS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    private static final List<Scan> DATE = List.of(
            new Scan(
                    MatchStarts.atLiterals(MONTH_STARTS),
                    Pattern.compile("\\b" + MONTH + "\\s++\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s++\\d{4})?\\b")),
            new Scan(
                    MatchStarts.atNumbers(false).onlyWith(MONTH_STARTS),
                    Pattern.compile("\\b\\d{1,2}\\s++" + MONTH + "(?:\\s++\\d{4})?\\b")),
            new Scan(MatchStarts.atLiterals(MONTH_STARTS), Pattern.compile("\\b" + MONTH + "\\s++\\d{4}\\b")),
            new Scan(MatchStarts.atNumbers(false).onlyWith("-"), Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b")),
            new Scan(
                    MatchStarts.atLiterals("by", "in", "from", "until", "through", "before")
                            .onlyWith("19", "20"),
                    Pattern.compile("\\b(?:by|in|from|until|through|before)\\s++(?:19|20)\\d{2}\\b")));

    private FactFinder() {}

    /**
     * Every fact in the first {@link #MAX_SCANNED_CHARS} characters of the text, in order of
     * position; overlapping finds of one kind kept once. Positions are offsets into the text.
     */
    public static List<Fact> find(ArticleField field, String text) {
        return find(field, text, false);
    }

    /**
     * What {@link #find} must equal: every pattern searched for over the whole text with
     * {@link Matcher#find()}, as before the search was narrowed to the possible starts. For tests.
     */
    static List<Fact> findByFullScan(ArticleField field, String text) {
        return find(field, text, true);
    }

    private static List<Fact> find(ArticleField field, String text, boolean fullScan) {
        List<Fact> facts = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return facts;
        }
        String scanned = scannedPart(text);
        collect(Fact.Kind.PROGRAMME, PROGRAMME, field, scanned, fullScan, facts);
        // every amount and date pattern needs an ASCII digit (\d): most titles have none
        if (fullScan || MatchStarts.hasAsciiDigit(scanned)) {
            collect(Fact.Kind.AMOUNT, AMOUNT, field, scanned, fullScan, facts);
            collect(Fact.Kind.DATE, DATE, field, scanned, fullScan, facts);
        }
        facts.sort(Comparator.comparingInt(Fact::start));
        return facts;
    }

    /**
     * The text up to the limit, cut back to the last white space before it so that a number or
     * name at the cut is not found as a shorter one ("$1,2" of "$1,250 million").
     */
    static String scannedPart(String text) {
        if (text.length() <= MAX_SCANNED_CHARS) {
            return text;
        }
        int cut = MAX_SCANNED_CHARS;
        while (cut > 0 && !Character.isWhitespace(text.charAt(cut))) {
            cut--;
        }
        // one word of 20,000 characters holds no fact worth a search
        return text.substring(0, cut);
    }

    private static void collect(
            Fact.Kind kind, List<Scan> scans, ArticleField field, String text, boolean fullScan, List<Fact> into) {
        // accepted finds by start; they never overlap, so only the neighbours of a new find can
        // overlap it (a list scan here was quadratic in the number of finds)
        TreeMap<Integer, Fact> found = new TreeMap<>();
        for (Scan scan : scans) {
            MatchStarts.Cursor starts = scan.starts().cursor(text);
            // transparent bounds: the \b and look-behind at a region's start see the text before it,
            // so a match tried at i is the one Matcher.find would report at i
            Matcher m = scan.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            // what Matcher.find does, without trying the pattern where no match can start: the
            // leftmost match at or after the end of the previous one
            int from = 0;
            while (true) {
                if (fullScan) {
                    if (!m.find()) {
                        break;
                    }
                } else {
                    int i = starts.next(from);
                    if (i < 0) {
                        break;
                    }
                    m.region(i, text.length());
                    if (!m.lookingAt()) {
                        from = i + 1;
                        continue;
                    }
                    from = Math.max(m.end(), i + 1);
                }
                int start = scan.named() ? m.start("f") : m.start();
                int end = scan.named() ? m.end("f") : m.end();
                Map.Entry<Integer, Fact> before = found.floorEntry(start);
                Map.Entry<Integer, Fact> after = found.higherEntry(start);
                boolean overlaps =
                        (before != null && before.getValue().end() > start) || (after != null && after.getKey() < end);
                if (!overlaps) {
                    found.put(
                            start,
                            new Fact(kind, field, text.substring(start, end).strip(), start, end));
                }
            }
        }
        into.addAll(found.values());
    }

    /**
     * A pattern with the places a match of it can start. Running a pattern with {@code \b}
     * before a large alternation over every position of the text was a third of the scoring
     * engine's time; the starts are found with {@code indexOf} or a digit scan instead, and the
     * pattern is tried only there.
     */
    private record Scan(MatchStarts starts, Pattern pattern, boolean named) {
        Scan(MatchStarts starts, Pattern pattern) {
            this(starts, pattern, pattern.pattern().contains("(?<f>"));
        }
    }
}
