package dev.segue.planner;

import java.util.List;

/**
 * What one phrase of the lexicon or the catalog's vocabulary means; a phrase can carry several meanings ("calm" is
 * tags and a low energy).
 *
 * @param kind how the tags were found: tag (the catalog's own name) or synonym (the lexicon's)
 */
record Meaning(
        List<String> tags,
        String kind,
        String activity,
        Energy energy,
        boolean vocals,
        boolean instrumental,
        boolean clean) {

    static final Meaning NONE = new Meaning(List.of(), null, null, null, false, false, false);

    Meaning withTags(List<String> found, String how) {
        return new Meaning(found, how, activity, energy, vocals, instrumental, clean);
    }

    Meaning withActivity(String name) {
        return new Meaning(tags, kind, name, energy, vocals, instrumental, clean);
    }

    Meaning withEnergy(Energy level) {
        return new Meaning(tags, kind, activity, level, vocals, instrumental, clean);
    }

    /** A word about singing ("vocals", "singer"): it is not also about instrumentals. */
    Meaning aboutVocals() {
        return new Meaning(tags, kind, activity, energy, true, false, clean);
    }

    /** A word asking for instrumentals: it is not also about singing. */
    Meaning aboutInstrumentals() {
        return new Meaning(tags, kind, activity, energy, false, true, clean);
    }

    Meaning aboutCleanLyrics() {
        return new Meaning(tags, kind, activity, energy, vocals, instrumental, true);
    }

    /** Whether reading the phrase changes anything at all. */
    boolean saysSomething() {
        return !tags.isEmpty() || activity != null || energy != null || vocals || instrumental || clean;
    }
}
