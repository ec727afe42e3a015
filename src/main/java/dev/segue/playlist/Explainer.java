package dev.segue.playlist;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Tags;
import dev.segue.catalog.Track;
import dev.segue.planner.Intent;
import dev.segue.planner.Language;
import dev.segue.planner.MixIn;
import dev.segue.planner.TagGroup;
import dev.segue.ranking.ScoredTrack;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Title, description and one reason per track, written from the evidence only: the tags a track actually carries,
 * its artist, its audio features when the catalog has them. A reason never names a fact the catalog does not hold.
 * Titles and descriptions are written in the prompt's language ({@link Phrasing}); reasons in English.
 */
@ApplicationScoped
public class Explainer {

    private static final int MAX_TITLE_PHRASES = 3;

    private final Catalog catalog;
    private final Map<Language, Phrasing> phrasings = new EnumMap<>(Language.class);

    public Explainer(Catalog catalog) {
        this.catalog = catalog;
        for (Language language : Language.values()) {
            phrasings.put(language, Phrasing.load(language));
        }
    }

    /** The title, in the prompt's language: who it is by, what it is, what it is for. */
    public String title(Intent intent, String prompt) {
        Phrasing words = phrasings.get(intent.language());
        List<String> phrases = new ArrayList<>();
        intent.include().stream()
                .filter(g -> g.weight() > 0 && !g.kind().equals("activity"))
                .map(TagGroup::phrase)
                .distinct()
                .limit(MAX_TITLE_PHRASES)
                .forEach(phrases::add);
        String activity = activity(intent, words);
        String title;
        if (!intent.artists().isEmpty()) {
            title = words.title("byArtists", Map.of("artists", String.join(" & ", intent.artists())));
        } else if (!phrases.isEmpty()) {
            String wishes = words.titled(String.join(" ", phrases));
            title = activity == null
                    ? wishes
                    : words.title("wishesForActivity", Map.of("wishes", wishes, "activity", activity));
        } else if (activity != null) {
            title = words.title("forActivity", Map.of("activity", activity));
        } else if (!intent.similarToArtists().isEmpty()) {
            title = words.title("likeArtists", Map.of("artists", String.join(" & ", intent.similarToArtists())));
        } else {
            String text = prompt.strip().replaceAll("\\s+", " ");
            title = words.titled(text.length() > 48 ? text.substring(0, 48).replaceAll("\\s\\S*$", "") + "…" : text);
        }
        return title;
    }

    /** The activity as a title names it: the language's name for it, or the prompt's words ("Focus & Studying"). */
    private static String activity(Intent intent, Phrasing words) {
        List<String> activities = intent.include().stream()
                .filter(g -> g.kind().equals("activity"))
                .map(TagGroup::phrase)
                .distinct()
                .limit(2)
                .toList();
        if (activities.isEmpty()) {
            return null;
        }
        return words.activity(intent.activity()).orElseGet(() -> words.titled(String.join(" & ", activities)));
    }

