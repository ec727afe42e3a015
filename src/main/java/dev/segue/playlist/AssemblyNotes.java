package dev.segue.playlist;

import dev.segue.catalog.Tags;
import dev.segue.planner.TagGroup;
import dev.segue.ranking.ScoredTrack;
import dev.segue.search.SearchFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The assembler's notes, in the listener's words: how many tracks match everything and what the close ones have and
 * lack ("12 of 20 match everything asked; 8 are close: they have calm and piano but not jazz"), and, for a short
 * playlist, which hard constraints left too few tracks.
 */
final class AssemblyNotes {

    /** Kinds of close tracks the note spells out; the rest are counted together. */
    private static final int KINDS_SHOWN = 2;
    /** Excluded tags the shortfall note names before it counts the rest. */
    private static final int TAGS_SHOWN = 4;

    private AssemblyNotes() {}

    /**
     * The note for a playlist topped up with close tracks: how many of the {@code main} picks (neither mixed in nor
     * close) match everything, how many were mixed in, and what the close ones have and lack, grouped by the wishes
     * they miss: the kinds that meet most wishes first, then the larger ones.
     */
    static String close(
            List<TagGroup> required, int total, List<ScoredTrack> main, int mixedIn, List<ScoredTrack> close) {
        long fitting = main.stream().filter(ScoredTrack::fits).count();
        Map<List<String>, Integer> kinds = new LinkedHashMap<>();
        for (ScoredTrack s : close) {
            kinds.merge(s.missedRequired().stream().map(TagGroup::phrase).toList(), 1, Integer::sum);
        }
        List<Map.Entry<List<String>, Integer>> best = kinds.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<List<String>, Integer> e) ->
                                e.getKey().size())
                        .thenComparing(Map.Entry::getValue, Comparator.reverseOrder()))
                .toList();
        String what;
        if (best.size() == 1) {
            what = "they " + kind(required, best.get(0).getKey(), true);
        } else {
            List<String> parts = new ArrayList<>();
            int shown = 0;
            for (Map.Entry<List<String>, Integer> kind : best.subList(0, Math.min(KINDS_SHOWN, best.size()))) {
                parts.add(kind.getValue() + " " + kind(required, kind.getKey(), kind.getValue() > 1));
                shown += kind.getValue();
            }
            int others = close.size() - shown;
            if (others > 0) {
                parts.add(others + (others == 1 ? " other differs" : " others differ")
                        + " (each reason says which part)");
            }
            what = String.join(", ", parts);
        }
        String mixed = mixedIn > 0 ? String.format(Locale.ROOT, ", %d are mixed in", mixedIn) : "";
        return String.format(
                Locale.ROOT,
                "%d of %d match everything asked%s; %d are close: %s",
                fitting,
                total,
                mixed,
                close.size(),
                what);
    }

    /** "have calm and piano but not jazz", or "sound closest but have no bongo" for tracks that meet no wish. */
    private static String kind(List<TagGroup> required, List<String> missed, boolean plural) {
        List<String> met = required.stream()
                .map(TagGroup::phrase)
                .filter(p -> !missed.contains(p))
                .distinct()
                .toList();
        String have = plural ? "have" : "has";
        if (met.isEmpty()) {
            return (plural ? "sound" : "sounds") + " closest but " + have + " no " + Wording.joinOr(missed);
        }
        return have + " " + Wording.joinAnd(met) + " but not " + Wording.joinOr(missed);
    }

    /**
     * For a playlist shorter than asked: "asked for 20 tracks, but only 7 fit the hard constraints (only tracks by
     * X; at most 2 per artist)". Every active constraint is named; the per-artist cap and the no-title-twice rule
     * only when they turned a track away.
     */
    static Optional<String> shortfall(Assembler.Target target, Picker picker, SearchFilter hard) {
        if (!picker.shortOfTarget()) {
            return Optional.empty();
        }
        List<String> constraints = constraints(hard, target, picker);
        String under = constraints.isEmpty() ? "" : " the hard constraints (" + String.join("; ", constraints) + ")";
        if (target.targetSeconds() == null) {
            return Optional.of(String.format(
                    Locale.ROOT,
                    "asked for %d tracks, but only %d fit%s",
                    target.tracks(),
                    picker.picked.size(),
                    constraints.isEmpty() ? ": the catalog holds no more" : under));
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "asked for %d minutes, but the tracks that fit%s add up to %d",
                target.targetSeconds() / 60,
                under,
                Math.round(picker.seconds() / 60)));
    }

    private static List<String> constraints(SearchFilter hard, Assembler.Target target, Picker picker) {
        List<String> out = new ArrayList<>();
        if (!hard.artists().isEmpty()) {
            out.add("only tracks by " + Wording.joinOr(List.copyOf(hard.artists())));
        }
        if (!hard.excludeTags().isEmpty()) {
            List<String> words =
                    hard.excludeTags().stream().map(Tags::words).sorted().toList();
            String shown = words.size() <= TAGS_SHOWN
                    ? Wording.joinOr(words)
                    : String.join(", ", words.subList(0, TAGS_SHOWN)) + " or " + (words.size() - TAGS_SHOWN) + " more";
            out.add("none tagged " + shown);
        }
        if (!hard.excludeArtists().isEmpty()) {
            out.add("nothing by "
                    + Wording.joinOr(hard.excludeArtists().stream().sorted().toList()));
        }
        era(hard).ifPresent(out::add);
        if (hard.excludeExplicit()) {
            out.add("clean lyrics only");
        }
        if (hard.minInstrumentalness() != null) {
            out.add("instrumentals only");
        }
        if (!hard.excludeIds().isEmpty()) {
            out.add("without the " + hard.excludeIds().size() + " tracks removed earlier");
        }
        if (picker.cappedByArtist() > 0) {
            out.add("at most " + target.maxPerArtist() + " per artist");
        }
        if (picker.duplicates() > 0) {
            out.add("no song twice");
        }
        return out;
    }

    private static Optional<String> era(SearchFilter hard) {
        if (hard.yearFrom() != null && hard.yearTo() != null) {
            return Optional.of("released " + hard.yearFrom() + "–" + hard.yearTo());
        }
        if (hard.yearFrom() != null) {
            return Optional.of("released in " + hard.yearFrom() + " or later");
        }
        return Optional.ofNullable(hard.yearTo()).map(to -> "released in " + to + " or earlier");
    }
}
