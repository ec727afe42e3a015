package dev.segue.playlist;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Tags;
import dev.segue.planner.Intent;
import dev.segue.planner.TagGroup;
import dev.segue.ranking.BaselineScorer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * What a refinement did, where the new version alone would not say it: a change the planner could not act on
 * ("fewer vocals" on a catalog that cannot tell songs from instrumentals), a change that left every track where it
 * was, and a change that left nothing named to rank by.
 */
@ApplicationScoped
class ChangeNotes {

    private final Catalog catalog;
    /** Whether any track counts as vocal for the scorer; found on first need (null until then). */
    private volatile Boolean tellsVocals;

    ChangeNotes(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The notes for the version made by {@code change}: {@code before} and {@code after} are the two versions. */
    List<String> of(String change, Playlist before, Playlist after) {
        List<String> notes = new ArrayList<>();
        String quoted = "\"" + change.strip() + "\"";
        Intent was = before.intent();
        Intent is = after.intent();
        boolean vocalsNewlyOff =
                is.preferInstrumental() && !was.preferInstrumental() || is.noVocals() && !was.noVocals();
        // "fewer vocals" after "focus" (which already prefers instrumentals) only adds a wish to rank lower.
        List<TagGroup> fewer = is.include().stream()
                .filter(g -> g.weight() < 0 && !was.include().contains(g))
                .toList();
        if (sameRequest(was, is)) {
            notes.add("could not act on " + quoted + ": nothing in it changes what the playlist asks for, in the"
                    + " terms this catalog has (tags, artists, size, energy)");
        } else if (vocalsNewlyOff && !catalogTellsVocals()) {
            notes.add("could not act on " + quoted + ": this catalog has no vocal tags or instrumentalness values to"
                    + " tell songs from instrumentals");
        } else if (vocalsNewlyOff && noneVocal(before)) {
            notes.add(quoted + " had no vocals to take out: none of the "
                    + before.tracks().size() + " tracks of version " + before.version() + " has vocals");
        } else if (!fewer.isEmpty() && noneTagged(before, fewer)) {
            notes.add(quoted + " had nothing to take out: none of the "
                    + before.tracks().size() + " tracks of version " + before.version() + " is tagged "
                    + Wording.joinOr(tagWords(fewer)));
        } else if (sameTracks(before, after)) {
            notes.add(quoted + " left the tracks as they were: they already fit it");
        }
        if (names(was) && !names(is)) {
            notes.add("after " + quoted + " nothing names a genre, mood or instrument of this catalog; tracks are"
                    + " ranked by how close their descriptions are to \"" + is.queryText() + "\"");
        }
        return notes;
    }

    /** The same request but for its wording (the words searched, notes, words not understood). */
    private static boolean sameRequest(Intent was, Intent is) {
        return was.withWording(Intent.Wording.NONE).equals(is.withWording(Intent.Wording.NONE));
    }

    private boolean noneVocal(Playlist version) {
        return version.tracks().stream()
                .flatMap(t -> catalog.find(t.id()).stream())
                .noneMatch(BaselineScorer::isVocal);
    }

    /** Whether no track of the version carries a tag of the wishes to rank lower. */
    private static boolean noneTagged(Playlist version, List<TagGroup> fewer) {
        return version.tracks().stream()
                .noneMatch(t -> fewer.stream()
                        .anyMatch(g -> g.tags().stream()
                                .anyMatch(tag -> t.genres().contains(tag)
                                        || t.moods().contains(tag)
                                        || t.instruments().contains(tag))));
    }

    private static List<String> tagWords(List<TagGroup> groups) {
        return groups.stream()
                .flatMap(g -> g.tags().stream())
                .map(Tags::words)
                .distinct()
                .toList();
    }

    private static boolean sameTracks(Playlist before, Playlist after) {
        return before.tracks().stream()
                .map(PlaylistTrack::id)
                .toList()
                .equals(after.tracks().stream().map(PlaylistTrack::id).toList());
    }

    /** Whether the intent names anything to rank by: a wish, a mix-in, artists to play or to sound like. */
    private static boolean names(Intent intent) {
        return intent.include().stream().mapToDouble(TagGroup::weight).anyMatch(w -> w > 0)
                || !intent.mixIns().isEmpty()
                || !intent.artists().isEmpty()
                || !intent.similarToArtists().isEmpty();
    }

    private boolean catalogTellsVocals() {
        Boolean known = tellsVocals;
        if (known == null) {
            known = catalog.tracks().stream().anyMatch(BaselineScorer::isVocal);
            tellsVocals = known;
        }
        return known;
    }
}
