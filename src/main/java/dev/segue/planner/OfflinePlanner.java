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
import java.util.Objects;
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
        SearchFilter hard = hardFilter(intent, request.excludeTrackIds(), tools.catalog());
        int pool = Math.max(150, request.expectedTracks() * 6);
        List<String> seeds = seedIds(intent, request, trace);
        float[] taste = request.personalisation() == null
                ? null
                : request.personalisation().centroid();
        float[] queryVector = queryVector(intent, seeds, taste);
        Search search = new Search(intent, queryVector, hard, pool, trace, new LinkedHashMap<>());
        searchTags(search, taste);
        searchArtists(search, seeds);
        searchMixIns(search);
        return new Plan(
                intent,
                new ArrayList<>(search.found().values()),
                queryVector,
                hard,
                name(),
                List.of(),
                null,
                List.of());
    }

    /**
     * The searches of one retrieval: what they share, and the candidates found so far (by track id; a track found
     * twice keeps its better similarity).
     */
    private record Search(
            Intent intent, float[] vector, SearchFilter hard, int pool, Trace trace, Map<String, Candidate> found) {

        void add(List<Candidate> candidates) {
            for (Candidate c : candidates) {
                found.merge(c.track().id(), c, (a, b) -> a.similarity() >= b.similarity() ? a : b);
            }
        }

        String query() {
            return intent.queryText();
        }
    }

    /** The prompt's vector, leaning toward the listener's taste, blended with the seeds' centroid when there are any. */
    private float[] queryVector(Intent intent, List<String> seeds, float[] taste) {
        float[] promptVector = embedder.embed(intent.queryText());
        if (taste != null) {
            // A listener's taste leans the search toward what they play and like, without overriding the prompt.
            promptVector = Vectors.blend(promptVector, 0.75, taste, 0.25);
        }
        if (seeds.isEmpty()) {
            return promptVector;
        }
        List<float[]> seedVectors = seeds.stream()
                .map(id -> tools.index().vectors().of(id))
                .filter(Objects::nonNull)
                .toList();
        float[] centroid = Vectors.centroid(seedVectors);
        if (centroid == null) {
            return promptVector;
        }
        boolean promptSaysMore = !intent.include().isEmpty();
        return promptSaysMore ? Vectors.blend(promptVector, 0.5, centroid, 0.5) : centroid;
    }

    /** One broad search, one that requires every named facet, one in the listener's taste, one per facet. */
    private void searchTags(Search search, float[] taste) {
        List<Set<String>> required = search.intent().requiredGroups().stream()
                .map(g -> (Set<String>) new LinkedHashSet<>(g.tags()))
                .toList();
        search.add(tools.searchByVector(search.vector(), search.query(), search.hard(), search.pool(), search.trace()));
        if (!required.isEmpty()) {
            search.add(tools.searchByVector(
                    search.vector(),
                    search.query(),
                    search.hard().withTagGroups(required),
                    search.pool(),
                    search.trace()));
        }
        if (taste != null) {
            // Candidates from the listener's own corner of the catalog, within what the prompt requires.
            float[] personal = Vectors.blend(embedder.embed(search.query()), 0.5, taste, 0.5);
            search.add(tools.searchByVector(
                    personal,
                    "your taste: " + search.query(),
                    search.hard().withTagGroups(required),
                    search.pool() / 2,
                    search.trace()));
        }
        if (required.size() > 1) {
            for (Set<String> group : required) {
                search.add(tools.searchByVector(
                        search.vector(),
                        search.query(),
                        search.hard().plusTagGroup(group),
                        search.pool() / 2,
                        search.trace()));
            }
        }
    }

    /** The named artists (the only ones allowed), the artists it should sound like, and tracks like each seed. */
    private void searchArtists(Search search, List<String> seeds) {
        SearchFilter anyArtist = search.hard().withArtists(Set.of());
        for (String artist : search.intent().artists()) {
            search.add(tools.tracksByArtist(artist, anyArtist, search.vector(), search.pool(), search.trace()));
        }
        for (String artist : search.intent().similarToArtists()) {
            search.add(tools.tracksByArtist(artist, search.hard(), search.vector(), 20, search.trace()));
        }
        for (String seed : seeds) {
            search.add(tools.similarTracks(seed, search.hard(), 40, search.trace()));
        }
    }

    /** A mix-in's artist or tags, whoever the main request is limited to. */
    private void searchMixIns(Search search) {
        SearchFilter anyArtist = search.hard().withArtists(Set.of());
        for (MixIn mix : search.intent().mixIns()) {
            if (mix.artist() != null) {
                search.add(tools.tracksByArtist(mix.artist(), anyArtist, search.vector(), 30, search.trace()));
            } else {
                search.add(tools.searchTracks(
                        mix.phrase() + ", " + search.query(),
                        anyArtist.plusTagGroup(new LinkedHashSet<>(mix.tags())),
                        60,
                        search.trace()));
            }
        }
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
}
