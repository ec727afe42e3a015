package dev.segue.planner;

import dev.segue.catalog.Catalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a finished {@link Draft} into an {@link Intent}: exclusions win over wishes, a long prompt keeps only its
 * first facets required, and "no vocals" rules out the vocal tags. A refinement's draft is merged into the earlier
 * intent instead: exclusions accumulate, new wishes are added, numbers replace.
 */
@ApplicationScoped
class IntentAssembler {

    private static final int MAX_REQUIRED_GROUPS = 5;
    /** The length a refinement's "longer" or "5 more songs" starts from when the playlist had none. */
    private static final int DEFAULT_LENGTH = 20;

    private final PhraseBook phrases;

    IntentAssembler(PhraseBook phrases) {
        this.phrases = phrases;
    }

    /** The intent of a new prompt. */
    Intent build(Draft d) {
        if (d.noVocals) {
            d.excludeTags.addAll(phrases.vocalTags());
        }
        List<TagGroup> groups = capRequired(cleanedGroups(d.include, d.excludeTags, d.notes), d.notes);
        Set<String> excludedArtistKeys = keys(d.excludeArtists);
        d.artists.removeIf(a -> excludedArtistKeys.contains(Catalog.artistKey(a)));
        d.similarTo.removeIf(a -> excludedArtistKeys.contains(Catalog.artistKey(a)));
        String fallback = d.similarTo.isEmpty() && d.artists.isEmpty()
                ? "music"
                : String.join(", ", d.similarTo.isEmpty() ? d.artists : d.similarTo);
        return new Intent(
                new Intent.Tags(groups, List.copyOf(d.excludeTags)),
                new Intent.Artists(List.copyOf(d.artists), List.copyOf(d.similarTo), List.copyOf(d.excludeArtists)),
                new Intent.Era(d.yearFrom, d.yearTo),
                new Intent.Feel(d.energy, d.activity, d.noVocals, d.preferInstrumental, d.cleanOnly),
                new Intent.Size(d.length, d.length == null ? d.durationMinutes : null),
                d.mixIns,
                new Intent.Wording(queryText(d, fallback), d.unmatched, d.notes, d.language));
    }

    /** A refinement applied to an earlier intent. */
    Intent merge(Draft d, Intent base) {
        Set<String> excluded = new LinkedHashSet<>(base.excludeTags());
        excluded.addAll(d.excludeTags);
        boolean vocalsOff = base.noVocals() || d.noVocals;
        if (vocalsOff) {
            excluded.addAll(phrases.vocalTags());
        }
        List<TagGroup> wishes = mergedGroups(d, base);
        wishes.removeIf(g -> Removals.namesExcluded(g.phrase(), g.tags(), excluded, d.notes));
        List<TagGroup> groups = cleanedGroups(wishes, excluded, d.notes);
        Intent.Artists artists = mergedArtists(d, base);
        List<MixIn> mixes = Removals.mixIns(d, base, excluded, keys(artists.excludeArtists()));
        String query = Removals.query(d, base, groups, excluded, artists.excludeArtists());
        return new Intent(
                new Intent.Tags(groups, List.copyOf(excluded)),
                artists,
                d.yearFrom != null || d.yearTo != null ? new Intent.Era(d.yearFrom, d.yearTo) : base.era(),
                new Intent.Feel(
                        d.energy != null ? d.energy : base.energy(),
                        d.activity != null ? d.activity : base.activity(),
                        vocalsOff,
                        base.preferInstrumental() || d.preferInstrumental,
                        base.cleanOnly() || d.cleanOnly),
                mergedSize(d, base),
                mixes,
                new Intent.Wording(query, d.unmatched, d.notes, base.language()));
    }

    /** The earlier groups, then the new ones; "calmer" after "energetic" drops the old energy wish. */
    private List<TagGroup> mergedGroups(Draft d, Intent base) {
        List<TagGroup> groups = new ArrayList<>(base.include());
        if (d.energy != null && base.energy() != null && d.energy != base.energy()) {
            // The old energy wish gives way instead of staying required.
            List<String> old =
                    phrases.lexicon().energy().getOrDefault(base.energy().name().toLowerCase(Locale.ROOT), List.of());
            List<TagGroup> replaced =
                    groups.stream().filter(g -> old.contains(g.phrase())).toList();
            groups.removeAll(replaced);
            replaced.forEach(g -> d.notes.add("\"" + g.phrase() + "\" gave way to the new energy"));
        }
        groups.addAll(d.include);
        return groups;
    }

