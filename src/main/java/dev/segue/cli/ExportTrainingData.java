package dev.segue.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.segue.catalog.Catalog;
import dev.segue.catalog.CatalogIngester;
import dev.segue.catalog.CatalogSource;
import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Track;
import dev.segue.embedding.TextEmbedder;
import dev.segue.embedding.TrackText;
import dev.segue.planner.IntentParser;
import dev.segue.planner.Lexicon;
import dev.segue.planner.OfflinePlanner;
import dev.segue.planner.Plan;
import dev.segue.planner.PlanRequest;
import dev.segue.planner.TagGroup;
import dev.segue.ranking.BaselineScorer;
import dev.segue.ranking.RankerFeatures;
import dev.segue.ranking.ScoredTrack;
import dev.segue.search.Candidate;
import dev.segue.search.LuceneVectorStore;
import dev.segue.search.SearchIndex;
import dev.segue.search.SearchTools;
import dev.segue.trace.Trace;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./segue export-training-data}: writes what tools/ranker trains and evaluates on, computed by the same code
 * that serves: the catalog as ingested, every track's vector from the index, and for each query the offline planner's
 * candidate pool with the foundation scorer's evidence turned into {@link RankerFeatures}. Plain Java, no container.
 *
 * <p>Files (float32/int32 little-endian, row-major): tracks.jsonl, track_vectors.f32 (tracks × 384),
 * track_features.f32 (tracks × TRACK), and with --queries: requests.jsonl, query_vectors.f32 (the vector the scorer
 * used), prompt_vectors.f32 (the raw prompt's embedding), candidates.i32 (catalog positions), candidate_features.f32
 * (candidates × CANDIDATE); manifest.json names the dimensions and feature columns.
 */
public final class ExportTrainingData {

    private static final String USAGE = """
            usage: ./segue export-training-data [options] FILE|demo
              FILE            the catalog (as for ./segue ingest); "demo" for the shipped Jamendo catalog
              --out DIR       where the files go (required)
              --queries FILE  JSONL, one request a line: {"qid", "prompt", "seeds": [track ids]?, "expected": n?,
                              "candidates": "pool" (default: the planner's pool) | "catalog" | [track ids]
                                            | {"top": n, "plus": [track ids]}?}
              --format F      auto (default), jamendo, spotify, csv or jsonl
              --data-dir DIR  where the catalog's index is kept (default: DIR/index-data); reused when up to date
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportTrainingData() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        String format = "auto";
        String out = null;
        String queries = null;
        String dataDir = null;
        String file = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--format" -> format = args[++i];
                    case "--out" -> out = args[++i];
                    case "--queries" -> queries = args[++i];
                    case "--data-dir" -> dataDir = args[++i];
                    case "-h", "--help" -> {
                        System.out.print(USAGE);
                        return 0;
                    }
                    default -> {
                        if (args[i].startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        file = args[i];
                    }
                }
            }
            if (file == null || out == null) {
                throw new IllegalArgumentException("give a catalog file (or \"demo\") and --out DIR");
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            System.err.println("segue export-training-data: "
                    + (e instanceof ArrayIndexOutOfBoundsException ? "an option needs a value" : e.getMessage()));
            System.err.print(USAGE);
            return 2;
        }
        try {
            export(
                    file,
                    format,
                    Path.of(out),
                    queries == null ? null : Path.of(queries),
                    Path.of(dataDir != null ? dataDir : out, dataDir != null ? "index" : "index-data/index"));
            return 0;
        } catch (Exception e) {
            System.err.println("segue export-training-data: " + e);
            return 1;
        }
    }

    private static void export(String file, String format, Path out, Path queries, Path indexDir) throws Exception {
        Files.createDirectories(out);
        CatalogSource source = CatalogSource.of("demo".equals(file) ? null : file, format, null);
        ProgressBar progress = ProgressBar.console("export");
        Catalog catalog = CatalogIngester.ingest(source, progress.child("reading catalog"));
        System.out.println(catalog.report().summary());
        try (TextEmbedder embedder = new TextEmbedder();
                LuceneVectorStore store = new LuceneVectorStore(indexDir)) {
            SearchIndex index = SearchIndex.open(catalog, store, embedder, progress);
            writeTracks(catalog, index, out);
            int requests = 0;
            long candidates = 0;
            if (queries != null) {
                SearchTools tools = new SearchTools(index, embedder);
                OfflinePlanner planner =
                        new OfflinePlanner(new IntentParser(catalog, Lexicon.load(), embedder), tools, embedder);
                long[] counts =
                        writeRequests(catalog, tools, planner, embedder, queries, out, progress.child("planning"));
                requests = (int) counts[0];
                candidates = counts[1];
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("catalog", source.displayName());
            manifest.put("catalogChecksum", catalog.checksum());
            manifest.put("tracks", catalog.size());
            manifest.put("embeddingModel", TextEmbedder.MODEL_ID);
            manifest.put("trackText", TrackText.VERSION);
            manifest.put("dimension", TextEmbedder.DIMENSION);
            manifest.put("trackFeatures", RankerFeatures.TRACK);
            manifest.put("candidateFeatures", RankerFeatures.CANDIDATE);
            manifest.put("requests", requests);
            manifest.put("candidates", candidates);
            JSON.writerWithDefaultPrettyPrinter()
                    .writeValue(out.resolve("manifest.json").toFile(), manifest);
            System.out.printf(
                    "wrote %,d tracks, %,d requests, %,d candidates to %s%n",
                    catalog.size(), requests, candidates, out);
        }
    }

    private static void writeTracks(Catalog catalog, SearchIndex index, Path out) throws IOException {
        try (BufferedWriter lines = Files.newBufferedWriter(out.resolve("tracks.jsonl"), StandardCharsets.UTF_8);
                DataOutputStream vectors = binaryFile(out.resolve("track_vectors.f32"));
                DataOutputStream features = binaryFile(out.resolve("track_features.f32"))) {
            for (Track track : catalog.tracks()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", track.id());
                row.put("title", track.title());
                row.put("artist", track.artist());
                row.put("year", track.year());
                row.put("popularity", track.popularity());
                row.put("genres", track.genres());
                row.put("moods", track.moods());
                row.put("instruments", track.instruments());
                lines.write(JSON.writeValueAsString(row));
                lines.newLine();
                write(vectors, index.vector(track));
                write(features, RankerFeatures.track(track));
            }
        }
    }

    /** Plans every query as the service would (offline planner, foundation scorer) and writes its candidate pool. */
    private static long[] writeRequests(
            Catalog catalog,
            SearchTools tools,
            OfflinePlanner planner,
            TextEmbedder embedder,
            Path queries,
            Path out,
            ProgressBar progress)
            throws IOException {
        List<String> lines = Files.readAllLines(queries, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .toList();
        progress.total(lines.size());
        BaselineScorer scorer = new BaselineScorer(tools);
        long offset = 0;
        int done = 0;
        try (BufferedWriter requests = Files.newBufferedWriter(out.resolve("requests.jsonl"), StandardCharsets.UTF_8);
                DataOutputStream queryVectors = binaryFile(out.resolve("query_vectors.f32"));
                DataOutputStream promptVectors = binaryFile(out.resolve("prompt_vectors.f32"));
                DataOutputStream positions = binaryFile(out.resolve("candidates.i32"));
                DataOutputStream features = binaryFile(out.resolve("candidate_features.f32"))) {
            for (String line : lines) {
                JsonNode query = JSON.readTree(line);
                String prompt = query.get("prompt").asText();
                List<String> seeds = new ArrayList<>();
                query.path("seeds").forEach(s -> seeds.add(s.asText()));
                int expected = query.path("expected").asInt(20);
                Plan plan = planner.plan(
                        new PlanRequest(
                                prompt, null, seeds, List.of(), Set.of(), expected, null, null, List.of(), List.of(),
                                null),
                        new Trace());
                JsonNode spec = query.path("candidates");
                List<Candidate> pool = candidates(spec, plan, catalog, tools);
                List<ScoredTrack> scored = scorer.score(plan.intent(), pool, plan.queryVector(), Set.of());
                if (spec.has("top")) {
                    scored = top(scored, spec.get("top").asInt(), spec.path("plus"));
                }
                float[] promptVector = embedder.embed(prompt);
                String promptKey = RankerFeatures.promptKey(prompt);
                for (ScoredTrack s : scored) {
                    positions.writeInt(
                            Integer.reverseBytes(catalog.position(s.track().id())));
                    write(
                            features,
                            RankerFeatures.candidate(
                                    plan.intent(), s, tools.similarity(promptVector, s.track()), promptKey));
                }
                write(queryVectors, plan.queryVector());
                write(promptVectors, promptVector);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("qid", query.get("qid").asText());
                row.put("prompt", prompt);
                row.put("queryText", plan.intent().queryText());
                row.put("seeds", seeds);
                row.put(
                        "groups",
                        plan.intent().include().stream()
                                .map(ExportTrainingData::describe)
                                .toList());
                row.put("offset", offset);
                row.put("count", scored.size());
                requests.write(JSON.writeValueAsString(row));
                requests.newLine();
                offset += scored.size();
                progress.update(++done, "requests");
            }
        }
        progress.done(String.format(java.util.Locale.ROOT, "%,d requests, %,d candidates", done, offset));
        return new long[] {done, offset};
    }

    /**
     * Which tracks to score: the planner's pool (as served; the default), "catalog" (every track: evaluation that
     * does not depend on retrieval), a list of track ids (sampled training lists, one split's artists), or
     * {"top": n, "plus": [ids]}: the n best of the whole catalog by the foundation scorer, plus the given tracks (hard
     * negatives for training, a cheap stand-in for the catalog when validating).
     */
    private static List<Candidate> candidates(JsonNode spec, Plan plan, Catalog catalog, SearchTools tools) {
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
        Set<String> wanted = new java.util.HashSet<>();
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

    private static DataOutputStream binaryFile(Path path) throws IOException {
        OutputStream stream = Files.newOutputStream(path);
        return new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
    }

    private static void write(DataOutputStream out, float[] values) throws IOException {
        for (float v : values) {
            out.writeInt(Integer.reverseBytes(Float.floatToRawIntBits(v)));
        }
    }
}