    /** The description, in the prompt's language: size, wishes, activity, artists, catalog, fit, exclusions, order. */
    public String description(Intent intent, List<ScoredTrack> tracks, String catalogName) {
        Phrasing words = phrasings.get(intent.language());
        double seconds =
                tracks.stream().mapToDouble(s -> s.track().durationSec()).sum();
        String count = String.valueOf(tracks.size());
        StringBuilder out = new StringBuilder();
        out.append(words.description("size", Map.of("count", count, "duration", Durations.human(seconds))));
        List<String> wishes = intent.include().stream()
                .filter(g -> g.weight() > 0 && !g.kind().equals("activity"))
                .map(g -> words.quoted(g.phrase()))
                .distinct()
                .toList();
        if (!wishes.isEmpty()) {
            out.append(words.description("wishes", Map.of("wishes", words.joinAnd(wishes))));
        }
        intent.include().stream()
                .filter(g -> g.kind().equals("activity"))
                .findFirst()
                .ifPresent(g -> out.append(words.description(
                        "activity",
                        Map.of("activity", words.activity(intent.activity()).orElse(g.phrase())))));
        if (!intent.artists().isEmpty()) {
            out.append(words.description("byArtists", Map.of("artists", words.joinAnd(intent.artists()))));
        }
        if (!intent.similarToArtists().isEmpty()) {
            out.append(words.description("likeArtists", Map.of("artists", words.joinAnd(intent.similarToArtists()))));
        }
        out.append(words.description("catalog", Map.of("catalog", catalogName)));
        long fitting = tracks.stream().filter(ScoredTrack::fits).count();
        if (!intent.requiredGroups().isEmpty()) {
            out.append(words.description("fitting", Map.of("fitting", String.valueOf(fitting), "count", count)));
        }
        out.append(leftOut(intent, words));
        if (!intent.mixIns().isEmpty()) {
            List<String> mixed = intent.mixIns().stream().map(MixIn::phrase).toList();
            out.append(words.description("mixedIn", Map.of("phrases", words.joinAnd(mixed))));
        }
        boolean arc = tracks.stream()
                                .filter(s -> s.track().features() != null
                                        && s.track().features().energy() != null)
                                .count()
                        >= tracks.size() * 0.8
                && tracks.size() >= 3;
        out.append(words.description(arc ? "arc" : "flow"));
        return out.toString();
    }

    /** " Left out: tracks tagged rock or piano; anything by X." when the prompt excluded anything. */
    private static String leftOut(Intent intent, Phrasing words) {
        List<String> left = new ArrayList<>();
        if (!intent.excludeTags().isEmpty()) {
            List<String> tags = intent.excludeTags().stream().map(Tags::words).toList();
            left.add(words.description("leftOutTags", Map.of("tags", words.joinOr(tags))));
        }
        if (!intent.excludeArtists().isEmpty()) {
            left.add(words.description("leftOutArtists", Map.of("artists", words.joinOr(intent.excludeArtists()))));
        }
        return left.isEmpty() ? "" : words.description("leftOut", Map.of("items", String.join("; ", left)));
    }

    public String reason(ScoredTrack scored, Intent intent) {
        Track track = scored.track();
        List<String> parts = new ArrayList<>();
        tagged(scored).ifPresent(parts::add);
        if (!intent.artists().isEmpty()
                && intent.artists().stream()
                        .anyMatch(a -> Catalog.artistKey(a).equals(Catalog.artistKey(track.artist())))) {
            parts.add("by " + track.artist() + ", as asked");
        }
        parts.addAll(mixIns(intent, track));
        parts.addAll(likeArtists(intent, track));
        if (intent.energy() != null
                && track.features() != null
                && track.features().energy() != null) {
            parts.add(String.format(
                    Locale.ROOT,
                    "energy %.2f for a %s-energy request",
                    track.features().energy(),
                    intent.energy().name().toLowerCase(Locale.ROOT)));
        }
        if (parts.isEmpty()) {
            parts.add(ownTags(track, intent));
        }
        if (!scored.missedRequired().isEmpty()) {
            parts.add("not tagged for "
                    + scored.missedRequired().stream()
                            .map(g -> "\"" + g.phrase() + "\"")
                            .collect(Collectors.joining(", ")));
        }
        return Wording.capitalize(String.join("; ", parts));
    }

