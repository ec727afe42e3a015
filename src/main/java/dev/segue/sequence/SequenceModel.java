package dev.segue.sequence;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.segue.embedding.TextEmbedder;
import dev.segue.embedding.TrackText;
import dev.segue.ranking.RankerFeatures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The sequence model (tools/sequence): a track encoder, run once per catalog, and a causal encoder of (title, seed
 * tracks) whose output scores every track as what plays next. Both graphs run in ONNX Runtime, one session each per
 * process. A model that is missing, unreadable, or built for other features or embeddings leaves it
 * {@linkplain #unavailable unavailable} with one warning: seeded requests then keep today's path.
 */
public final class SequenceModel implements AutoCloseable {

    public static final String TRACK_ENCODER = "classpath:models/sequence-track-encoder.onnx";
    public static final String SEQUENCE_ENCODER = "classpath:models/sequence-encoder.onnx";
    /** What a trace says when the model does not serve. */
    public static final String NONE = "none";
    /** Training read at most this many seeds, the last ones (segue.sequence.max_seeds). */
    public static final int MAX_SEEDS = 50;
    /** A track's input: its index vector, then {@link RankerFeatures#TRACK}. */
    public static final int INPUT_WIDTH = TextEmbedder.DIMENSION + RankerFeatures.TRACK.size();

    private static final Logger LOG = Logger.getLogger(SequenceModel.class);

    /** The encoded (title, seeds): score a track by {@code query · item + artistWeight · ln(1 + seeds by its artist)}. */
    public record Query(float[] query, float artistWeight) {

        /** How likely a track plays next: its item against the query, plus the artist term. */
        public double score(float[] item, int seedsByArtist) {
            double sum = 0;
            for (int i = 0; i < query.length; i++) {
                sum += query[i] * item[i];
            }
            return sum + artistWeight * Math.log1p(seedsByArtist);
        }
    }

    private final OrtSession tracks;
    private final OrtSession sequence;
    private final String version;
    private final int itemDimension;
    private final String problem;

    private SequenceModel(OrtSession tracks, OrtSession sequence, String version, int itemDimension, String problem) {
        this.tracks = tracks;
        this.sequence = sequence;
        this.version = version;
        this.itemDimension = itemDimension;
        this.problem = problem;
    }

    public static SequenceModel unavailable(String why) {
        return new SequenceModel(null, null, null, 0, why);
    }

    /** Loads both graphs; never throws: a model that cannot serve is unavailable and says why in one warning. */
    public static SequenceModel load(String trackEncoder, String sequenceEncoder) {
        try {
            return open(trackEncoder, sequenceEncoder);
        } catch (Exception e) {
            String why = "sequence model " + trackEncoder + " + " + sequenceEncoder + " not used (" + e.getMessage()
                    + "); seeded playlists use today's seeded path";
            LOG.warn(why);
            return unavailable(why);
        }
    }

    /** Loads and checks both graphs; throws with a message that says what is wrong. */
    static SequenceModel open(String trackEncoder, String sequenceEncoder) throws IOException, OrtException {
        OrtSession tracks = session(trackEncoder, List.of("tracks"));
        try {
            OrtSession sequence = session(sequenceEncoder, List.of("title", "seeds", "seed_mask"));
            Map<String, String> meta = tracks.getMetadata().getCustomMetadata();
            String version = meta.get("segue.sequence.version");
            if (version == null
                    || !version.equals(
                            sequence.getMetadata().getCustomMetadata().get("segue.sequence.version"))) {
                sequence.close();
                throw new IOException("the two graphs come from different models");
            }
            int items = Integer.parseInt(meta.getOrDefault("segue.sequence.item_dimension", "0"));
            LOG.infof("sequence model %s loaded (items of %d floats)", version, items);
            return new SequenceModel(tracks, sequence, version, items, null);
        } catch (IOException | OrtException | RuntimeException e) {
            tracks.close();
            throw e;
        }
    }

    private static OrtSession session(String location, List<String> inputs) throws IOException, OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        // Requests run in parallel already; one request encodes one short sequence.
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        OrtSession session = OrtEnvironment.getEnvironment().createSession(read(location), options);
        try {
            Map<String, String> meta = session.getMetadata().getCustomMetadata();
            expect(meta, "segue.features.track", String.join(",", RankerFeatures.TRACK));
            expect(meta, "segue.embedding.model", TextEmbedder.MODEL_ID);
            expect(meta, "segue.embedding.track_text", TrackText.VERSION);
            expect(meta, "segue.embedding.dimension", Integer.toString(TextEmbedder.DIMENSION));
            for (String input : inputs) {
                if (!session.getInputNames().contains(input)) {
                    throw new IOException(location + " has no input \"" + input + "\"");
                }
            }
            return session;
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    public boolean available() {
        return tracks != null;
    }

    /** "VERSION" of the model, or "none" when it does not serve. */
    public String name() {
        return available() ? version : NONE;
    }

    /** Why the model is unavailable; null when it serves. */
    public String problem() {
        return problem;
    }

    public int itemDimension() {
        return itemDimension;
    }

    /** The items of {@code n} tracks laid out row-major in {@code inputs} ({@link #INPUT_WIDTH} floats each). */
    public float[][] items(FloatBuffer inputs, int n) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor in = OnnxTensor.createTensor(env, inputs, new long[] {n, INPUT_WIDTH});
                OrtSession.Result result = tracks.run(Map.of("tracks", in))) {
            return (float[][]) result.get(0).getValue();
        } catch (OrtException e) {
            throw new IllegalStateException("sequence track encoder failed: " + e.getMessage(), e);
        }
    }

    /** Encodes a title vector and the seeds' items in play order (the last {@link #MAX_SEEDS}; none is allowed). */
    public Query query(float[] title, List<float[]> seedItems) {
        List<float[]> seeds = seedItems.subList(Math.max(0, seedItems.size() - MAX_SEEDS), seedItems.size());
        int length = Math.max(1, seeds.size());
        FloatBuffer seedBuffer = FloatBuffer.allocate(length * itemDimension);
        FloatBuffer mask = FloatBuffer.allocate(length);
        for (float[] item : seeds) {
            seedBuffer.put(item);
            mask.put(1f);
        }
        // No seed: one all-zero token, masked out (ONNX shapes cannot be empty here).
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(title), new long[] {1, title.length});
                OnnxTensor s =
                        OnnxTensor.createTensor(env, seedBuffer.rewind(), new long[] {1, length, itemDimension});
                OnnxTensor m = OnnxTensor.createTensor(env, mask.rewind(), new long[] {1, length});
                OrtSession.Result result = sequence.run(Map.of("title", t, "seeds", s, "seed_mask", m))) {
            float[] query = ((float[][]) result.get("query").orElseThrow().getValue())[0];
            float weight = ((float[]) result.get("artist_weight").orElseThrow().getValue())[0];
            return new Query(query, weight);
        } catch (OrtException e) {
            throw new IllegalStateException("sequence encoder failed: " + e.getMessage(), e);
        }
    }

    private static void expect(Map<String, String> meta, String key, String wanted) throws IOException {
        String found = meta.get(key);
        if (!wanted.equals(found)) {
            throw new IOException("it was trained for " + key + "=" + found + ", this build has " + wanted
                    + "; retrain with tools/sequence/run");
        }
    }

    private static byte[] read(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length());
            try (InputStream in = SequenceModel.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException(location + " not found on the classpath");
                }
                return in.readAllBytes();
            }
        }
        Path path = Path.of(location);
        if (!Files.isRegularFile(path)) {
            throw new IOException(location + ": file not found");
        }
        return Files.readAllBytes(path);
    }

    @Override
    public void close() {
        for (OrtSession session : new OrtSession[] {tracks, sequence}) {
            if (session != null) {
                try {
                    session.close();
                } catch (OrtException e) {
                    LOG.debug("closing a sequence model session", e);
                }
            }
        }
    }
}
