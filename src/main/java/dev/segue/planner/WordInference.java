package dev.segue.planner;

import dev.segue.catalog.ProgressBar;
import dev.segue.catalog.Tags;
import dev.segue.embedding.TextEmbedder;
import dev.segue.embedding.Vectors;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Words no list knows ("sorrowful", "xylophonia") are compared with every tag name of the catalog by embedding; a
 * close enough tag becomes a soft, inferred wish, and anything else is reported as unmatched.
 */
@ApplicationScoped
class WordInference {

    /** Below this cosine, an unknown word is not read as a tag (all-MiniLM-L6-v2, word vs. tag words). */
    static final double INFER_THRESHOLD = 0.62;

    private final TextEmbedder embedder;
    private final Map<String, float[]> tagVectors = new LinkedHashMap<>();

    WordInference(PhraseBook phrases, TextEmbedder embedder) {
        this.embedder = embedder;
        List<String> tags = new ArrayList<>(phrases.vocabulary());
        tags.sort(null);
        List<float[]> vectors = embedder.embedAll(tags.stream().map(Tags::words).toList(), ProgressBar.SILENT);
        for (int i = 0; i < tags.size(); i++) {
            tagVectors.put(tags.get(i), vectors.get(i));
        }
    }

    /** Reads the draft's unknown words: each becomes an inferred group or an unmatched word, and a search word. */
    void infer(Draft d) {
        if (d.unknown.isEmpty()) {
            return;
        }
        List<String> words = new ArrayList<>(new LinkedHashSet<>(d.unknown));
        for (String word : words) {
            float[] vector = embedder.embed(word);
            String best = null;
            double bestScore = -1;
            for (Map.Entry<String, float[]> tag : tagVectors.entrySet()) {
                double score = Vectors.dot(vector, tag.getValue());
                if (score > bestScore) {
                    bestScore = score;
                    best = tag.getKey();
                }
            }
            d.queryWords.add(word);
            if (best != null && bestScore >= INFER_THRESHOLD && !d.excludeTags.contains(best)) {
                d.include.add(new TagGroup(word, List.of(best), "inferred", 0.5, false));
                d.notes.add(String.format(
                        Locale.ROOT, "read \"%s\" as the tag %s (similarity %.2f)", word, best, bestScore));
            } else {
                d.unmatched.add(word);
            }
        }
    }
}