    /**
     * "tagged piano for "piano"; relaxing, easy listening for "calm" and "studying"": each tag shown is one the track
     * carries, next to the words of the prompt it answers; required wishes first.
     */
    private static Optional<String> tagged(ScoredTrack scored) {
        Track track = scored.track();
        Map<String, List<String>> phrasesByTags = new LinkedHashMap<>();
        List<TagGroup> ordered = new ArrayList<>(scored.matched());
        ordered.sort(Comparator.comparing((TagGroup g) -> !g.required()));
        Set<String> shownTags = new LinkedHashSet<>();
        for (TagGroup group : ordered) {
            List<String> tags = group.tags().stream()
                    .filter(track::hasTag)
                    .filter(t -> !shownTags.contains(Tags.words(t)))
                    .map(Tags::words)
                    .limit(3)
                    .toList();
            String key = tags.isEmpty() ? null : String.join(", ", tags);
            if (key == null) {
                // Its tags were already shown for an earlier phrase: credit this phrase there too.
                group.tags().stream()
                        .filter(track::hasTag)
                        .map(Tags::words)
                        .findFirst()
                        .flatMap(first -> phrasesByTags.keySet().stream()
                                .filter(k -> (", " + k + ",").contains(", " + first + ","))
                                .findFirst())
                        .ifPresent(k -> phrasesByTags.get(k).add(group.phrase()));
                continue;
            }
            shownTags.addAll(tags);
            phrasesByTags.computeIfAbsent(key, k -> new ArrayList<>()).add(group.phrase());
        }
        if (phrasesByTags.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("tagged "
                + phrasesByTags.entrySet().stream()
                        .map(e -> e.getKey() + " for "
                                + Wording.joinAnd(e.getValue().stream()
                                        .distinct()
                                        .map(p -> "\"" + p + "\"")
                                        .toList()))
                        .collect(Collectors.joining("; ")));
    }

    /** "added for "a bit of blues" (blues)": mix-ins this track answers, by its artist or its tags. */
    private static List<String> mixIns(Intent intent, Track track) {
        List<String> parts = new ArrayList<>();
        for (MixIn mix : intent.mixIns()) {
            boolean byArtist =
                    mix.artist() != null && Catalog.artistKey(mix.artist()).equals(Catalog.artistKey(track.artist()));
            List<String> mixTags =
                    mix.tags().stream().filter(track::hasTag).map(Tags::words).toList();
            if (byArtist || !mixTags.isEmpty()) {
                parts.add("added for \"" + mix.phrase() + "\""
                        + (mixTags.isEmpty() ? "" : " (" + String.join(", ", mixTags) + ")"));
            }
        }
        return parts;
    }

    /** For "music like X": by X itself, the tags it shares with X's tracks, or closeness in sound description. */
    private List<String> likeArtists(Intent intent, Track track) {
        List<String> parts = new ArrayList<>();
        for (String artist : intent.similarToArtists()) {
            if (Catalog.artistKey(artist).equals(Catalog.artistKey(track.artist()))) {
                parts.add("by " + track.artist() + ", named in the prompt");
            } else {
                List<String> shared = sharedTags(track, artist);
                parts.add(
                        shared.isEmpty()
                                ? "close to " + artist + "'s tracks in sound description"
                                : "shares " + String.join(", ", shared) + " with " + artist + "'s tracks");
            }
        }
        return parts;
    }

    /** When nothing named matched: the track's own tags, close to the query text (or its title, without tags). */
    private static String ownTags(Track track, Intent intent) {
        List<String> own = new ArrayList<>();
        track.genres().stream().limit(2).map(Tags::words).forEach(own::add);
        track.moods().stream().limit(2).map(Tags::words).forEach(own::add);
        track.instruments().stream().limit(1).map(Tags::words).forEach(own::add);
        return own.isEmpty()
                ? "close to the request by its title; the catalog has no tags for it"
                : "its tags (" + String.join(", ", own) + ") are close to \"" + intent.queryText() + "\"";
    }

    private List<String> sharedTags(Track track, String artist) {
        Set<String> theirs = new LinkedHashSet<>();
        catalog.tracksBy(artist).forEach(t -> {
            theirs.addAll(t.genres());
            theirs.addAll(t.moods());
            theirs.addAll(t.instruments());
        });
        List<String> out = new ArrayList<>();
        Stream.of(track.genres(), track.moods(), track.instruments())
                .flatMap(List::stream)
                .filter(theirs::contains)
                .map(Tags::words)
                .limit(3)
                .forEach(out::add);
        return out;
    }
}
