package dev.segue.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Hard constraints on a search, shared by every {@link VectorStore}. Tags are matched across genres, moods and
 * instruments: each set in {@code tagGroups} is any-of, and every group must match (an AND of ORs, the shape of
 * "piano AND (calm OR relaxing)"). Artists are compared by {@link dev.segue.catalog.Catalog#artistKey}.
 */
public record SearchFilter(
        List<Set<String>> tagGroups,
        Set<String> excludeTags,
        Set<String> artists,
        Set<String> excludeArtists,
        Integer yearFrom,
        Integer yearTo,
        Double maxDurationSec,
        boolean excludeExplicit,
        Double minInstrumentalness,
        Set<String> excludeIds) {

    public static final SearchFilter NONE =
            new SearchFilter(List.of(), Set.of(), Set.of(), Set.of(), null, null, null, false, null, Set.of());

    public SearchFilter {
        tagGroups = tagGroups == null
                ? List.of()
                : tagGroups.stream().filter(g -> !g.isEmpty()).map(Set::copyOf).toList();
        excludeTags = copy(excludeTags);
        artists = copy(artists);
        excludeArtists = copy(excludeArtists);
        excludeIds = copy(excludeIds);
    }

    private static Set<String> copy(Set<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }

    public SearchFilter withTagGroups(List<Set<String>> groups) {
        return copy(groups, artists, excludeIds);
    }

    public SearchFilter withArtists(Set<String> only) {
        return copy(tagGroups, only, excludeIds);
    }

    public SearchFilter plusExcludedIds(Set<String> ids) {
        Set<String> all = new LinkedHashSet<>(excludeIds);
        all.addAll(ids);
        return copy(tagGroups, artists, all);
    }

    public SearchFilter plusTagGroup(Set<String> group) {
        List<Set<String>> groups = new ArrayList<>(tagGroups);
        groups.add(group);
        return withTagGroups(groups);
    }

    /** This filter with other tag groups, artists and excluded ids, the parts the planners narrow or widen. */
    private SearchFilter copy(List<Set<String>> groups, Set<String> only, Set<String> ids) {
        return new SearchFilter(
                groups,
                excludeTags,
                only,
                excludeArtists,
                yearFrom,
                yearTo,
                maxDurationSec,
                excludeExplicit,
                minInstrumentalness,
                ids);
    }
}
