package dev.segue.search;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import java.util.Set;

/** The {@link SearchFilter} semantics evaluated in memory, for candidates that did not come through a store query. */
public final class Filters {

    private Filters() {}

    public static boolean allows(SearchFilter filter, Track track) {
        for (Set<String> group : filter.tagGroups()) {
            if (group.stream().noneMatch(track::hasTag)) {
                return false;
            }
        }
        if (filter.excludeTags().stream().anyMatch(track::hasTag)) {
            return false;
        }
        String artistKey = Catalog.artistKey(track.artist());
        if (!filter.artists().isEmpty()
                && filter.artists().stream().map(Catalog::artistKey).noneMatch(artistKey::equals)) {
            return false;
        }
        if (filter.excludeArtists().stream().map(Catalog::artistKey).anyMatch(artistKey::equals)) {
            return false;
        }
        if ((filter.yearFrom() != null || filter.yearTo() != null) && track.year() == null) {
            return false;
        }
        if (filter.yearFrom() != null && track.year() < filter.yearFrom()) {
            return false;
        }
        if (filter.yearTo() != null && track.year() > filter.yearTo()) {
            return false;
        }
        if (filter.maxDurationSec() != null && track.durationSec() > filter.maxDurationSec()) {
            return false;
        }
        if (filter.excludeExplicit() && Boolean.TRUE.equals(track.explicit())) {
            return false;
        }
        if (filter.minInstrumentalness() != null) {
            Double value = track.features() == null ? null : track.features().instrumentalness();
            if (value == null || value < filter.minInstrumentalness()) {
                return false;
            }
        }
        return !filter.excludeIds().contains(track.id());
    }
}
