package dev.segue.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An intent while it is being read: each reader of the prompt (size, era, phrases, artists, inferred words) adds
 * what it found; {@link IntentAssembler} then turns it into an {@link Intent}, or merges it into an earlier one for a
 * refinement.
 */
final class Draft {
    final boolean refining;
    /** The language the prompt is read in. */
    final Language language;
    /** How the prompt spelled each of its words before accents were folded ("electronica": "electrónica"). */
    final Map<String, String> surface = new HashMap<>();

    final List<TagGroup> include = new ArrayList<>();
    final Set<String> excludeTags = new LinkedHashSet<>();
    final Set<String> artists = new LinkedHashSet<>();
    final Set<String> similarTo = new LinkedHashSet<>();
    final Set<String> excludeArtists = new LinkedHashSet<>();
    final List<MixIn> mixIns = new ArrayList<>();
    final List<String> queryWords = new ArrayList<>();
    /** Words no list knows, left for {@link WordInference}. */
    final List<String> unknown = new ArrayList<>();

    final List<String> unmatched = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    Integer yearFrom;
    Integer yearTo;
    Energy energy;
    String activity;
    boolean noVocals;
    boolean preferInstrumental;
    boolean cleanOnly;
    Integer length;
    /** "add 5 more songs": tracks on top of the previous length. */
    Integer lengthDelta;

    Integer durationMinutes;
    /** "longer" / "shorter": a factor on the previous size. */
    Double scale;
    /** "piano or guitar": the next wish joins the previous group instead of becoming one of its own. */
    boolean orPending;

    Draft(boolean refining, Language language) {
        this.refining = refining;
        this.language = language;
    }

    /**
     * A phrase as the listener wrote it, for titles and descriptions: in another language than English with its
     * accents ("música electrónica"); English phrases stay as read.
     */
    String shown(String phrase) {
        if (language == Language.EN) {
            return phrase;
        }
        List<String> words = new ArrayList<>();
        for (String word : phrase.split(" ")) {
            words.add(surface.getOrDefault(word, word));
        }
        return String.join(" ", words);
    }
}
