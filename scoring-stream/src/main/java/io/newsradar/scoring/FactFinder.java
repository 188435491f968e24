package io.newsradar.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds named programmes, money amounts and dates in English news text with a few regular
 * expressions. Deliberately conservative: a missed fact costs a point, a false one inflates
 * every article that mentions "the programme".
 */
public final class FactFinder {
    private static final String CAP_WORD = "[A-Z][\\p{L}\\p{N}-]*";
    // capitalised words that start sentences or describe rather than name
    private static final String NOT_A_NAME = "(?!(?:The|This|That|These|Those|A|An|Its|Their|Our|His|Her|Each|Every"
            + "|No|Any|Such|New|Joint|Other|Another|Some|Both|Which|What|One|National|Defense|Defence|Military"
            + "|Research|Government|State|Federal|AI|ML|Space|Nuclear|Korean|Japanese|American|British|Chinese"
            + "|European)\\b)";
    private static final List<Pattern> PROGRAMME = List.of(
            // "Project Tidewatch", "Operation Blue Harbor", "Initiative Kestrel"
            Pattern.compile("\\b(?:Project|Programme|Program|Operation|Initiative)\\s+" + CAP_WORD
                    + "(?:\\s+" + CAP_WORD + ")*"),
            // "the Tidewatch programme", "the Blue Harbor Initiative"; only the name is kept
            Pattern.compile("\\b[Tt]he\\s+(?<f>" + NOT_A_NAME + CAP_WORD + "(?:\\s+" + CAP_WORD + "){0,2}\\s+"
                    + "(?:programme|program|initiative|project|Programme|Program|Initiative|Project))\\b"),
            // "a programme called/named/dubbed Tidewatch", with or without quotes
            Pattern.compile("\\b(?:programme|program|project|initiative)\\s+(?:called|named|dubbed|known as)\\s+"
                    + "[\"\\u201C']?" + CAP_WORD + "(?:\\s+" + CAP_WORD + ")*[\"\\u201D']?"));

    private static final String NUMBER = "\\d[\\d,]*(?:\\.\\d+)?";
    private static final String SCALE = "(?:trillion|billion|million|thousand|bn|mn|m|k)";
    private static final String CURRENCY_WORD = "(?:dollars|euros|pounds|yen|won|yuan|francs|kronor|rupees)";
    private static final List<Pattern> AMOUNT = List.of(
            Pattern.compile("[$\u20AC\u00A3\u00A5\u20A9]\\s?" + NUMBER + "(?:\\s?" + SCALE + "\\b)?"),
            Pattern.compile("\\b(?:USD|EUR|GBP|JPY|KRW|CNY|AUD|CAD)\\s?" + NUMBER + "(?:\\s?" + SCALE + "\\b)?"),
            Pattern.compile("\\b" + NUMBER + "\\s?(?:trillion|billion|million)?\\s+" + CURRENCY_WORD + "\\b"));

    private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)";
    private static final List<Pattern> DATE = List.of(
            Pattern.compile("\\b" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b"),
            Pattern.compile("\\b\\d{1,2}\\s+" + MONTH + "(?:\\s+\\d{4})?\\b"),
            Pattern.compile("\\b" + MONTH + "\\s+\\d{4}\\b"),
            Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b"),
            Pattern.compile("\\b(?:by|in|from|until|through|before)\\s+(?:19|20)\\d{2}\\b"));

    private FactFinder() {}

    /** Every fact in the text, in order of position; overlapping finds of one kind kept once. */
    public static List<Fact> find(ArticleField field, String text) {
        List<Fact> facts = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return facts;
        }
        collect(Fact.Kind.PROGRAMME, PROGRAMME, field, text, facts);
        collect(Fact.Kind.AMOUNT, AMOUNT, field, text, facts);
        collect(Fact.Kind.DATE, DATE, field, text, facts);
        facts.sort(Comparator.comparingInt(Fact::start));
        return facts;
    }

    private static void collect(Fact.Kind kind, List<Pattern> patterns, ArticleField field, String text, List<Fact> into) {
        List<Fact> found = new ArrayList<>();
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                boolean named = p.pattern().contains("(?<f>");
                int start = named ? m.start("f") : m.start();
                int end = named ? m.end("f") : m.end();
                Fact f = new Fact(kind, field, text.substring(start, end).strip(), start, end);
                if (found.stream().noneMatch(g -> g.start() < f.end() && f.start() < g.end())) {
                    found.add(f);
                }
            }
        }
        into.addAll(found);
    }
}
