package io.newsradar.scoring.rules;

import java.util.EnumSet;
import java.util.Set;

/** Which CJK analysers a query word needs, by the scripts it is written in. */
final class CjkScript {
    private CjkScript() {}

    /** Hangul: Korean; kana: Japanese; Han: Japanese and Chinese. Latin text needs none. */
    static Set<Analysis> formsFor(String text) {
        Set<Analysis> forms = EnumSet.noneOf(Analysis.class);
        text.codePoints().forEach(cp -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            switch (script) {
                case HANGUL -> forms.add(Analysis.KO);
                case HIRAGANA, KATAKANA -> forms.add(Analysis.JA);
                case HAN -> {
                    forms.add(Analysis.JA);
                    forms.add(Analysis.ZH);
                }
                default -> {}
            }
        });
        return forms;
    }
}
