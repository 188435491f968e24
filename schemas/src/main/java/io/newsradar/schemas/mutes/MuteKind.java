package io.newsradar.schemas.mutes;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a mute silences: one story, every article of one outlet, or every article with one tag. */
public enum MuteKind {
    /** A story id (the id of the story's origin article), compared exactly. */
    STORY,
    /** An outlet, compared case-insensitively, as the story stage compares outlets. */
    SOURCE,
    /** A taxonomy tag id, compared case-insensitively. */
    TAG;

    /** The lower-case word used in keys, JSON and on the command line. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a word names, case ignored; empty for anything else. */
    public static Optional<MuteKind> of(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String w = word.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.word().equals(w)).findFirst();
    }

    /** "story, source or tag", for messages. */
    public static String choices() {
        String all = Arrays.stream(values()).map(MuteKind::word).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
