package io.newsradar.scoring.rules;

import io.newsradar.scoring.ArticleField;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The ways an article's title and body are indexed for matching. Every article gets the three
 * English forms; an article whose language is Korean, Japanese or Chinese also gets that
 * language's form. A query word goes to the form that fits how it was written (see
 * docs/rules.md): bare words to {@link #STEM}, quoted phrases and wildcards to {@link #EXACT},
 * {@code cased:} words to {@link #CASED}, and words in Hangul, kana or Han also to the CJK forms.
 */
enum Analysis {
    /** Standard tokenizer, possessive removed, lower case, ASCII folding, light (plural) stemming. */
    STEM("stem"),
    /** The same without stemming: what quoted phrases and wildcards match. */
    EXACT("exact"),
    /** Case kept (possessive removed, ASCII folding): "US" the country, not "us". */
    CASED("cased"),
    /** Korean morphological analysis (Nori): particles and endings come off words. */
    KO("ko"),
    /** Japanese morphological analysis (Kuromoji): words are found without spaces. */
    JA("ja"),
    /** Simplified Chinese word segmentation (SmartCN). */
    ZH("zh");

    private final String suffix;

    Analysis(String suffix) {
        this.suffix = suffix;
    }

    /** The index field of an article field in this form, e.g. {@code body.stem}. */
    String field(ArticleField field) {
        return field.fieldName() + "." + suffix;
    }

    boolean cjk() {
        return this == KO || this == JA || this == ZH;
    }

    /** The form of an index field name, or null for a name that is not one of ours. */
    static Analysis ofField(String indexField) {
        int dot = indexField.indexOf('.');
        String suffix = dot < 0 ? "" : indexField.substring(dot + 1);
        for (Analysis a : values()) {
            if (a.suffix.equals(suffix)) {
                return a;
            }
        }
        return null;
    }

    /** The article field of an index field name, or null. */
    static ArticleField articleField(String indexField) {
        int dot = indexField.indexOf('.');
        String name = dot < 0 ? indexField : indexField.substring(0, dot);
        for (ArticleField f : ArticleField.values()) {
            if (f.fieldName().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The CJK form for an article's language tag ("ko", "ja-JP", "zh_Hans"...), or null: the
     * analysers are chosen by the language the article declares, never guessed from its text.
     */
    static Analysis forLanguage(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        String primary = language.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return switch (primary) {
            case "ko" -> KO;
            case "ja" -> JA;
            case "zh" -> ZH;
            default -> null;
        };
    }

    /** The English chains: one tokenizer, the filters of each form. */
    static final class English extends Analyzer {
        private final Analysis form;

        English(Analysis form) {
            this.form = form;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream ts = new EnglishPossessiveFilter(source);
            if (form != CASED) {
                ts = new LowerCaseFilter(ts);
            }
            ts = new ASCIIFoldingFilter(ts);
            if (form == STEM) {
                ts = new EnglishMinimalStemFilter(ts);
            }
            return new TokenStreamComponents(source, ts);
        }

        /** What wildcard and prefix patterns go through: the same case and accent folding. */
        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            TokenStream ts = form == CASED ? in : new LowerCaseFilter(in);
            return new ASCIIFoldingFilter(ts);
        }
    }

    /** Builds the analyser of this form; the CJK ones load their dictionaries on first use. */
    Analyzer newAnalyzer() {
        return switch (this) {
            case STEM, EXACT, CASED -> new English(this);
            case KO -> new KoreanAnalyzer();
            case JA -> new JapaneseAnalyzer();
            case ZH -> new SmartChineseAnalyzer();
        };
    }
}
