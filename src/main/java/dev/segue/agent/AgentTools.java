package dev.segue.agent;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.segue.catalog.TagCategory;
import dev.segue.catalog.Tags;
import dev.segue.catalog.Track;
import dev.segue.embedding.TextEmbedder;
import dev.segue.ranking.BaselineScorer;
import dev.segue.ranking.ScoredTrack;
import dev.segue.ranking.TransformerRanker;
import dev.segue.search.Candidate;
import dev.segue.search.SearchFilter;
import dev.segue.search.SearchTools;
import dev.segue.search.TagCount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The agent's tools: thin adapters over {@link SearchTools} (the same methods the offline planner calls), with
 * arguments in the model's terms and results trimmed to what it needs. Every track returned is remembered by the
 * run; the model may pick only those. The request's hard filter (exclusions, removed tracks) applies to every call.
 */
public final class AgentTools {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;

    /** The tools, in the order the model is shown them. */
    static final List<String> NAMES =
            List.of("search_tracks", "list_tags", "similar_tracks", "tracks_by_artist", "rank_candidates");

    /** A track as the model sees it: catalog facts only. */
    public record ToolTrack(
            String id,
            String title,
            String artist,
            List<String> genres,
            List<String> moods,
            List<String> instruments,
            Integer year,
            int durationSec,
            double score) {}

    public record SearchResult(List<ToolTrack> tracks, String note) {}

    public record Score(String id, double score) {}

    private final AgentRun run;
    private final SearchTools tools;
    private final BaselineScorer scorer;
    private final TransformerRanker ranker;
    private final TextEmbedder embedder;
    private final Set<String> vocabulary = new HashSet<>();

    AgentTools(
            AgentRun run, SearchTools tools, BaselineScorer scorer, TransformerRanker ranker, TextEmbedder embedder) {
        this.run = run;
        this.tools = tools;
        this.scorer = scorer;
        this.ranker = ranker;
        this.embedder = embedder;
        for (TagCategory c : TagCategory.values()) {
            vocabulary.addAll(tools.catalog().vocabulary(c).keySet());
        }
    }

    /** Where the tool stands in {@link #NAMES}; a name it does not hold comes last. */
    static int position(String name) {
        int at = NAMES.indexOf(name);
        return at < 0 ? NAMES.size() : at;
    }

    /** "search_tracks, list_tags, … and rank_candidates". */
    static String listed() {
        return String.join(", ", NAMES.subList(0, NAMES.size() - 1)) + " and " + NAMES.get(NAMES.size() - 1);
    }

