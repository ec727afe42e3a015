package dev.segue.ranking;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.segue.catalog.Track;
import dev.segue.embedding.TextEmbedder;
import dev.segue.embedding.TrackText;
import dev.segue.embedding.Vectors;
import dev.segue.planner.Intent;
import dev.segue.search.TrackVectors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The trained ranker (tools/ranker): a small transformer over [query, context tracks, candidates], exported to ONNX
 * and run by ONNX Runtime. It re-orders the foundation scorer's candidates, reading their evidence as
 * {@link RankerFeatures} plus the query's and each track's embedding. One session per process, created at start;
 * {@link #rank} scores all candidates of a request in one batch and is safe to call from many threads.
 *
 * <p>A model that is missing, unreadable, or built for other features or embeddings does not stop the service: the
 * ranker is then {@linkplain #unavailable unavailable}, a warning says why, and playlists use the foundation scorer
 * (their {@code ranker} field says "baseline").
 */
public final class TransformerRanker implements AutoCloseable {

    public static final String DEFAULT_MODEL = "classpath:models/ranker.onnx";
    public static final String BASELINE = "baseline";
    private static final Logger LOG = Logger.getLogger(TransformerRanker.class);
    /** Training saw at most 10 context tracks (tools/ranker/queries.py). */
    public static final int MAX_CONTEXT = 10;

    private static final int DIM = TextEmbedder.DIMENSION;
    private static final int TRACK_WIDTH = DIM + RankerFeatures.TRACK.size();
    private static final int CANDIDATE_WIDTH = DIM + RankerFeatures.CANDIDATE.size();

    private final OrtEnvironment env;
    private final OrtSession session;
    private final TrackVectors vectors;
    private final TextEmbedder embedder;
    private final String version;
    private final String problem;

    private TransformerRanker(
            OrtSession session, TrackVectors vectors, TextEmbedder embedder, String version, String problem) {
        this.env = session == null ? null : OrtEnvironment.getEnvironment();
        this.session = session;
        this.vectors = vectors;
        this.embedder = embedder;
        this.version = version;
        this.problem = problem;
    }

    /** A ranker that is not there, and why: callers fall back to the foundation scorer. */
    public static TransformerRanker unavailable(String why) {
        return new TransformerRanker(null, null, null, null, why);
    }

    /**
     * Loads a model ("classpath:…" or a file path); never throws: a model that cannot serve gives an unavailable
     * ranker and a logged warning.
     */
    public static TransformerRanker load(String location, TrackVectors vectors, TextEmbedder embedder) {
        try {
            return open(location, vectors, embedder);
        } catch (Exception e) {
            String why = "ranker model " + location + " not used (" + e.getMessage() + "); playlists use the "
                    + "foundation scorer";
            LOG.warn(why);
            return unavailable(why);
        }
    }

    /** Loads and checks a model; throws with a message that says what is wrong. */
    static TransformerRanker open(String location, TrackVectors vectors, TextEmbedder embedder)
            throws IOException, OrtException {
        byte[] bytes = read(location);
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        // One thread per request: requests run in parallel already, and 500 candidates take a few ms on one core.
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        OrtSession session = OrtEnvironment.getEnvironment().createSession(bytes, options);
        try {
            Map<String, String> meta = session.getMetadata().getCustomMetadata();
            expect(meta, "segue.features.candidate", String.join(",", RankerFeatures.CANDIDATE));
            expect(meta, "segue.features.track", String.join(",", RankerFeatures.TRACK));
            expect(meta, "segue.embedding.model", TextEmbedder.MODEL_ID);
            expect(meta, "segue.embedding.track_text", TrackText.VERSION);
            for (String input : List.of("query", "prompt", "context", "context_mask", "candidates")) {
                if (!session.getInputNames().contains(input)) {
                    throw new IOException("the model has no input \"" + input + "\"");
                }
            }
            String version = meta.get("segue.ranker.version");
            TransformerRanker ranker = new TransformerRanker(session, vectors, embedder, version, null);
            LOG.infof("ranker %s loaded from %s (%,d bytes)", ranker.name(), location, bytes.length);
            return ranker;
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    public boolean available() {
        return session != null;
    }

    /** "transformer:VERSION", or "baseline" when unavailable: what a playlist's {@code ranker} field says. */
    public String name() {
        return available() ? "transformer:" + version : BASELINE;
    }

    /** Why the ranker is unavailable; null when it is available. */
    public String problem() {
        return problem;
    }

    /**
     * The candidates re-ordered by the model; scores become 0..1 within the request (best = 1). Refined versions never
     * come here (the playlist RankingPolicy ranks them with the foundation scorer), so there is no kept track to favour.
     *
     * <p>The model orders the tracks that meet every required wish. The others, which the assembler only uses to fill
     * up with partial matches, keep the foundation scorer's order (they come after, as the assembler takes them): its
     * similarity to the request's words ranks near-misses ("peaceful flute" → ambient flute first) better than the
     * model, which learned all-or-nothing facet relevance and lost end-to-end precision there (PlaylistQualityTest,
     * the evals' core suite). tools/ranker/evaluate.py scores this served order too ("transformer, as served").
     *
     * @param queryVector the vector the foundation scorer used (the planner's query, blended with seeds if any)
     * @param prompt      the listener's own words; null or blank: the query vector stands in for them
     * @param context     seed tracks, then a listener's recent plays and likes: the model reads them as context tokens
     */
    public List<ScoredTrack> rank(
            Intent intent, List<ScoredTrack> scored, float[] queryVector, String prompt, List<Track> context) {
        if (!available()) {
            throw new IllegalStateException(problem);
        }
        if (scored.isEmpty()) {
            return scored;
        }
        // A prompt of nothing but blanks and control characters has no embedding; the query stands in for it.
        float[] promptVector = prompt == null || prompt.trim().isEmpty() ? queryVector : embedder.embed(prompt);
        float[] raw = scores(intent, scored, queryVector, promptVector, RankerFeatures.promptKey(prompt), context);
        // Scores follow the served order: tracks meeting every wish get 0.5..1 by the model, near-misses 0..0.5 by
        // the foundation scorer (whose order they keep), so a listener or the LLM never sees a lower track score
        // higher.
        double fitMin = Double.POSITIVE_INFINITY;
        double fitMax = Double.NEGATIVE_INFINITY;
        double partialMin = Double.POSITIVE_INFINITY;
        double partialMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scored.size(); i++) {
            if (scored.get(i).fits()) {
                fitMin = Math.min(fitMin, raw[i]);
                fitMax = Math.max(fitMax, raw[i]);
            } else {
                partialMin = Math.min(partialMin, scored.get(i).score());
                partialMax = Math.max(partialMax, scored.get(i).score());
            }
        }
        List<ScoredTrack> fitting = new ArrayList<>(scored.size());
        List<ScoredTrack> partial = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            ScoredTrack s = scored.get(i);
            if (s.fits()) {
                double value = 0.5 + 0.5 * unit(raw[i], fitMin, fitMax);
                fitting.add(s.withScore(Math.round(value * 1e4) / 1e4));
            } else {
                // Floored rather than rounded, so a near-miss never reaches the 0.5 of the weakest full match.
                partial.add(s.withScore(Math.floor(0.4999 * unit(s.score(), partialMin, partialMax) * 1e4) / 1e4));
            }
        }
        fitting.sort(Comparator.comparingDouble(ScoredTrack::score).reversed());
        fitting.addAll(partial); // in the foundation scorer's order, as they came
        return fitting;
    }

    /** Where {@code value} lies between min and max, as 0..1 (1 when they are equal). */
    private static double unit(double value, double min, double max) {
        return max - min > 1e-9 ? (value - min) / (max - min) : 1;
    }

    /** The model's raw scores, in the order of {@code scored}. */
    float[] scores(
            Intent intent,
            List<ScoredTrack> scored,
            float[] queryVector,
            float[] promptVector,
            String promptKey,
            List<Track> allContext) {
        List<Track> context = allContext.subList(0, Math.min(MAX_CONTEXT, allContext.size()));
        int n = scored.size();
        int c = Math.max(1, context.size());
        FloatBuffer candidates = FloatBuffer.allocate(n * CANDIDATE_WIDTH);
        for (ScoredTrack s : scored) {
            float[] vector = vectors.of(s.track());
            putVector(candidates, vector);
            candidates.put(RankerFeatures.candidate(
                    intent, s, vector == null ? 0 : Vectors.dot(promptVector, vector), promptKey));
        }
        FloatBuffer contextTokens = FloatBuffer.allocate(c * TRACK_WIDTH);
        FloatBuffer mask = FloatBuffer.allocate(c);
        for (Track track : context) {
            putVector(contextTokens, vectors.of(track));
            contextTokens.put(RankerFeatures.track(track));
            mask.put(1f);
        }
        // No context: one all-zero token, masked out (ONNX shapes cannot be empty here).
        return run(queryVector, promptVector, contextTokens.rewind(), mask.rewind(), c, candidates.rewind(), n);
    }

    /** One batch through the model; the inputs are already laid out (row-major). */
    float[] run(
            float[] query,
            float[] prompt,
            FloatBuffer context,
            FloatBuffer mask,
            int contextLength,
            FloatBuffer candidates,
            int n) {
        try (OnnxTensor q = OnnxTensor.createTensor(env, FloatBuffer.wrap(query), new long[] {1, DIM});
                OnnxTensor p = OnnxTensor.createTensor(env, FloatBuffer.wrap(prompt), new long[] {1, DIM});
                OnnxTensor ctx = OnnxTensor.createTensor(env, context, new long[] {1, contextLength, TRACK_WIDTH});
                OnnxTensor m = OnnxTensor.createTensor(env, mask, new long[] {1, contextLength});
                OnnxTensor cand = OnnxTensor.createTensor(env, candidates, new long[] {1, n, CANDIDATE_WIDTH});
                OrtSession.Result result = session.run(
                        Map.of("query", q, "prompt", p, "context", ctx, "context_mask", m, "candidates", cand))) {
            return ((float[][]) result.get(0).getValue())[0];
        } catch (OrtException e) {
            throw new IllegalStateException("ranker model failed: " + e.getMessage(), e);
        }
    }

    private static void putVector(FloatBuffer buffer, float[] vector) {
        if (vector == null) {
            buffer.position(buffer.position() + DIM); // a track without a vector: zeros (never in a consistent index)
        } else {
            buffer.put(vector);
        }
    }

    private static void expect(Map<String, String> meta, String key, String wanted) throws IOException {
        String found = meta.get(key);
        if (!wanted.equals(found)) {
            throw new IOException("it was trained for " + key + "=" + found + ", this build has " + wanted
                    + "; retrain with tools/ranker/run");
        }
    }

    private static byte[] read(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length());
            try (InputStream in = TransformerRanker.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("not found on the classpath");
                }
                return in.readAllBytes();
            }
        }
        Path path = Path.of(location);
        if (!Files.isRegularFile(path)) {
            throw new IOException("file not found");
        }
        return Files.readAllBytes(path);
    }

    @Override
    public void close() {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                LOG.debug("closing the ranker session", e);
            }
        }
    }
}
