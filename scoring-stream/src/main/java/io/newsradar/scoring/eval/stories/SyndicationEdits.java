package io.newsradar.scoring.eval.stories;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edits syndication makes to a wire story, applied by recipe (eval/LABELLING.md, "The edit
 * recipes"): the evaluation makes each edited copy from the shared text at run time, so no text is
 * stored. Pure and deterministic: the recipe is the whole definition of the copy.
 */
public final class SyndicationEdits {
    /** A headline and a body. */
    public record Text(String title, String body) {}

    private static final Pattern LEAD_MARKER = Pattern.compile(
            "^(?:(?:[A-Z][A-Za-z.,/ ]*?\\s)?\\([A-Za-z. ]+\\)\\s*-{1,2}\\s*|(?:AP|Reuters|AFP)\\s+-\\s+)");
    private static final Pattern TITLE_MARKER = Pattern.compile("\\s*\\([A-Za-z.]+(?: [A-Za-z.]+)*\\)$");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!])\\s+(?=[A-Z0-9])");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    static final List<String> TAILS = List.of(
            "Copyright 2004 the news agency. All rights reserved.",
            "Additional reporting by staff correspondents.",
            "This story has been corrected to fix a spelling error.",
            "Click here for full coverage and more news.",
            "Readers can send comments to the newsdesk.");

    static final List<String[]> SUBSTITUTIONS = List.of(
            new String[] {"said", "stated"},
            new String[] {"says", "states"},
            new String[] {"company", "firm"},
            new String[] {"percent", "per cent"},
            new String[] {"killed", "left dead"},
            new String[] {"government", "administration"},
            new String[] {"announced", "unveiled"},
            new String[] {"officials", "authorities"},
            new String[] {"people", "persons"},
            new String[] {"new", "fresh"},
            new String[] {"plans", "intends"},
            new String[] {"would", "will"},
            new String[] {"after", "following"},
            new String[] {"about", "around"},
            new String[] {"more than", "over"},
            new String[] {"including", "among them"},
            new String[] {"largest", "biggest"},
            new String[] {"shares", "stock"},
            new String[] {"expected", "forecast"},
            new String[] {"reported", "disclosed"});

    private SyndicationEdits() {}

    /** Throws naming {@code where} when the recipe has an edit this class does not know. */
    static void check(String recipe, String where) {
        for (String op : recipe.split(";", -1)) {
            if (!known(op)) {
                throw new IllegalArgumentException(where + "unknown edit '" + op + "'");
            }
        }
    }

    private static boolean known(String op) {
        return switch (op) {
            case "head=shorten", "head=swap", "head=update", "head=lead" -> true;
            case "outlet=ap", "outlet=reuters", "outlet=strip", "outlet=afp" -> true;
            case "lead=drop", "numbers=restyle" -> true;
            default -> op.matches("tail=[1-5]") || op.matches("subst=[1-9]");
        };
    }

    public static Text apply(String recipe, Text text) {
        String title = text.title();
        String body = text.body();
        for (String op : recipe.split(";", -1)) {
            String[] kv = op.split("=", 2);
            String value = kv.length > 1 ? kv[1] : "";
            switch (kv[0]) {
                case "head" -> title = headline(value, title, body);
                case "outlet" -> {
                    switch (value) {
                        case "ap" -> body = "(AP) -- " + stripLead(body);
                        case "reuters" -> body = "NEW YORK (Reuters) - " + stripLead(body);
                        case "strip" -> {
                            body = stripLead(body);
                            title = stripTitle(title);
                        }
                        case "afp" -> title = stripTitle(title) + " (AFP)";
                        default -> throw new IllegalArgumentException("unknown edit " + op);
                    }
                }
                case "lead" -> body = dropLead(body);
                case "tail" -> body = body + " " + TAILS.get(Integer.parseInt(value) - 1);
                case "subst" -> {
                    Text t = substitute(Integer.parseInt(value), title, body);
                    title = t.title();
                    body = t.body();
                }
                case "numbers" -> {
                    title = restyleNumbers(title);
                    body = restyleNumbers(body);
                }
                default -> throw new IllegalArgumentException("unknown edit " + op);
            }
        }
        return new Text(title, body);
    }

    private static String headline(String how, String title, String body) {
        String bare = stripTitle(title);
        return switch (how) {
            case "shorten" -> shorten(bare);
            case "swap" -> {
                int colon = bare.indexOf(": ");
                yield colon < 0 ? shorten(bare) : bare.substring(colon + 2) + " - " + bare.substring(0, colon);
            }
            case "update" -> "UPDATE 2-" + title;
            case "lead" -> String.join(" ", firstWords(stripLead(body), 8));
            default -> throw new IllegalArgumentException("unknown headline edit " + how);
        };
    }

    private static String shorten(String title) {
        List<String> words = firstWords(title, Integer.MAX_VALUE);
        int keep = Math.max(3, (int) Math.ceil(0.6 * words.size()));
        return String.join(" ", words.subList(0, Math.min(keep, words.size())));
    }

    private static List<String> firstWords(String text, int n) {
        String s = text.strip();
        if (s.isEmpty()) {
            return List.of();
        }
        List<String> words = Arrays.asList(SPACE.split(s));
        return words.subList(0, Math.min(n, words.size()));
    }

    static String stripLead(String body) {
        return LEAD_MARKER.matcher(body).replaceFirst("");
    }

    static String stripTitle(String title) {
        return TITLE_MARKER.matcher(title).replaceFirst("");
    }

    private static String dropLead(String body) {
        String bare = stripLead(body);
        String[] sentences = SENTENCE_END.split(bare);
        if (sentences.length >= 2) {
            return String.join(" ", Arrays.copyOfRange(sentences, 1, sentences.length));
        }
        int comma = bare.lastIndexOf(", ");
        return comma < 0 ? bare : bare.substring(0, comma) + ".";
    }

    private static Text substitute(int count, String title, String body) {
        int done = 0;
        for (String[] s : SUBSTITUTIONS) {
            if (done == count) {
                break;
            }
            Pattern word = Pattern.compile("\\b" + Pattern.quote(s[0]) + "\\b");
            Matcher inBody = word.matcher(body);
            if (inBody.find()) {
                body = body.substring(0, inBody.start()) + s[1] + body.substring(inBody.end());
                done++;
                continue;
            }
            Matcher inTitle = word.matcher(title);
            if (inTitle.find()) {
                title = title.substring(0, inTitle.start()) + s[1] + title.substring(inTitle.end());
                done++;
            }
        }
        return new Text(title, body);
    }

    private static String restyleNumbers(String s) {
        String out = s.replaceAll("(\\d) percent\\b", "$1%");
        String before;
        do {
            before = out;
            out = out.replaceAll("(\\d),(\\d{3})", "$1$2");
        } while (!out.equals(before));
        out = out.replaceAll("(\\d) million\\b", "$1m");
        return out.replaceAll("(\\d) billion\\b", "$1bn");
    }
}
