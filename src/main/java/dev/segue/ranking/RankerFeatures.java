package dev.segue.ranking;

import dev.segue.catalog.AudioFeatures;
import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import dev.segue.planner.Intent;
import dev.segue.planner.TagGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The numbers the transformer ranker reads beside the embeddings. One definition for both sides: the training export
 * ({@code ./segue export-training-data}) writes exactly these, and {@link TransformerRanker} feeds exactly these, so
 * train and serve cannot drift. Every value is scaled to roughly 0..1; a missing fact is 0 with its "has_" flag 0.
 * Changing a feature means retraining: the model file stores the names it was trained on and is refused otherwise.
 */
public final class RankerFeatures {

    /** Facts of the track alone (candidates and context tracks). */
    public static final List<String> TRACK = List.of(
            "popularity",
            "has_popularity",
            "energy",
            "valence",
            "danceability",
            "acousticness",
            "instrumentalness",
            "tempo",
            "has_audio",
            "year",
            "has_year",
            "genre_count",
            "mood_count",
            "instrument_count");

    /** How the track relates to this request, from the foundation scorer's evidence. */
    public static final List<String> REQUEST = List.of(
            "similarity",
            "prompt_similarity",
            "foundation_score",
            "tag_fit",
            "has_tag_wishes",
            "required_met",
            "fits",
            "unwanted",
            "energy_fit",
            "has_energy_fit",
            "in_era",
            "has_era",
            "artist_named",
            "title_named",
            "year_named");

    /** A candidate's features: request features, then track features. */
    public static final List<String> CANDIDATE = concat(REQUEST, TRACK);

    /** Name keys of titles and artists, computed once each: normalising costs microseconds, a request has hundreds. */
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    private static final int MAX_KEYS = 1_000_000;

    private RankerFeatures() {}

    public static float[] track(Track track) {
        float[] out = new float[TRACK.size()];
        writeTrack(track, out, 0);
        return out;
    }

    /** The prompt's words for {@link #candidate}: name-normalised and padded, so matches are whole words. */
    public static String promptKey(String prompt) {
        return " " + Catalog.artistKey(prompt == null ? "" : prompt) + " ";
    }

    /**
     * @param promptSimilarity cosine of the track to the listener's own words (the scorer's similarity is to the query
     *                         the planner made of them, which drops words it did not recognise)
     * @param promptKey        {@link #promptKey} of the listener's words: names and years written in them
     *                         ("This Is Logic", "Trap 2020") are evidence no embedding of tags holds
     */
    public static float[] candidate(Intent intent, ScoredTrack scored, double promptSimilarity, String promptKey) {
        float[] out = new float[CANDIDATE.size()];
        Track track = scored.track();
        double positiveWeight = 0;
        double unwanted = 0;
        for (TagGroup group : intent.include()) {
            if (group.weight() > 0) {
                positiveWeight += group.weight();
            } else if (group.weight() < 0 && group.matches(track)) {
                unwanted += -group.weight();
            }
        }
        double matchedWeight =
                scored.matched().stream().mapToDouble(TagGroup::weight).sum();
        int required = intent.requiredGroups().size();
        Double energyFit = BaselineScorer.energyFit(intent.energy(), track);
        out[0] = (float) scored.similarity();
        out[1] = (float) promptSimilarity;
        out[2] = (float) scored.score(); // never a refinement's kept-track bonus: refinements bypass the model
        out[3] = positiveWeight > 0 ? (float) (matchedWeight / positiveWeight) : 0;
        out[4] = positiveWeight > 0 ? 1 : 0;
        out[5] = required == 0 ? 1 : (float) (required - scored.missedRequired().size()) / required;
        out[6] = scored.fits() ? 1 : 0;
        out[7] = (float) Math.min(1, unwanted);
        out[8] = energyFit == null ? 0 : energyFit.floatValue();
        out[9] = energyFit == null ? 0 : 1;
        // The era is a hard filter in the assembler; as a feature it lets the model read "90s" or "2019" in a title.
        boolean era = intent.yearFrom() != null || intent.yearTo() != null;
        out[10] = !era
                ? 0
                : track.year() != null
                                && (intent.yearFrom() == null || track.year() >= intent.yearFrom())
                                && (intent.yearTo() == null || track.year() <= intent.yearTo())
                        ? 1
                        : 0;
        out[11] = era ? 1 : 0;
        String artist = key(track.artist());
        String title = key(track.title());
        out[12] = artist.length() >= 2 && promptKey.contains(" " + artist + " ") ? 1 : 0;
        out[13] = title.length() >= 4 && promptKey.contains(" " + title + " ") ? 1 : 0;
        out[14] = track.year() != null && promptKey.contains(" " + track.year() + " ") ? 1 : 0;
        writeTrack(track, out, REQUEST.size());
        return out;
    }

    private static void writeTrack(Track track, float[] out, int at) {
        if (track.popularity() != null) {
            out[at] = (float) (track.popularity() / 100.0);
            out[at + 1] = 1;
        }
        AudioFeatures f = track.features();
        if (f != null && f.energy() != null) {
            out[at + 2] = value(f.energy());
            out[at + 3] = value(f.valence());
            out[at + 4] = value(f.danceability());
            out[at + 5] = value(f.acousticness());
            out[at + 6] = value(f.instrumentalness());
            out[at + 7] = f.tempo() == null ? 0 : (float) Math.min(1, f.tempo() / 250.0);
            out[at + 8] = 1;
        }
        if (track.year() != null) {
            out[at + 9] = (float) Math.max(0, Math.min(1, (track.year() - 1950) / 75.0));
            out[at + 10] = 1;
        }
        out[at + 11] = Math.min(1, track.genres().size() / 5f);
        out[at + 12] = Math.min(1, track.moods().size() / 5f);
        out[at + 13] = Math.min(1, track.instruments().size() / 5f);
    }

    private static String key(String name) {
        String key = KEYS.get(name);
        if (key == null) {
            key = Catalog.artistKey(name);
            if (KEYS.size() < MAX_KEYS) {
                KEYS.put(name, key);
            }
        }
        return key;
    }

    private static float value(Double v) {
        return v == null ? 0 : v.floatValue();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
