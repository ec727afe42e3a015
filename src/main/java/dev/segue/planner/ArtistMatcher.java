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
 * "add some X" (a share of X), and a bare name where it cannot be ordinary words. The cues are the prompt language's
 * ("wie X", "como X"). A name after a cue that is a catalog artist's misspelt ("by jahzar") is read as that artist,
 * with a note; one this catalog lacks is reported instead of being read as moods or genres.
 */
@ApplicationScoped
class ArtistMatcher {

    private static final int MAX_ARTIST_WORDS = 6;
    private static final int MAX_CUE_WORDS = 4;
    /** How many words of an unknown name are taken after a cue. */
    private static final int MAX_UNKNOWN_WORDS = 4;

    /** The words that announce a name: "by" (only this artist) or one of the "like" cues; none is zero words. */
    private record Cue(int words, boolean by) {
        static final Cue NONE = new Cue(0, false);
    }

    /** A catalog artist named by {@code words} words of the prompt. */
    private record Name(String artist, int words) {}

    private final PhraseBook phrases;
    private final TypoCorrector typos;
    private final Map<String, String> artistByKey;

    ArtistMatcher(Catalog catalog, PhraseBook phrases, TypoCorrector typos) {
        this.phrases = phrases;
        this.typos = typos;
        this.artistByKey = catalog.artistsByKey();
    }

    /** Reads an artist at word i into the draft; returns how many words it took (0: no artist there). */
    int read(List<Word> words, int i, boolean negating, Modifier modifier, Draft d) {
        LanguageWords lw = phrases.in(d.language);
        Cue cue = cueAt(words, i, lw);
        int start = i + cue.words();
        if (start >= words.size()) {
            return 0;
        }
        Name name = nameAt(words, start, cue, negating, lw);
        if (name != null) {
            add(name.artist(), cue, negating, modifier, d);
            return cue.words() + name.words();
        }
        String first = words.get(i).text();
        if (cue.words() > 0 && !first.equals("from") && !first.equals("play")) {
            int unknown = unknownNameAt(words, start, lw);
            Name misspelt = misspeltNameAt(words, start, unknown);
            if (misspelt != null) {
                d.notes.add("read \"" + join(words, start, misspelt.words()) + "\" as \"" + misspelt.artist() + "\"");
                add(misspelt.artist(), cue, negating, modifier, d);
                return cue.words() + misspelt.words();
            }
            if (unknown > 0) {
                // "by Taylor Swift": say so, and do not read the name's words as moods or genres ("swift" is no tempo).
                d.notes.add("no artist called \"" + join(words, start, unknown) + "\" in this catalog");
                return cue.words() + unknown;
            }
        }
        return 0;
    }

    private static Cue cueAt(List<Word> words, int i, LanguageWords lw) {
        Set<String> by = lw.artistCues("by");
        Set<String> like = lw.artistCues("like");
        for (int n = Math.min(MAX_CUE_WORDS, words.size() - i); n >= 1; n--) {
            String cue = join(words, i, n);
            if (sameClause(words, i, n) && (by.contains(cue) || like.contains(cue))) {
                return new Cue(n, by.contains(cue));
            }
        }
        return Cue.NONE;
    }

    /** "by jahzar": the longest run of the unknown words after a cue that is a catalog artist's name misspelt. */
    private Name misspeltNameAt(List<Word> words, int start, int unknown) {
        for (int n = unknown; n >= 1; n--) {
            String artist =
                    typos.artist(join(words, start, n)).map(artistByKey::get).orElse(null);
            if (artist != null) {
                return new Name(artist, n);
            }
        }
        return null;
    }

    /** The longest catalog artist named from word {@code start}, or null. */
    private Name nameAt(List<Word> words, int start, Cue cue, boolean negating, LanguageWords lw) {
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
                boolean alone = onlyStopwordsBesides(words, start, n, lw);
                if (n == 1 ? !alone : allCommon(words, start, n, lw)) {
                    continue;
                }
            }
            if (n == 1 && lw.knows(words.get(start).text()) && cue.words() == 0) {
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
    private static int unknownNameAt(List<Word> words, int start, LanguageWords lw) {
        int n = 0;
        while (start + n < words.size() && n < MAX_UNKNOWN_WORDS && sameClause(words, start, n + 1)) {
            String w = words.get(start + n).text();
            if (lw.isStopword(w)
                    || lw.isNegation(w)
                    || lw.knows(w)
                    || lw.stemmed(w).isPresent()
                    || w.matches("\\d+")) {
                break;
            }
            n++;
        }
        return n;
    }

    private static boolean onlyStopwordsBesides(List<Word> words, int start, int n, LanguageWords lw) {
        for (int k = 0; k < words.size(); k++) {
            if ((k < start || k >= start + n) && !lw.isStopword(words.get(k).text())) {
                return false;
            }
        }
        return true;
    }

    private static boolean allCommon(List<Word> words, int start, int n, LanguageWords lw) {
        for (int k = start; k < start + n; k++) {
            String w = words.get(k).text();
            if (!lw.isStopword(w) && !lw.knows(w) && lw.stemmed(w).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
