package dev.segue.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segue.catalog.Catalog;
import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import dev.segue.embedding.TextEmbedder;
import dev.segue.planner.OfflinePlanner;
import dev.segue.planner.Plan;
import dev.segue.planner.PlanRequest;
import dev.segue.planner.TagGroup;
import dev.segue.ranking.BaselineScorer;
import dev.segue.ranking.RankerFeatures;
import dev.segue.ranking.ScoredTrack;
import dev.segue.search.Candidate;
import dev.segue.search.SearchTools;
import dev.segue.trace.Trace;
import jakarta.enterprise.context.Dependent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plans every query as the service would (offline planner, foundation scorer) and writes its candidate pool:
 * requests.jsonl, query_vectors.f32 (the vector the scorer used), prompt_vectors.f32 (the raw prompt's embedding),
 * candidates.i32 (catalog positions) and candidate_features.f32 (candidates × CANDIDATE).
 *
 * <p>A query line: {"qid", "prompt", "seeds": [track ids]?, "expected": n?, "candidates": "pool" (the planner's pool,
 * the default) | "catalog" | [track ids] | {"top": n, "plus": [track ids]}?}.
 */
@Dependent
class CandidatePoolWriter {

    record Counts(int requests, long candidates) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Catalog catalog;
    private final SearchTools tools;
    private final OfflinePlanner planner;
    private final BaselineScorer scorer;
    private final TextEmbedder embedder;

    CandidatePoolWriter(
            Catalog catalog, SearchTools tools, OfflinePlanner planner, BaselineScorer scorer, TextEmbedder embedder) {
        this.catalog = catalog;
        this.tools = tools;
        this.planner = planner;
        this.scorer = scorer;
        this.embedder = embedder;
    }

    /** The files that hold one export's pools, written query by query. */
    private record PoolFiles(
            BufferedWriter requests,
            LittleEndianFile queryVectors,
            LittleEndianFile promptVectors,
            LittleEndianFile positions,
            LittleEndianFile features)
            implements AutoCloseable {

        static PoolFiles in(Path out) throws IOException {
            return new PoolFiles(
                    Files.newBufferedWriter(out.resolve("requests.jsonl"), StandardCharsets.UTF_8),
                    new LittleEndianFile(out.resolve("query_vectors.f32")),
                    new LittleEndianFile(out.resolve("prompt_vectors.f32")),
                    new LittleEndianFile(out.resolve("candidates.i32")),
                    new LittleEndianFile(out.resolve("candidate_features.f32")));
        }

        @Override
        public void close() throws IOException {
            requests.close();
            queryVectors.close();
            promptVectors.close();
            positions.close();
            features.close();
        }
    }

    Counts write(Path queries, Path out, ProgressBar progress) throws IOException {
        List<String> lines = Files.readAllLines(queries, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .toList();
        progress.total(lines.size());
        long offset = 0;
        int done = 0;
        try (PoolFiles files = PoolFiles.in(out)) {
            for (String line : lines) {
                offset += writeOne(JSON.readTree(line), offset, files);
                progress.update(++done, "requests");
            }
        }
        progress.done(String.format(Locale.ROOT, "%,d requests, %,d candidates", done, offset));
        return new Counts(done, offset);
    }

    private int writeOne(JsonNode query, long offset, PoolFiles files) throws IOException {
        String prompt = query.get("prompt").asText();
        List<String> seeds = new ArrayList<>();
        query.path("seeds").forEach(seed -> seeds.add(seed.asText()));
        Plan plan = planner.plan(
                PlanRequest.forPrompt(prompt)
                        .withSeeds(seeds)
                        .withExpectedTracks(query.path("expected").asInt(20)),
                new Trace());
        JsonNode spec = query.path("candidates");
        List<ScoredTrack> scored = scorer.score(plan.intent(), candidates(spec, plan), plan.queryVector(), Set.of());
        if (spec.has("top")) {
            scored = top(scored, spec.get("top").asInt(), spec.path("plus"));
        }
        float[] promptVector = embedder.embed(prompt);
        String promptKey = RankerFeatures.promptKey(prompt);
        for (ScoredTrack s : scored) {
            files.positions().write(catalog.position(s.track().id()));
            files.features()
                    .write(RankerFeatures.candidate(
                            plan.intent(), s, tools.similarity(promptVector, s.track()), promptKey));
        }
        files.queryVectors().write(plan.queryVector());
        files.promptVectors().write(promptVector);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("qid", query.get("qid").asText());
        row.put("prompt", prompt);
        row.put("queryText", plan.intent().queryText());
        row.put("seeds", seeds);
        row.put(
                "groups",
                plan.intent().include().stream()
                        .map(CandidatePoolWriter::describe)
                        .toList());
        row.put("offset", offset);
        row.put("count", scored.size());
        files.requests().write(JSON.writeValueAsString(row));
        files.requests().newLine();
        return scored.size();
    }

    /**
     * Which tracks to score: the planner's pool (as served; the default), "catalog" (every track: evaluation that
     * does not depend on retrieval), a list of track ids (sampled training lists, one split's artists), or
     * {"top": n, "plus": [ids]}: the n best of the whole catalog by the foundation scorer, plus the given tracks (hard
     * negatives for training, a cheap stand-in for the catalog when validating).
     */
    private List<Candidate> candidates(JsonNode spec, Plan plan) {
        if (spec.isMissingNode() || spec.isNull() || "pool".equals(spec.asText())) {
            return plan.candidates();
        }
        List<Track> tracks = new ArrayList<>();
        if ("catalog".equals(spec.asText()) || spec.has("top")) {
            tracks = catalog.tracks();
        } else if (spec.isArray()) {
            for (JsonNode id : spec) {
                catalog.find(id.asText()).ifPresent(tracks::add);
            }
        } else {
            throw new IllegalArgumentException("candidates must be \"pool\", \"catalog\", a list of track ids or "
                    + "{\"top\": n, \"plus\": [track ids]}");
        }
        return tracks.stream()
                .map(t -> new Candidate(t, tools.similarity(plan.queryVector(), t), false, "export"))
                .toList();
    }

    private static List<ScoredTrack> top(List<ScoredTrack> sorted, int n, JsonNode plus) {
        Set<String> wanted = new HashSet<>();
        plus.forEach(id -> wanted.add(id.asText()));
        List<ScoredTrack> out = new ArrayList<>(sorted.subList(0, Math.min(n, sorted.size())));
        out.forEach(s -> wanted.remove(s.track().id()));
        sorted.stream().skip(n).filter(s -> wanted.contains(s.track().id())).forEach(out::add);
        return out;
    }

    private static Map<String, Object> describe(TagGroup group) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("phrase", group.phrase());
        g.put("tags", group.tags());
        g.put("weight", group.weight());
        g.put("required", group.required());
        return g;
    }
}
