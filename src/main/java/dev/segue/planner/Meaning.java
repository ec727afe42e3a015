package dev.segue.planner;

import java.util.List;

/**
 * What one phrase of the lexicon or the catalog's vocabulary means; a phrase can carry several meanings ("calm" is
 * tags and a low energy).
 *
 * @param kind how the tags were found: tag (the catalog's own name) or synonym (the lexicon's)
 * @param english for a word of another language, the English phrase it means (searched for instead of the word)
 */
record Meaning(
        List<String> tags,
        String kind,
        String activity,
        Energy energy,
        boolean vocals,
        boolean instrumental,
        boolean clean,
        String english) {

    static final Meaning NONE = new Meaning(List.of(), null, null, null, false, false, false, null);

    Meaning withTags(List<String> found, String how) {
        return new Meaning(found, how, activity, energy, vocals, instrumental, clean, english);
    }

    Meaning withActivity(String name) {
        return new Meaning(tags, kind, name, energy, vocals, instrumental, clean, english);
    }

    Meaning withEnergy(Energy level) {
        return new Meaning(tags, kind, activity, level, vocals, instrumental, clean, english);
    }

    /** A word about singing ("vocals", "singer"): it is not also about instrumentals. */
    Meaning aboutVocals() {
        return new Meaning(tags, kind, activity, energy, true, false, clean, english);
    }

    /** A word asking for instrumentals: it is not also about singing. */
    Meaning aboutInstrumentals() {
        return new Meaning(tags, kind, activity, energy, false, true, clean, english);
    }

    Meaning aboutCleanLyrics() {
        return new Meaning(tags, kind, activity, energy, vocals, instrumental, true, english);
    }

    /** The same meaning, reached from a word of another language that translates {@code phrase}. */
    Meaning translating(String phrase) {
        return new Meaning(tags, kind, activity, energy, vocals, instrumental, clean, phrase);
    }

    /** The words to search for: the English phrase a translated word means, else the phrase itself. */
    String searchWords(String phrase) {
        return english == null ? phrase : english;
    }

    /** Whether reading the phrase changes anything at all. */
    boolean saysSomething() {
        return !tags.isEmpty() || activity != null || energy != null || vocals || instrumental || clean;
    }
}