    /** Excluded artists accumulate and leave the other lists; new "by" artists replace the old ones. */
    private static Intent.Artists mergedArtists(Draft d, Intent base) {
        Set<String> noArtists = new LinkedHashSet<>(base.excludeArtists());
        noArtists.addAll(d.excludeArtists);
        Set<String> noArtistKeys = keys(noArtists);
        List<String> named = d.artists.isEmpty() ? base.artists() : List.copyOf(d.artists);
        List<String> onlyArtists = named.stream()
                .filter(a -> !noArtistKeys.contains(Catalog.artistKey(a)))
                .toList();
        Set<String> like = new LinkedHashSet<>(base.similarToArtists());
        like.addAll(d.similarTo);
        like.removeIf(a -> noArtistKeys.contains(Catalog.artistKey(a)));
        return new Intent.Artists(onlyArtists, List.copyOf(like), List.copyOf(noArtists));
    }

    /** A new length or duration replaces the old; "5 more songs" adds; "longer" / "shorter" scale the old size. */
    private static Intent.Size mergedSize(Draft d, Intent base) {
        Integer length = d.length;
        Integer duration = d.durationMinutes;
        if (d.lengthDelta != null) {
            length = (base.length() == null ? DEFAULT_LENGTH : base.length()) + d.lengthDelta;
        }
        if (length == null && duration == null) {
            length = base.length();
            duration = base.durationMinutes();
            if (d.scale != null && duration != null) {
                duration = (int) Math.round(duration * d.scale);
            } else if (d.scale != null) {
                length = (int) Math.round((length == null ? DEFAULT_LENGTH : length) * d.scale);
            }
        }
        return new Intent.Size(length, length != null ? null : duration);
    }

    /** Drops exclusions from the included groups; a group left with no tags is dropped, with a note. */
    private static List<TagGroup> cleanedGroups(List<TagGroup> groups, Set<String> excluded, List<String> notes) {
        List<TagGroup> out = new ArrayList<>();
        for (TagGroup g : groups) {
            List<String> kept =
                    g.tags().stream().filter(t -> !excluded.contains(t)).toList();
            if (kept.isEmpty()) {
                notes.add("dropped \"" + g.phrase() + "\": everything it matched is excluded");
            } else if (out.stream().noneMatch(o -> o.phrase().equals(g.phrase()) && o.weight() == g.weight())) {
                out.add(new TagGroup(g.phrase(), kept, g.kind(), g.weight(), g.required()));
            }
        }
        return out;
    }

    /**
     * A long, rambling prompt names many things; requiring all of them leaves almost nothing. The first few named
     * facets stay required, the rest only shape the ranking.
     */
    private static List<TagGroup> capRequired(List<TagGroup> groups, List<String> notes) {
        List<TagGroup> out = new ArrayList<>();
        int required = 0;
        for (TagGroup g : groups) {
            if (g.required() && ++required > MAX_REQUIRED_GROUPS) {
                out.add(new TagGroup(g.phrase(), g.tags(), g.kind(), 0.5, false));
            } else {
                out.add(g);
            }
        }
        if (required > MAX_REQUIRED_GROUPS) {
            notes.add("a long prompt: the first " + MAX_REQUIRED_GROUPS + " things it names are required, the other "
                    + (required - MAX_REQUIRED_GROUPS) + " only shape the ranking");
        }
        return out;
    }

    private static String queryText(Draft d, String fallback) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(d.queryWords));
        return distinct.isEmpty() ? fallback : String.join(", ", distinct);
    }

    private static Set<String> keys(Collection<String> artists) {
        Set<String> out = new HashSet<>();
        artists.forEach(a -> out.add(Catalog.artistKey(a)));
        return out;
    }
}
