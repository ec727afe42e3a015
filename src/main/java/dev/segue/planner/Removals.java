package dev.segue.planner;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Tags;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a refinement takes away from the earlier intent: wishes and mix-ins it now excludes, and their words in the
 * search query, so a version never keeps what its change removed.
 */
final class Removals {

    private Removals() {}

    /** Earlier mix-ins, then new ones; a mix-in loses excluded tags, and goes when nothing of it is left. */
    static List<MixIn> mixIns(Draft d, Intent base, Set<String> excluded, Set<String> noArtistKeys) {
        List<MixIn> out = new ArrayList<>();
        for (MixIn m : concat(base.mixIns(), d.mixIns)) {
            if (m.artist() != null) {
                if (!noArtistKeys.contains(Catalog.artistKey(m.artist()))) {
                    out.add(m);
                }
                continue;
            }
            List<String> kept =
                    m.tags().stream().filter(t -> !excluded.contains(t)).toList();
            if (kept.isEmpty()) {
                d.notes.add("dropped \"" + m.phrase() + "\": everything it matched is excluded");
            } else if (!namesExcluded(m.phrase(), m.tags(), excluded, d.notes)) {
                out.add(new MixIn(m.phrase(), kept, null, m.share()));
            }
        }
        return out;
    }

    /**
     * Whether a wish is the very thing now excluded ("jazz" after "no jazz"), though some of its related tags
     * (swing) are not; such a wish goes, with a note. A wish with every tag excluded is left to the usual cleaning.
     */
    static boolean namesExcluded(String phrase, List<String> tags, Set<String> excluded, List<String> notes) {
        boolean named = excluded.stream()
                .anyMatch(t -> t.equals(phrase) || Tags.words(t).equals(phrase));
        boolean everyTag = excluded.containsAll(tags);
        if (named && !everyTag) {
            notes.add("dropped \"" + phrase + "\": the change excludes it");
        }
        return named && !everyTag;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /**
     * What a refinement took out of the query: the phrases (and tag words) of wishes that are gone, the words of
     * excluded tags, excluded artists; never a word a remaining wish still stands for.
     */
    private static Set<String> removedWords(
            Intent base, List<TagGroup> kept, Set<String> excluded, List<String> excludedArtists) {
        Set<String> stays = new HashSet<>();
        kept.forEach(g -> {
            stays.add(g.phrase());
            g.tags().forEach(t -> stays.add(Tags.words(t)));
        });
        Set<String> removed = new HashSet<>();
        base.include().stream().filter(g -> !stays.contains(g.phrase())).forEach(g -> {
            removed.add(g.phrase());
            g.tags().forEach(t -> removed.add(Tags.words(t)));
        });
        excluded.forEach(t -> {
            removed.add(t);
            removed.add(Tags.words(t));
        });
        removed.addAll(excludedArtists);
        removed.removeAll(stays);
        Set<String> lower = new HashSet<>();
        removed.forEach(w -> lower.add(w.toLowerCase(Locale.ROOT)));
        return lower;
    }

    /**
     * The refinement's own words first (the newest wish leads the search), then the earlier query without what the
     * refinement removed.
     */
    static String query(Draft d, Intent base, List<TagGroup> kept, Set<String> excluded, List<String> excludedArtists) {
        Set<String> removed = removedWords(base, kept, excluded, excludedArtists);
        List<String> parts = new ArrayList<>(d.queryWords);
        for (String part : base.queryText().split(",")) {
            String left = withoutWords(part, removed);
            if (!left.isEmpty()) {
                parts.add(left);
            }
        }
        return parts.isEmpty() ? "music" : String.join(", ", new LinkedHashSet<>(parts));
    }

    /** The words of one query part without the removed phrases, longest first ("electric piano" before "piano"). */
    private static String withoutWords(String part, Set<String> removed) {
        String text = " " + part.strip().replaceAll("\\s+", " ") + " ";
        List<String> longestFirst = removed.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String phrase : longestFirst) {
            text = text.replaceAll("(?i) " + Pattern.quote(phrase) + "(?= )", "");
        }
        return text.strip();
    }
}
