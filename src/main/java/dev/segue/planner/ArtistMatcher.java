package dev.segue.planner;

import static dev.segue.planner.PromptText.join;
import static dev.segue.planner.PromptText.sameClause;

import dev.segue.catalog.Catalog;
import dev.segue.planner.PromptText.Word;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads artists in a prompt: "by X" (only X), "like X" (sounds like X), "nothing by X" (never X), in a refinement
 * "add some X" (a share of X), and a bare name where it cannot be ordinary words. A name after "by" or "like" that
 * this catalog lacks is reported instead of being read as moods or genres.
 */
@ApplicationScoped
class ArtistMatcher {

    private static final int MAX_ARTIST_WORDS = 6;
    private static final int MAX_CUE_WORDS = 4;
    /** How many words of an unknown name are taken after a cue. */
    private static final int MAX_UNKNOWN_WORDS = 4;

    private static final Set<String> BY_CUES = Set.of("by", "from", "play");
    private static final Set<String> LIKE_CUES = Set.of(
            "like",
            "similar to",
            "sounds like",
            "in the style of",
            "style of",
            "reminds me of",
            "artists like",
            "fans of",
            "inspired by");

    /** The words that announce a name: "by" (only this artist) or one of the "like" cues; none is zero words. */
    private record Cue(int words, boolean by) {
        static final Cue NONE = new Cue(0, false);
    }

    /** A catalog artist named by {@code words} words of the prompt. */
    private record Name(String artist, int words) {}

    private final PhraseBook phrases;
    private final Map<String, String> artistByKey;

    ArtistMatcher(Catalog catalog, PhraseBook phrases) {
        this.phrases = phrases;
        this.artistByKey = catalog.artistsByKey();
    }

    /** Reads an artist at word i into the draft; returns how many words it took (0: no artist there). */
    int read(List<Word> words, int i, boolean negating, Modifier modifier, Draft d) {
        Cue cue = cueAt(words, i);
        int start = i + cue.words();
        if (start >= words.size()) {
            return 0;
        }
        Name name = nameAt(words, start, cue, negating);
        if (name != null) {
            add(name.artist(), cue, negating, modifier, d);
            return cue.words() + name.words();
        }
        String first = words.get(i).text();
        if (cue.words() > 0 && !first.equals("from") && !first.equals("play")) {
            int unknown = unknownNameAt(words, start);
            if (unknown > 0) {
                // "by Taylor Swift": say so, and do not read the name's words as moods or genres ("swift" is no tempo).
                d.notes.add("no artist called \"" + join(words, start, unknown) + "\" in this catalog");
                return cue.words() + unknown;
            }
        }
        return 0;
    }

    private static Cue cueAt(List<Word> words, int i) {
        for (int n = Math.min(MAX_CUE_WORDS, words.size() - i); n >= 1; n--) {
            String cue = join(words, i, n);
            if (sameClause(words, i, n) && (BY_CUES.contains(cue) || LIKE_CUES.contains(cue))) {
                return new Cue(n, BY_CUES.contains(cue));
            }
        }
        return Cue.NONE;
    }

    /** The longest catalog artist named from word {@code start}, or null. */
    private Name nameAt(List<Word> words, int start, Cue cue, boolean negating) {
        for (int n = Math.min(MAX_ARTIST_WORDS, words.size() - start); n >= 1; n--) {
            if (!sameClause(words, start, n)) {
                continue;
            }
            String artist = artistByKey.get(join(words, start, n));
            if (artist == null) {
                continue;
            }
            // Without a cue ("by", "like", "not"), a name is read as an artist only when it cannot be ordinary words:
            // several words not all in the lexicon, or a single word that is the whole prompt ("jahzzar").
            if (cue.words() == 0 && !negating) {
                boolean alone = onlyStopwordsBesides(words, start, n);
                if (n == 1 ? !alone : allCommon(words, start, n)) {
                    continue;
                }
            }
            if (n == 1 && phrases.knows(words.get(start).text()) && cue.words() == 0) {
                continue; // "no piano" means the instrument even if an artist is called Piano
            }
            return new Name(artist, n);
        }
        return null;
    }

    private static void add(String artist, Cue cue, boolean negating, Modifier modifier, Draft d) {
        if (negating) {
            d.excludeArtists.add(artist);
        } else if (modifier == Modifier.ADD) {
            d.mixIns.add(new MixIn(artist, List.of(), artist, 0.3));
        } else if (cue.by() || modifier == Modifier.ONLY) {
            d.artists.add(artist);
        } else {
            d.similarTo.add(artist);
        }
    }

    /** How many words from {@code start} look like a name: up to the first word the planner knows otherwise. */
    private int unknownNameAt(List<Word> words, int start) {
        int n = 0;
        while (start + n < words.size() && n < MAX_UNKNOWN_WORDS && sameClause(words, start, n + 1)) {
            String w = words.get(start + n).text();
            if (phrases.isStopword(w)
                    || phrases.isNegation(w)
                    || phrases.knows(w)
                    || phrases.stemmed(w).isPresent()
                    || w.matches("\\d+")) {
                break;
            }
            n++;
        }
        return n;
    }

    private boolean onlyStopwordsBesides(List<Word> words, int start, int n) {
        for (int k = 0; k < words.size(); k++) {
            if ((k < start || k >= start + n)
                    && !phrases.isStopword(words.get(k).text())) {
                return false;
            }
        }
        return true;
    }

    private boolean allCommon(List<Word> words, int start, int n) {
        for (int k = start; k < start + n; k++) {
            String w = words.get(k).text();
            if (!phrases.isStopword(w)
                    && !phrases.knows(w)
                    && phrases.stemmed(w).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
