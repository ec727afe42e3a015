package dev.segue.planner;

import java.util.ArrayList;
import java.util.List;

/**
 * What a prompt asks for, in catalog terms. Both planners produce it (offline by parsing, the LLM agent through its
 * tool calls); everything after planning reads only this. Null and empty mean "not asked".
 */
public record Intent(
        List<TagGroup> include,
        List<String> excludeTags,
        List<String> artists,
        List<String> similarToArtists,
        List<String> excludeArtists,
        Integer yearFrom,
        Integer yearTo,
        Energy energy,
        String activity,
        boolean noVocals,
        boolean preferInstrumental,
        boolean cleanOnly,
        Integer length,
        Integer durationMinutes,
        List<MixIn> mixIns,
        String queryText,
        List<String> unmatched,
        List<String> notes) {

    public Intent {
        include = List.copyOf(include);
        excludeTags = List.copyOf(excludeTags);
        artists = List.copyOf(artists);
        similarToArtists = List.copyOf(similarToArtists);
        excludeArtists = List.copyOf(excludeArtists);
        mixIns = List.copyOf(mixIns);
        unmatched = List.copyOf(unmatched);
        notes = List.copyOf(notes);
    }

    public List<TagGroup> requiredGroups() {
        return include.stream().filter(TagGroup::required).toList();
    }

    /** A copy with the playlist size that was actually used (request fields win over the prompt's words). */
    public Intent withTarget(Integer trackCount, Integer minutes) {
        return new Intent(
                include,
                excludeTags,
                artists,
                similarToArtists,
                excludeArtists,
                yearFrom,
                yearTo,
                energy,
                activity,
                noVocals,
                preferInstrumental,
                cleanOnly,
                trackCount,
                minutes,
                mixIns,
                queryText,
                unmatched,
                notes);
    }

    /** A copy that also excludes these artists (from the request's excludeArtists). */
    public Intent withExcludedArtists(List<String> more) {
        List<String> all = new ArrayList<>(excludeArtists);
        more.stream().filter(a -> !all.contains(a)).forEach(all::add);
        return new Intent(
                include,
                excludeTags,
                artists,
                similarToArtists,
                all,
                yearFrom,
                yearTo,
                energy,
                activity,
                noVocals,
                preferInstrumental,
                cleanOnly,
                length,
                durationMinutes,
                mixIns,
                queryText,
                unmatched,
                notes);
    }
}
