package dev.segue.planner;

import dev.segue.catalog.Catalog;
import dev.segue.catalog.Track;
import dev.segue.embedding.TextEmbedder;
import dev.segue.embedding.Vectors;
import dev.segue.search.Candidate;
import dev.segue.search.SearchFilter;
import dev.segue.search.SearchTools;
import dev.segue.trace.Trace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The planner that needs no LLM: it reads the prompt with {@link IntentParser}, then calls the same retrieval tools
 * the agent calls: one broad search, one that requires every named facet, one per facet, and the artist and seed
 * tools when the prompt names artists or the request gives seeds. The merged results are the candidate pool.
 */
@ApplicationScoped
public class OfflinePlanner implements Planner {

    private static final int MAX_SEEDS = 6;

    private final IntentParser parser;
    private final SearchTools tools;
    private final TextEmbedder embedder;

    public OfflinePlanner(IntentParser parser, SearchTools tools, TextEmbedder embedder) {
        this.parser = parser;
        this.tools = tools;
        this.embedder = embedder;
    }

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public Plan plan(PlanRequest request, Trace trace) {
        Intent intent = trace.step("parse prompt", () -> intentOf(request));
        return trace.step("retrieve candidates", () -> retrieve(intent, request, trace));
    }

    /** The intent of a request: the prompt read (or the refinement applied), plus the request's excluded artists. */
    public Intent intentOf(PlanRequest request) {
        Intent intent = request.isRefinement()
                ? parser.refine(request.previous(), request.prompt())
                : parser.parse(request.prompt());
        return request.excludeArtists().isEmpty() ? intent : intent.withExcludedArtists(request.excludeArtists());
    }

    /** The offline planner's tool calls for an intent read elsewhere (the LLM planner tops up its pool with them). */
    public Plan retrieve(Intent intent, PlanRequest request, Trace trace) {
        Catalog catalog = tools.catalog();
        SearchFilter hard = hardFilter(intent, request.excludeTrackIds(), catalog);
        int pool = Math.max(150, request.expectedTracks() * 6);
        Map<String, Candidate> merged = new LinkedHashMap<>();

        List<String> seeds = seedIds(intent, request, trace);
        float[] promptVector = embedder.embed(intent.queryText());
        if (request.personalisation() != null && request.personalisation().centroid() != null) {
            // A listener's taste leans the search toward what they play and like, without overriding the prompt.
            promptVector =
                    Vectors.blend(promptVector, 0.75, request.personalisation().centroid(), 0.25);
        }
        float[] queryVector = promptVector;
        if (!seeds.isEmpty()) {
            List<float[]> seedVectors = seeds.stream()
                    .map(id -> tools.index().vectors().of(id))
                    .filter(v -> v != null)
                    .toList();
            float[] centroid = Vectors.centroid(seedVectors);
            if (centroid != null) {
                boolean promptSaysMore = !intent.include().isEmpty();
                queryVector = promptSaysMore ? Vectors.blend(promptVector, 0.5, centroid, 0.5) : centroid;
            }
        }

        List<java.util.Set<String>> required = intent.requiredGroups().stream()
                .map(g -> (java.util.Set<String>) new LinkedHashSet<>(g.tags()))
                .toList();
        add(merged, tools.searchByVector(queryVector, intent.queryText(), hard, pool, trace));
        if (!required.isEmpty()) {
            add(
                    merged,
                    tools.searchByVector(queryVector, intent.queryText(), hard.withTagGroups(required), pool, trace));
        }
        if (request.personalisation() != null && request.personalisation().centroid() != null) {
            // Candidates from the listener's own corner of the catalog, within what the prompt requires.
            float[] personal = Vectors.blend(
                    embedder.embed(intent.queryText()),
                    0.5,
                    request.personalisation().centroid(),
                    0.5);
            add(
                    merged,
                    tools.searchByVector(
                            personal,
                            "your taste: " + intent.queryText(),
                            hard.withTagGroups(required),
                            pool / 2,
                            trace));
        }
        if (required.size() > 1) {
            for (Set<String> group : required) {
                add(
                        merged,
                        tools.searchByVector(
                                queryVector, intent.queryText(), hard.plusTagGroup(group), pool / 2, trace));
            }
        }
        for (String artist : intent.artists()) {
            add(merged, tools.tracksByArtist(artist, hard.withArtists(Set.of()), queryVector, pool, trace));
        }
        for (String artist : intent.similarToArtists()) {
            add(merged, tools.tracksByArtist(artist, hard, queryVector, 20, trace));
        }
        for (String seed : seeds) {
            add(merged, tools.similarTracks(seed, hard, 40, trace));
        }
        for (MixIn mix : intent.mixIns()) {
            if (mix.artist() != null) {
                add(merged, tools.tracksByArtist(mix.artist(), hard.withArtists(Set.of()), queryVector, 30, trace));
            } else {
                add(
                        merged,
                        tools.searchTracks(
                                mix.phrase() + ", " + intent.queryText(),
                                hard.withArtists(Set.of()).plusTagGroup(new LinkedHashSet<>(mix.tags())),
                                60,
                                trace));
            }
        }
        return new Plan(
                intent, new ArrayList<>(merged.values()), queryVector, hard, name(), List.of(), null, List.of());
    }

    /** Seeds: the request's seed tracks, then the best-known tracks of artists the prompt compares to. */
    private List<String> seedIds(Intent intent, PlanRequest request, Trace trace) {
        List<String> seeds = new ArrayList<>();
        request.seedTrackIds().stream()
                .filter(id -> tools.catalog().find(id).isPresent())
                .forEach(seeds::add);
        for (String artist : intent.similarToArtists()) {
            tools.catalog().tracksBy(artist).stream()
                    .sorted(Comparator.comparingDouble((Track t) -> t.popularity() == null ? 0 : t.popularity())
                            .reversed())
                    .limit(3)
                    .forEach(t -> seeds.add(t.id()));
        }
        return seeds.stream().distinct().limit(MAX_SEEDS).toList();
    }

    /** Everything a track must satisfy, whatever its score: exclusions, named artists, era, explicitness. */
    public static SearchFilter hardFilter(Intent intent, Set<String> excludeIds, Catalog catalog) {
        Double minInstrumentalness = intent.noVocals() && catalog.hasAudioFeatures() ? 0.5 : null;
        return new SearchFilter(
                List.of(),
                Set.copyOf(intent.excludeTags()),
                Set.copyOf(intent.artists()),
                Set.copyOf(intent.excludeArtists()),
                intent.yearFrom(),
                intent.yearTo(),
                null,
                intent.cleanOnly(),
                minInstrumentalness,
                excludeIds);
    }

    private static void add(Map<String, Candidate> merged, List<Candidate> found) {
        for (Candidate c : found) {
            merged.merge(c.track().id(), c, (a, b) -> a.similarity() >= b.similarity() ? a : b);
        }
    }
}
