package dev.segue.search;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.TagCategory;
import dev.segue.catalog.Tags;
import dev.segue.catalog.Track;
import dev.segue.embedding.TextEmbedder;
import dev.segue.embedding.Vectors;
import dev.segue.trace.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The retrieval tools, one method per tool. The offline planner calls them directly; the LLM agent calls the same
 * methods through its tool adapter, so both planners search the catalog the same way and appear alike in traces.
 */
@ApplicationScoped
public class SearchTools {

    public static final int MAX_LIMIT = 500;
    private static final int RRF_K = 60;

    private final SearchIndex index;
    private final TextEmbedder embedder;

    public SearchTools(SearchIndex index, TextEmbedder embedder) {
        this.index = index;
        this.embedder = embedder;
    }

    public Catalog catalog() {
        return index.catalog();
    }

    public SearchIndex index() {
        return index;
    }

    /**
     * search_tracks: hybrid search. Vector neighbours of the query text (tag words work best) fused by reciprocal rank
     * with BM25 matches of its words in titles and artists; every result carries its cosine to the query.
     */
    public List<Candidate> searchTracks(String query, SearchFilter filter, int limit, Trace trace) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("query", query);
        describe(filter, args);
        args.put("limit", limit);
        return trace.tool("search_tracks", args, () -> hybrid(embedder.embed(query), query, filter, clamp(limit)));
    }

    /** search_tracks with a vector already computed (the planner blends prompt and seeds). */
    public List<Candidate> searchByVector(
            float[] queryVector, String label, SearchFilter filter, int limit, Trace trace) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("query", label);
        describe(filter, args);
        args.put("limit", limit);
        return trace.tool("search_tracks", args, () -> hybrid(queryVector, null, filter, clamp(limit)));
    }

    private List<Candidate> hybrid(float[] queryVector, String text, SearchFilter filter, int limit) {
        List<Hit> vectorHits = index.store().nearest(queryVector, filter, limit);
        List<Hit> nameHits =
                text == null || text.isBlank() ? List.of() : index.store().lexical(text, filter, Math.min(limit, 50));
        Map<String, Double> fused = new HashMap<>();
        for (int rank = 0; rank < vectorHits.size(); rank++) {
            fused.merge(vectorHits.get(rank).trackId(), 1.0 / (RRF_K + rank), Double::sum);
        }
        Map<String, Boolean> named = new HashMap<>();
        for (int rank = 0; rank < nameHits.size(); rank++) {
            fused.merge(nameHits.get(rank).trackId(), 1.0 / (RRF_K + rank), Double::sum);
            named.put(nameHits.get(rank).trackId(), true);
        }
        List<Candidate> out = new ArrayList<>(fused.size());
        fused.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> index.catalog()
                        .find(e.getKey())
                        .ifPresent(track -> out.add(new Candidate(
                                track,
                                similarity(queryVector, track),
                                named.containsKey(track.id()),
                                "search_tracks"))));
        return out;
    }

    /** similar_tracks: nearest neighbours of a catalog track (the track itself excluded). */
    public List<Candidate> similarTracks(String trackId, SearchFilter filter, int limit, Trace trace) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("track_id", trackId);
        describe(filter, args);
        args.put("limit", limit);
        return trace.tool("similar_tracks", args, () -> {
            Optional<Track> seed = index.catalog().find(trackId);
            if (seed.isEmpty()) {
                return List.of();
            }
            float[] vector = index.vector(seed.get());
            return index.store().nearest(vector, filter.plusExcludedIds(Set.of(trackId)), clamp(limit)).stream()
                    .flatMap(hit -> index.catalog().find(hit.trackId()).stream())
                    .map(track -> new Candidate(track, similarity(vector, track), false, "similar_tracks"))
                    .toList();
        });
    }

    /** tracks_by_artist: an artist's tracks (name matched loosely), most popular first, within the filter. */
    public List<Candidate> tracksByArtist(
            String artist, SearchFilter filter, float[] queryVector, int limit, Trace trace) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("artist", artist);
        describe(filter, args);
        args.put("limit", limit);
        return trace.tool("tracks_by_artist", args, () -> {
            Optional<String> name = index.catalog().artist(artist);
            if (name.isEmpty()) {
                return List.of();
            }
            SearchFilter onlyArtist = filter.withArtists(Set.of(name.get()));
            Comparator<Candidate> order = queryVector == null
                    ? Comparator.comparingDouble((Candidate c) -> popularity(c.track()))
                            .reversed()
                    : Comparator.comparingDouble(Candidate::similarity).reversed();
            return index.catalog().tracksBy(name.get()).stream()
                    .filter(track -> Filters.allows(onlyArtist, track))
                    .map(track -> new Candidate(
                            track, queryVector == null ? 0 : similarity(queryVector, track), true, "tracks_by_artist"))
                    .sorted(order)
                    .limit(clamp(limit))
                    .toList();
        });
    }

    /** list_tags: the catalog's vocabulary with track counts, most used first, optionally for one category. */
    public List<TagCount> listTags(TagCategory category, Trace trace) {
        Map<String, Object> args = new LinkedHashMap<>();
        if (category != null) {
            args.put("category", category.label());
        }
        return trace.tool("list_tags", args, () -> {
            List<TagCount> out = new ArrayList<>();
            for (TagCategory c : TagCategory.values()) {
                if (category == null || c == category) {
                    index.catalog()
                            .vocabulary(c)
                            .forEach((tag, count) -> out.add(new TagCount(tag, Tags.words(tag), c, count)));
                }
            }
            return out;
        });
    }

    public double similarity(float[] queryVector, Track track) {
        float[] vector = index.vector(track);
        return vector == null ? 0 : Vectors.dot(queryVector, vector);
    }

    private static double popularity(Track track) {
        return track.popularity() == null ? 0 : track.popularity();
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(MAX_LIMIT, limit));
    }

    private static void describe(SearchFilter filter, Map<String, Object> args) {
        if (!filter.tagGroups().isEmpty()) {
            args.put(
                    "tags_all_of_any",
                    filter.tagGroups().stream()
                            .map(g -> g.stream().sorted().toList())
                            .toList());
        }
        if (!filter.excludeTags().isEmpty()) {
            args.put("exclude_tags", filter.excludeTags().stream().sorted().toList());
        }
        if (!filter.artists().isEmpty()) {
            args.put("artists", filter.artists().stream().sorted().toList());
        }
        if (!filter.excludeArtists().isEmpty()) {
            args.put(
                    "exclude_artists", filter.excludeArtists().stream().sorted().toList());
        }
        if (filter.yearFrom() != null) {
            args.put("year_from", filter.yearFrom());
        }
        if (filter.yearTo() != null) {
            args.put("year_to", filter.yearTo());
        }
        if (filter.excludeExplicit()) {
            args.put("exclude_explicit", true);
        }
        if (filter.minInstrumentalness() != null) {
            args.put("min_instrumentalness", filter.minInstrumentalness());
        }
        if (!filter.excludeIds().isEmpty()) {
            args.put("exclude_ids", filter.excludeIds().size());
        }
    }
}
