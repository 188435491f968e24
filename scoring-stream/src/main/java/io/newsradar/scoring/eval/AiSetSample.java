package io.newsradar.scoring.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The sample rule of the AI set (eval/LABELLING.md, "Third set"): the items of both shared files
 * that the first two sets do not label, split into strata by a broad keyword prefilter and by
 * class, ordered within a stratum by a salted SHA-256 of the id; the prefilter strata are
 * censuses. Half of every stratum is held out. The prefilter is a list of words, never the
 * output of a rule of ours, so the sample does not depend on what the tagger finds.
 */
public final class AiSetSample {
    /** The seed of the draw: prefixed to the id before hashing. */
    public static final String SALT = "ai-set-v1:";

    static final String PREFILTER_SUFFIX = "-prefilter";

    /**
     * The prefilter, word for word the Python pattern of eval/LABELLING.md. Unicode word
     * boundaries, as Python's {@code re} has them for text; AI and the other acronyms are
     * case-sensitive ("ai" is too often something else).
     */
    static final Pattern PREFILTER = Pattern.compile(
            String.join(
                    "|",
                    "(?-i:\\bAI\\b|\\bA\\.I\\.|\\bAIs\\b|\\bML\\b|\\bLLMs?\\b)",
                    "\\bartificial",
                    "\\bintelligen",
                    "\\bautonom",
                    "\\bautopilot",
                    "\\bdrones?\\b",
                    "\\bunmanned",
                    "\\bpilotless",
                    "\\bdriverless",
                    "\\bcrewless",
                    "\\bself[- ](driv|navigat|guid|steer|learn|aware|teach)",
                    "\\brobo",
                    "\\b(chat)?bots?\\b",
                    "\\bhumanoid",
                    "\\bandroid",
                    "\\bcyborg",
                    "\\bmachine[- ]learn",
                    "\\bdeep[- ]learn",
                    "\\blearn",
                    "\\bneural",
                    "\\balgorithm",
                    "\\bcomputer[- ]vision",
                    "\\bmachine[- ]vision",
                    "\\brecogni",
                    "\\bspeech",
                    "\\btranslat",
                    "\\bchess",
                    "\\bexpert[- ]system",
                    "\\blanguage[- ]model",
                    "\\bdeep[- ]?fake",
                    "\\bchatgpt",
                    "\\bgpt",
                    "\\bdall-?e\\b",
                    "\\bmidjourney",
                    "\\blamda\\b",
                    "\\bsentien",
                    "\\bautomat",
                    "\\bcognit",
                    "\\brover",
                    "\\bdarpa"),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private static final ObjectMapper JSON = new ObjectMapper();

    private AiSetSample() {}

    /** Whether the prefilter text (raw, backslashes already spaces) contains a prefilter word. */
    public static boolean matches(String text) {
        return PREFILTER.matcher(text).find();
    }

    /** The key that orders a stratum: SHA-256 of the salted id, lowercase hex. */
    public static String sortKey(String id) {
        return EvalCorpus.sha256(SALT + id);
    }

    /**
     * The pool in file order (AG News, then the headlines), each row's group its stratum. Texts
     * are the raw fields of the shared files, not {@link AgNewsText}'s decoding, so the rule can
     * be re-done without our code.
     *
     * @param alreadyLabelled ids of the first two sets, left out
     */
    public static List<EvalCorpus.SourceRow> pool(Path agnewsFile, Path fwdFile, Set<String> alreadyLabelled) {
        List<EvalCorpus.SourceRow> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(agnewsFile, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode j = JSON.readTree(line);
                String id = j.get("id").asText();
                if (!alreadyLabelled.contains(id)) {
                    String text =
                            j.get("title").asText() + " " + j.get("description").asText();
                    String other = j.get("label_name").asText().equals("Sci/Tech") ? "ag-scitech" : "ag-other";
                    rows.add(new EvalCorpus.SourceRow(stratum("ag", text, other), id));
                }
            }
            for (JsonNode j : JSON.readTree(fwdFile.toFile())) {
                String id = "fwd-" + j.get("source_index").asText();
                if (!alreadyLabelled.contains(id)) {
                    String other = j.get("category").asText().equals("technology") ? "fwd-technology" : "fwd-other";
                    rows.add(new EvalCorpus.SourceRow(
                            stratum("fwd", j.get("title").asText(), other), id));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shared evaluation files", e);
        }
        return rows;
    }

    private static String stratum(String corpus, String rawText, String otherwise) {
        return matches(rawText.replace('\\', ' ')) ? corpus + PREFILTER_SUFFIX : otherwise;
    }

    /**
     * Null when the label file lists exactly the sample (every prefilter stratum whole, the other
     * strata the first items in salted order); else what differs first.
     */
    public static String mismatch(List<LabelledItem> labels, List<EvalCorpus.SourceRow> pool) {
        Map<String, Integer> population = new TreeMap<>();
        pool.forEach(r -> population.merge(r.group(), 1, Integer::sum));
        Map<String, Integer> drawn = new HashMap<>();
        labels.forEach(l -> drawn.merge(l.group(), 1, Integer::sum));
        for (Map.Entry<String, Integer> e : population.entrySet()) {
            int got = drawn.getOrDefault(e.getKey(), 0);
            if (e.getKey().endsWith(PREFILTER_SUFFIX) && got != e.getValue()) {
                return "stratum " + e.getKey() + " is a census of " + e.getValue() + " items; the label file has "
                        + got;
            }
        }
        return SampleCheck.mismatch(labels, pool, AiSetSample::sortKey);
    }

    /** The held-out half: the items at odd positions (0-based) of each stratum, in file order. */
    public static Set<String> heldOut(List<LabelledItem> labels) {
        Map<String, Integer> position = new HashMap<>();
        Set<String> held = new HashSet<>();
        for (LabelledItem item : labels) {
            int n = position.merge(item.group(), 1, Integer::sum) - 1;
            if (n % 2 == 1) {
                held.add(item.id());
            }
        }
        return Set.copyOf(held);
    }
}