    @Tool(
            name = "search_tracks",
            value =
                    "Search the catalog by meaning, optionally keeping only tracks with given tags or years; returns candidate tracks with ids.")
    public SearchResult searchTracks(
            @P(
                            name = "query",
                            value = "what to look for, best in catalog tag words, e.g. 'calm relaxing piano ambient'")
                    String query,
            @P(name = "genres", value = "keep tracks with any of these genre tags (see list_tags)", required = false)
                    List<String> genres,
            @P(name = "moods", value = "keep tracks with any of these mood/theme tags", required = false)
                    List<String> moods,
            @P(name = "instruments", value = "keep tracks with any of these instrument tags", required = false)
                    List<String> instruments,
            @P(name = "year_from", value = "earliest release year", required = false) Integer yearFrom,
            @P(name = "year_to", value = "latest release year", required = false) Integer yearTo,
            @P(name = "exclude_artists", value = "artists to leave out", required = false) List<String> excludeArtists,
            @P(name = "limit", value = "how many tracks, 1 to 50 (default 20)", required = false) Integer limit) {
        run.toolCall();
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query is required");
        }
        List<String> unknown = new ArrayList<>();
        SearchFilter filter = run.hardFilter;
        for (List<String> group : Arrays.asList(genres, moods, instruments)) {
            Set<String> known = knownTags(group, unknown);
            if (!known.isEmpty()) {
                filter = filter.plusTagGroup(known);
            }
        }
        if (yearFrom != null || yearTo != null || excludeArtists != null && !excludeArtists.isEmpty()) {
            Set<String> noArtists = new LinkedHashSet<>(filter.excludeArtists());
            if (excludeArtists != null) {
                excludeArtists.stream().filter(a -> a != null && !a.isBlank()).forEach(noArtists::add);
            }
            filter = new SearchFilter(
                    filter.tagGroups(),
                    filter.excludeTags(),
                    filter.artists(),
                    noArtists,
                    yearFrom != null ? yearFrom : filter.yearFrom(),
                    yearTo != null ? yearTo : filter.yearTo(),
                    filter.maxDurationSec(),
                    filter.excludeExplicit(),
                    filter.minInstrumentalness(),
                    filter.excludeIds());
        }
        List<Candidate> found = tools.searchTracks(query.strip(), filter, clamp(limit), run.trace);
        run.returned(found);
        String note = unknown.isEmpty()
                ? null
                : "not catalog tags, ignored: " + String.join(", ", unknown) + " (call list_tags for the vocabulary)";
        if (found.isEmpty()) {
            note = (note == null ? "" : note + "; ") + "nothing matched: try fewer filters or other words";
        }
        return new SearchResult(found.stream().map(AgentTools::view).toList(), note);
    }

    @Tool(
            name = "list_tags",
            value = "List the catalog's tag vocabulary with track counts, so you use tags that exist.")
    public String listTags(
            @P(name = "category", value = "genre, mood or instrument; omit for all", required = false)
                    String category) {
        run.toolCall();
        TagCategory only = category == null || category.isBlank() ? null : TagCategory.parse(category);
        List<TagCount> tags = tools.listTags(only, run.trace);
        StringBuilder out = new StringBuilder();
        for (TagCategory c : TagCategory.values()) {
            List<TagCount> of = tags.stream().filter(t -> t.category() == c).toList();
            if (!of.isEmpty()) {
                out.append(c.label())
                        .append(": ")
                        .append(of.stream().map(t -> t.tag() + " " + t.tracks()).collect(Collectors.joining(", ")))
                        .append('\n');
            }
        }
        return out.toString();
    }

    @Tool(name = "similar_tracks", value = "Find tracks that sound like a given track (by its tags and description).")
    public List<ToolTrack> similarTracks(
            @P(name = "track_id", value = "an id returned by another tool") String trackId,
            @P(name = "limit", value = "how many, 1 to 50 (default 20)", required = false) Integer limit) {
        run.toolCall();
        if (tools.catalog().find(trackId).isEmpty()) {
            throw new IllegalArgumentException("unknown track id " + trackId);
        }
        List<Candidate> found = tools.similarTracks(trackId, run.hardFilter, clamp(limit), run.trace);
        run.returned(found);
        return found.stream().map(AgentTools::view).toList();
    }

    @Tool(name = "tracks_by_artist", value = "List an artist's tracks in the catalog (the name is matched loosely).")
    public List<ToolTrack> tracksByArtist(
            @P(name = "artist", value = "the artist's name") String artist,
            @P(name = "limit", value = "how many, 1 to 50 (default 20)", required = false) Integer limit) {
        run.toolCall();
        if (artist == null || artist.isBlank()) {
            throw new IllegalArgumentException("artist is required");
        }
        if (tools.catalog().artist(artist).isEmpty()) {
            throw new IllegalArgumentException("no artist called \"" + artist + "\" in this catalog");
        }
        List<Candidate> found =
                tools.tracksByArtist(artist, run.hardFilter.withArtists(Set.of()), null, clamp(limit), run.trace);
        run.returned(found);
        return found.stream().map(AgentTools::view).toList();
    }

    @Tool(
            name = "rank_candidates",
            value =
                    "Score tracks you already found against a description of what the listener wants; higher is better.")
    public List<Score> rankCandidates(
            @P(name = "track_ids", value = "ids returned by other tools") List<String> trackIds,
            @P(name = "query", value = "what the listener wants, in words") String query) {
        run.toolCall();
        if (trackIds == null || trackIds.isEmpty() || query == null || query.isBlank()) {
            throw new IllegalArgumentException("track_ids and query are required");
        }
        List<Candidate> known = trackIds.stream()
                .filter(run::wasReturned)
                .distinct()
                .flatMap(id -> tools.catalog().find(id).stream())
                .map(t -> new Candidate(t, 0, false, "rank_candidates"))
                .toList();
        float[] vector = embedder.embed(query.strip());
        return run.trace.tool("rank_candidates", Map.of("track_ids", trackIds.size(), "query", query), () -> {
            List<ScoredTrack> scored = scorer.score(run.intent, known, vector, Set.of());
            // The same ranking a playlist gets: the transformer's order when a model is loaded.
            List<ScoredTrack> ranked =
                    ranker.available() ? ranker.rank(run.intent, scored, vector, query.strip(), List.of()) : scored;
            return ranked.stream()
                    .map(s -> new Score(s.track().id(), Math.round(s.score() * 1000) / 1000.0))
                    .toList();
        });
    }

    private Set<String> knownTags(List<String> tags, List<String> unknown) {
        Set<String> out = new LinkedHashSet<>();
        if (tags == null) {
            return out;
        }
        for (String raw : tags) {
            String tag = Tags.normalize(raw);
            if (tag == null) {
                continue;
            }
            String folded = tag.replace(" ", "");
            if (vocabulary.contains(tag)) {
                out.add(tag);
            } else if (vocabulary.contains(folded)) {
                out.add(folded); // "acoustic guitar" → acousticguitar
            } else {
                unknown.add(raw);
            }
        }
        return out;
    }

    private static int clamp(Integer limit) {
        return limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(MAX_LIMIT, limit));
    }

    static ToolTrack view(Candidate c) {
        Track t = c.track();
        return new ToolTrack(
                t.id(),
                t.title(),
                t.artist(),
                t.genres(),
                t.moods(),
                t.instruments(),
                t.year(),
                (int) Math.round(t.durationSec()),
                Math.round(c.similarity() * 1000) / 1000.0);
    }
}
